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

import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { ObjectiveReport } from '@backstage-itsm/plugin-itsm-common';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { itsmTranslationRef, ItsmTranslation } from '../../translation';

/**
 * How many incidents of the period are still pending (running, not yet
 * late): they decide whether a closed period's figures are final. Counted
 * once each across objectives from the scorers' open lists, else the
 * largest `pending` count an objective reports.
 */
export function pendingIncidents(objectives: ObjectiveReport[]): number {
  const keys = new Set<string>();
  let counted = 0;
  for (const o of objectives) {
    const details = o.details ?? {};
    for (const entry of o.openIncidents ?? []) {
      if (entry.earlierPeriod === true || entry.milestone === 'breached') {
        continue;
      }
      keys.add(`${entry.source}\u0000${entry.externalId}`);
    }
    if (typeof details.pending === 'number') {
      counted = Math.max(counted, details.pending);
    }
  }
  return Math.max(keys.size, counted);
}

/** Whether figures are final, provisional or of an open period. */
export function figuresState(
  t: ItsmTranslation,
  state: { closed: boolean; final: boolean },
  objectives: ObjectiveReport[],
): { text: string; explanation: string } {
  if (!state.closed) {
    return {
      text: t('figuresState.open'),
      explanation: t('figuresState.openExplanation'),
    };
  }
  if (!state.final) {
    const pending = pendingIncidents(objectives);
    return {
      text:
        pending > 0
          ? t('figuresState.provisional', { count: pending })
          : t('figuresState.provisionalUncounted'),
      explanation: t('figuresState.provisionalExplanation'),
    };
  }
  return {
    text: t('figuresState.final'),
    explanation: t('figuresState.finalExplanation'),
  };
}

/** "Period open", "Provisional: 1 incident still open" or "Final", explained on hover. */
export function FiguresState(props: {
  state: { closed: boolean; final: boolean };
  objectives: ObjectiveReport[];
}) {
  const { t } = useTranslationRef(itsmTranslationRef);
  const { text, explanation } = figuresState(t, props.state, props.objectives);
  return (
    <Tooltip title={explanation}>
      <Typography
        component="span"
        variant="body2"
        color={props.state.final ? 'textPrimary' : 'textSecondary'}
        tabIndex={0}
        style={{ whiteSpace: 'nowrap' }}
      >
        {text}
      </Typography>
    </Tooltip>
  );
}
