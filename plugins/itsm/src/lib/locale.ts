/*
 * Copyright 2026 The Backstage ITSM Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

import {
  coreApis,
  useApiHolder,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { useEffect, useMemo, useState } from 'react';
import { itsmTranslationRef } from '../translation';
import { createFormat, ItsmFormat } from './format';

/** A language tag Intl accepts, or undefined. */
export function toLocale(language: string | undefined): string | undefined {
  if (!language) return undefined;
  try {
    return Intl.getCanonicalLocales(language)[0];
  } catch {
    // A malformed tag would make every Intl formatter throw.
    return undefined;
  }
}

/**
 * The user's language for numbers and dates: the app's language (the one
 * the translation API shows messages in), else the browser's, else English.
 * The app language API is read optionally so that the components also
 * render where no app provides it.
 */
export function useLocale(): string {
  const languageApi = useApiHolder().get(coreApis.appLanguage);
  const [language, setLanguage] = useState(
    () => languageApi?.getLanguage().language,
  );
  useEffect(() => {
    if (!languageApi) return undefined;
    setLanguage(languageApi.getLanguage().language);
    const subscription = languageApi
      .language$()
      .subscribe(next => setLanguage(next.language));
    return () => subscription.unsubscribe();
  }, [languageApi]);
  return (
    toLocale(language) ??
    toLocale(
      typeof navigator === 'undefined' ? undefined : navigator.language,
    ) ??
    'en'
  );
}

/** Numbers, money and dates formatted for the user's language. */
export function useFormat(): ItsmFormat {
  const { t } = useTranslationRef(itsmTranslationRef);
  const locale = useLocale();
  return useMemo(() => createFormat(t, locale), [t, locale]);
}
