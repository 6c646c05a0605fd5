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

import { stringifyEntityRef } from '@backstage/catalog-model';
import type { Agreement, ITServiceEntity, Objective } from '../entities';
import { parseDuration } from '../validation/duration';

/**
 * The availability of services in series, all needed: the product of their
 * availabilities, in percent. No services, nothing to fail: 100.
 *
 * @public
 */
export function seriesAvailability(availabilities: number[]): number {
  return availabilities.reduce((product, a) => (product * a) / 100, 100);
}

/**
 * The availability of redundant services, any one enough:
 * 1 − Π(1 − a), in percent. No services, nothing to serve: 0.
 *
 * @public
 */
export function parallelAvailability(availabilities: number[]): number {
  const allDown = availabilities.reduce(
    (product, a) => (product * (100 - a)) / 100,
    100,
  );
  return 100 - allDown;
}

/** An OLA or UC objective less strict than the SLA objective it underpins. @public */
export type StrictnessWarning = {
  sla: string;
  objective: string;
  underpinning: {
    /** Entity ref (lower case) of the service carrying the OLA or UC. */
    service: string;
    agreement: string;
    type: 'OLA' | 'UC';
    objective: string;
  };
  slaTarget: number;
  underpinningTarget: number;
  message: string;
};

type Underpinning = Agreement & { type: 'OLA' | 'UC' };

const isUnderpinning = (agreement: Agreement): agreement is Underpinning =>
  agreement.type === 'OLA' || agreement.type === 'UC';

// Objectives promise the same thing when of one type and, for incident
// objectives, one priority; SLIs also need the same indicator.
function sameKind(a: Objective, b: Objective): boolean {
  if (a.type !== b.type) {
    return false;
  }
  if (a.type === 'response' || a.type === 'resolution') {
    return a.priority === b.priority;
  }
  return a.type !== 'sli' || a.indicator === b.indicator;
}

function looser(sla: Objective, underpinning: Objective): string[] {
  const reasons = underpinning.target < sla.target ? ['lower target'] : [];
  const slaMs = sla.threshold && parseDuration(sla.threshold);
  const underpinningMs =
    underpinning.threshold && parseDuration(underpinning.threshold);
  if (slaMs && underpinningMs && underpinningMs > slaMs) {
    reasons.push('longer threshold');
  }
  return reasons;
}

const summary = (objective: Objective) =>
  `"${objective.name}" (${objective.target} %${
    objective.threshold ? ` within ${objective.threshold}` : ''
  })`;

function compare(
  sla: Agreement,
  objective: Objective,
  underpinning: { service: string; agreement: Underpinning },
  other: Objective,
): StrictnessWarning[] {
  const reasons = looser(objective, other);
  if (reasons.length === 0) {
    return [];
  }
  const { service, agreement } = underpinning;
  return [
    {
      sla: sla.name,
      objective: objective.name,
      underpinning: {
        service,
        agreement: agreement.name,
        type: agreement.type,
        objective: other.name,
      },
      slaTarget: objective.target,
      underpinningTarget: other.target,
      message:
        `${agreement.type} "${
          agreement.name
        }" of ${service} objective ${summary(other)} ` +
        `is less strict than SLA "${sla.name}" objective ${summary(
          objective,
        )}: ` +
        `${reasons.join(', ')}`,
    },
  ];
}

/**
 * ITIL: an OLA or UC that underpins an SLA must be at least as strict as
 * the SLA. Compares every objective of the service's SLAs with the OLA and
 * UC objectives on the service itself and on the given services it depends
 * on, pairing objectives of the same type (response and resolution: the
 * same priority; sli: the same indicator). Warns when the underpinning
 * target is lower or its threshold is longer; one warning per pair, its
 * message naming both agreements, objectives, targets and thresholds.
 *
 * @public
 */
export function underpinningWarnings(
  service: ITServiceEntity,
  dependencies: ITServiceEntity[],
): StrictnessWarning[] {
  const refOf = (entity: ITServiceEntity) =>
    stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  // A service listed among its own dependencies must not warn twice.
  const entities = [service, ...dependencies].filter(
    (entity, i, all) => all.findIndex(e => refOf(e) === refOf(entity)) === i,
  );
  const underpinnings = entities.flatMap(entity =>
    (entity.spec.agreements ?? [])
      .filter(isUnderpinning)
      .map(agreement => ({ service: refOf(entity), agreement })),
  );
  const slas = (service.spec.agreements ?? []).filter(a => a.type === 'SLA');
  return slas.flatMap(sla =>
    sla.objectives.flatMap(objective =>
      underpinnings.flatMap(underpinning =>
        underpinning.agreement.objectives
          .filter(other => sameKind(objective, other))
          .flatMap(other => compare(sla, objective, underpinning, other)),
      ),
    ),
  );
}
