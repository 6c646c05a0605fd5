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
  StatusAborted,
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Tooltip from '@material-ui/core/Tooltip';
import type { SlaStatus as Status } from '@backstage-itsm/plugin-itsm-common';
import { createContext, useContext } from 'react';
import { useFormat } from '../../lib/locale';
import { itsmTranslationRef } from '../../translation';

/**
 * The report's `atRiskBudgetRemaining`, for the explanation of "At risk";
 * pages without a service report leave it unset.
 */
export const AtRiskShareContext = createContext<number | undefined>(undefined);

/** The message group of each status. */
const MESSAGES = {
  met: 'met',
  'at-risk': 'atRisk',
  breached: 'breached',
  'no-data': 'noData',
} as const;

/** A status with its colour, word and what it means on hover. */
export function SlaStatus(props: { status: Status }) {
  const { t } = useTranslationRef(itsmTranslationRef);
  const { formatPercent } = useFormat();
  const atRiskShare = useContext(AtRiskShareContext);
  const messages = MESSAGES[props.status];
  const text = t(`status.${messages}.text`);
  const explanation =
    props.status === 'at-risk' && atRiskShare !== undefined
      ? t('status.atRisk.explanationWithShare', {
          share: formatPercent(atRiskShare * 100, 0),
        })
      : t(`status.${messages}.explanation`);
  const Icon = {
    met: StatusOK,
    'at-risk': StatusWarning,
    breached: StatusError,
    'no-data': StatusAborted,
  }[props.status];
  return (
    <Tooltip title={explanation}>
      <span>
        <Icon>{text}</Icon>
      </span>
    </Tooltip>
  );
}
