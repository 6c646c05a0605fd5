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
import Tooltip from '@material-ui/core/Tooltip';
import type { SlaStatus as Status } from '@backstage-itsm/plugin-itsm-common';
import { createContext, useContext } from 'react';
import { formatPercent } from '../../lib/format';

/**
 * The report's `atRiskBudgetRemaining`, for the explanation of "At risk";
 * pages without a service report leave it unset.
 */
export const AtRiskShareContext = createContext<number | undefined>(undefined);

const LABELS: Record<Status, { text: string; explanation: string }> = {
  met: {
    text: 'Met',
    explanation: 'On target, with enough error budget left.',
  },
  'at-risk': {
    text: 'At risk',
    explanation:
      'Still on target, but little of the error budget is left, a fast-burn alert is firing, or the forecast breaches before the period ends.',
  },
  breached: {
    text: 'Breached',
    explanation: 'Below target: the error budget is spent.',
  },
  'no-data': {
    text: 'No data',
    explanation:
      'No measurement source has reported for this service in the period.',
  },
};

/** A status with its colour, word and what it means on hover. */
export function SlaStatus(props: { status: Status }) {
  const atRiskShare = useContext(AtRiskShareContext);
  const { text } = LABELS[props.status];
  const explanation =
    props.status === 'at-risk' && atRiskShare !== undefined
      ? `Still on target, but less than ${formatPercent(
          atRiskShare * 100,
          0,
        )} of the error budget is left, a fast-burn alert is firing, or the forecast breaches before the period ends.`
      : LABELS[props.status].explanation;
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
