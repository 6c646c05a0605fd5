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

import { parseEntityRef } from '@backstage/catalog-model';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { itsmTranslationRef } from '../../translation';

/** A link to a ref as written in YAML, which may leave out kind and namespace. */
export function RefLink(props: {
  entityRef: string;
  defaultKind: string;
  namespace?: string;
}) {
  const ref = parseEntityRef(props.entityRef, {
    defaultKind: props.defaultKind,
    defaultNamespace: props.namespace ?? 'default',
  });
  return <EntityRefLink entityRef={ref} />;
}

/** Comma-separated links, or `empty` when there are none. */
export function RefLinks(props: {
  refs?: string[];
  defaultKind: string;
  namespace?: string;
  empty?: string;
}) {
  const { t } = useTranslationRef(itsmTranslationRef);
  if (!props.refs?.length) return <>{props.empty ?? t('common.none')}</>;
  return (
    <>
      {props.refs.map((ref, i) => (
        <span key={ref}>
          {i > 0 && ', '}
          <RefLink
            entityRef={ref}
            defaultKind={props.defaultKind}
            namespace={props.namespace}
          />
        </span>
      ))}
    </>
  );
}
