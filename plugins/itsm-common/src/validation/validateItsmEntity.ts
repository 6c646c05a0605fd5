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

import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Entity } from '@backstage/catalog-model';
import { DateTime, IANAZone } from 'luxon';
import { rrulestr } from 'rrule';
import itServiceSchema from '../schema/ITService.v1alpha1.schema.json';
import stakeholderSchema from '../schema/Stakeholder.v1alpha1.schema.json';
import supplierSchema from '../schema/Supplier.v1alpha1.schema.json';
import { ItsmKind } from '../constants';
import {
  Agreement,
  ITServiceEntity,
  itsmKindOf,
  SupplierEntity,
} from '../entities';
import {
  AGREEMENT_NOTIFY,
  entityRefKey,
  ITSM_REF_FIELDS,
  ItsmRefField,
  OLA_COUNTERPARTY,
  refsInField,
  resolveItsmRef,
} from '../refs';
import { parseDuration } from './duration';

/** One thing wrong with an entity: where, and what was expected. @public */
export interface ItsmValidationProblem {
  /** Dotted path of the field, e.g. spec.agreements[0].objectives[1].target. */
  path: string;
  message: string;
}

const SCHEMAS: Record<ItsmKind, object> = {
  ITService: itServiceSchema,
  Stakeholder: stakeholderSchema,
  Supplier: supplierSchema,
};

class Problems {
  readonly list: ItsmValidationProblem[] = [];
  add(path: string, message: string) {
    this.list.push({ path, message });
  }
}

let validators: Record<ItsmKind, ValidateFunction> | undefined;
function validatorFor(kind: ItsmKind): ValidateFunction {
  if (!validators) {
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true });
    addFormats(ajv, ['email', 'uri']);
    validators = {
      ITService: ajv.compile(SCHEMAS.ITService),
      Stakeholder: ajv.compile(SCHEMAS.Stakeholder),
      Supplier: ajv.compile(SCHEMAS.Supplier),
    };
  }
  return validators[kind];
}

/**
 * Validates an ITService, Stakeholder or Supplier: the JSON Schema of its
 * kind first, then what a schema cannot say (time zones, recurrence rules,
 * references and their kinds, agreement counterparties, unique names).
 * Returns every problem found; an empty list means the entity is valid.
 * Entities of other kinds yield no problems.
 *
 * @public
 */
export function validateItsmEntity(entity: Entity): ItsmValidationProblem[] {
  const kind = itsmKindOf(entity);
  if (!kind) {
    return [];
  }
  const validate = validatorFor(kind);
  if (!validate(entity)) {
    // Semantic checks assume the shape is right, so shape errors come alone.
    return (validate.errors ?? []).map(describeSchemaError);
  }
  const problems = new Problems();
  if (kind === 'ITService') {
    checkITService(entity as ITServiceEntity, problems);
  } else if (kind === 'Stakeholder') {
    checkRefs(entity, ITSM_REF_FIELDS.Stakeholder, problems);
  } else {
    checkSupplier(entity as SupplierEntity, problems);
  }
  return problems.list;
}

/** Formats problems as one line each, `path: message`. @public */
export function formatItsmValidationProblems(
  problems: ItsmValidationProblem[],
): string {
  return problems.map(p => `${p.path}: ${p.message}`).join('; ');
}

// What each pattern in the schemas means, in words a YAML author knows.
const PATTERN_HINTS: Record<string, string> = {
  '^(?=\\d)(\\d+w)?(\\d+d)?(\\d+h)?(\\d+m)?(\\d+s)?$':
    'a duration such as 15m, 4h, 1h30m, 90d or 2w',
  '^([01]\\d|2[0-3]):[0-5]\\d$|^24:00$': 'a time of day HH:mm (00:00 to 24:00)',
  '^\\d{4}-\\d{2}-\\d{2}$': 'a calendar date YYYY-MM-DD',
  '^[A-Z]{3}$': 'an ISO 4217 currency code such as EUR',
  '^(availability|response|resolution|sli|x-[a-z0-9][a-z0-9-]*)$':
    'one of availability, response, resolution, sli, or a custom type x-<name>',
};

function describeSchemaError(error: ErrorObject): ItsmValidationProblem {
  const path = toPath(error.instancePath);
  const got = ` (got ${JSON.stringify(error.data)})`;
  switch (error.keyword) {
    case 'required':
      return {
        path: joinPath(path, error.params.missingProperty),
        message: 'is required',
      };
    case 'additionalProperties':
      return {
        path: joinPath(path, error.params.additionalProperty),
        message: `is not a known field of ${path}`,
      };
    case 'enum':
      return {
        path,
        message: `must be one of ${error.params.allowedValues.join(
          ', ',
        )}${got}`,
      };
    case 'const':
      return {
        path,
        message: `must be ${JSON.stringify(error.params.allowedValue)}${got}`,
      };
    case 'type':
      return { path, message: `must be ${article(error.params.type)}${got}` };
    case 'pattern':
      return {
        path,
        message: `must be ${
          PATTERN_HINTS[error.params.pattern] ??
          `text matching ${error.params.pattern}`
        }${got}`,
      };
    case 'exclusiveMinimum':
      return {
        path,
        message: `must be greater than ${error.params.limit}${got}`,
      };
    case 'maximum':
      return { path, message: `must be at most ${error.params.limit}${got}` };
    case 'minimum':
      return { path, message: `must be at least ${error.params.limit}${got}` };
    case 'format':
      return { path, message: `must be a valid ${error.params.format}${got}` };
    default:
      return { path, message: `${error.message ?? 'is invalid'}${got}` };
  }
}

function toPath(instancePath: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .map(part => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce(
      (path, part) =>
        /^\d+$/.test(part) ? `${path}[${part}]` : joinPath(path, part),
      '',
    );
}

function joinPath(path: string, field: string): string {
  return path ? `${path}.${field}` : field;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function checkRefs(
  entity: Entity,
  fields: Record<string, ItsmRefField>,
  problems: Problems,
) {
  for (const [name, field] of Object.entries(fields)) {
    for (const { ref, path } of refsInField(entity, name)) {
      checkRef(ref, field, entity, path, problems);
    }
  }
}

function checkRef(
  ref: string,
  field: ItsmRefField,
  entity: Entity,
  path: string,
  problems: Problems,
): string | undefined {
  try {
    const { kind, namespace, name } = resolveItsmRef(ref, field, entity);
    return `${kind}:${namespace}/${name}`;
  } catch (error) {
    problems.add(path, `${(error as Error).message}`);
    return undefined;
  }
}

function checkZone(zone: string, path: string, problems: Problems): boolean {
  if (IANAZone.isValidZone(zone)) {
    return true;
  }
  problems.add(
    path,
    `must be an IANA time zone such as Europe/Berlin (got "${zone}")`,
  );
  return false;
}

function checkDate(text: string, path: string, problems: Problems) {
  const date = DateTime.fromISO(text, { zone: 'utc' });
  if (!date.isValid) {
    problems.add(path, `must be a calendar date YYYY-MM-DD (got "${text}")`);
  }
  return date;
}

function checkUniqueNames(
  items: Array<{ name: string }>,
  path: string,
  what: string,
  problems: Problems,
) {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.name)) {
      problems.add(
        `${path}[${i}].name`,
        `duplicate ${what} name "${item.name}"`,
      );
    }
    seen.add(item.name);
  });
}

function checkITService(entity: ITServiceEntity, problems: Problems) {
  const { spec } = entity;
  checkRefs(entity, ITSM_REF_FIELDS.ITService, problems);

  const self = entityRefKey(entity);
  spec.dependsOn?.forEach((ref, i) => {
    const resolved = checkRefQuietly(
      ref,
      ITSM_REF_FIELDS.ITService.dependsOn,
      entity,
    );
    if (resolved === self) {
      problems.add(`spec.dependsOn[${i}]`, 'a service cannot depend on itself');
    }
  });

  const hours = spec.serviceHours;
  if (hours) {
    checkZone(hours.timezone, 'spec.serviceHours.timezone', problems);
    hours.intervals.forEach((interval, i) => {
      if (interval.start >= interval.end) {
        problems.add(
          `spec.serviceHours.intervals[${i}]`,
          `start must be before end (got ${interval.start}–${interval.end})`,
        );
      }
    });
    hours.holidays?.forEach((holiday, i) =>
      checkDate(
        holiday.date,
        `spec.serviceHours.holidays[${i}].date`,
        problems,
      ),
    );
  }

  spec.maintenance?.forEach((window, i) => {
    const path = `spec.maintenance[${i}]`;
    const zone = window.timezone ?? hours?.timezone ?? 'UTC';
    if (window.timezone) {
      checkZone(window.timezone, `${path}.timezone`, problems);
    }
    if (
      !DateTime.fromISO(window.start, {
        zone: IANAZone.isValidZone(zone) ? zone : 'UTC',
      }).isValid
    ) {
      problems.add(
        `${path}.start`,
        `must be an ISO 8601 date-time such as 2026-01-04T02:00 (got "${window.start}")`,
      );
    }
    if (!isRecurrenceRule(window.rrule)) {
      problems.add(
        `${path}.rrule`,
        `must be an RFC 5545 recurrence rule such as FREQ=WEEKLY;BYDAY=SU (got "${window.rrule}")`,
      );
    } else {
      const tooFine = tooFineRecurrence(window.rrule);
      if (tooFine) problems.add(`${path}.rrule`, tooFine);
    }
    if (parseDuration(window.duration) === undefined) {
      problems.add(
        `${path}.duration`,
        `must be a positive duration such as 2h (got "${window.duration}")`,
      );
    }
  });
  if (spec.maintenance) {
    checkUniqueNames(
      spec.maintenance,
      'spec.maintenance',
      'maintenance window',
      problems,
    );
  }

  const agreements = spec.agreements ?? [];
  checkUniqueNames(agreements, 'spec.agreements', 'agreement', problems);
  agreements.forEach((agreement, i) =>
    checkAgreement(entity, agreement, `spec.agreements[${i}]`, problems),
  );
}

function checkRefQuietly(ref: string, field: ItsmRefField, entity: Entity) {
  return checkRef(ref, field, entity, '', new Problems());
}

/**
 * Why a recurrence repeats more often than maintenance windows can (at most
 * hourly), or undefined: finer rules would expand to hundreds of thousands
 * of windows a month on every report.
 */
function tooFineRecurrence(text: string): string | undefined {
  const parts = new Map(
    text
      .replace(/^RRULE:/i, '')
      .split(';')
      .map(part => part.split('=') as [string, string])
      .map(([key, value]) => [key.toUpperCase(), value ?? '']),
  );
  const freq = parts.get('FREQ')?.toUpperCase();
  if (freq === 'SECONDLY' || freq === 'MINUTELY') {
    return `FREQ=${freq} repeats more often than hourly: maintenance windows may repeat at most hourly (FREQ=HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY)`;
  }
  if (parts.has('BYSECOND')) {
    return 'BYSECOND is not supported: maintenance windows start on whole minutes';
  }
  if ((parts.get('BYMINUTE') ?? '').split(',').length > 1) {
    return 'BYMINUTE may hold one minute only: maintenance windows repeat at most hourly';
  }
  return undefined;
}

function isRecurrenceRule(text: string): boolean {
  const rule = text.replace(/^RRULE:/i, '');
  if (!/(^|;)FREQ=/i.test(rule)) {
    return false;
  }
  try {
    rrulestr(`RRULE:${rule}`);
    return true;
  } catch {
    return false;
  }
}

function checkAgreement(
  entity: ITServiceEntity,
  agreement: Agreement,
  path: string,
  problems: Problems,
) {
  const { spec } = entity;
  const listed = (refs: string[] | undefined, field: ItsmRefField) =>
    new Set((refs ?? []).map(ref => checkRefQuietly(ref, field, entity)));

  if (agreement.type === 'SLA') {
    const ref = checkRef(
      agreement.with,
      ITSM_REF_FIELDS.ITService.customers,
      entity,
      `${path}.with`,
      problems,
    );
    if (
      ref &&
      !listed(spec.customers, ITSM_REF_FIELDS.ITService.customers).has(ref)
    ) {
      problems.add(
        `${path}.with`,
        `an SLA's counterparty must be one of spec.customers (got "${agreement.with}")`,
      );
    }
  } else if (agreement.type === 'UC') {
    const ref = checkRef(
      agreement.with,
      ITSM_REF_FIELDS.ITService.suppliers,
      entity,
      `${path}.with`,
      problems,
    );
    if (
      ref &&
      !listed(spec.suppliers, ITSM_REF_FIELDS.ITService.suppliers).has(ref)
    ) {
      problems.add(
        `${path}.with`,
        `a UC's counterparty must be one of spec.suppliers (got "${agreement.with}")`,
      );
    }
  } else {
    const ref = checkRef(
      agreement.with,
      OLA_COUNTERPARTY,
      entity,
      `${path}.with`,
      problems,
    );
    const external = listed(
      spec.customers,
      ITSM_REF_FIELDS.ITService.customers,
    );
    if (ref && external.has(ref)) {
      problems.add(
        `${path}.with`,
        `an OLA is with an internal party, but "${agreement.with}" is a customer of this service: use an SLA`,
      );
    }
  }

  agreement.notify?.forEach((ref, k) =>
    checkRef(ref, AGREEMENT_NOTIFY, entity, `${path}.notify[${k}]`, problems),
  );

  checkUniqueNames(
    agreement.objectives,
    `${path}.objectives`,
    'objective',
    problems,
  );
  agreement.objectives.forEach((objective, j) => {
    const at = `${path}.objectives[${j}]`;
    const timed =
      objective.type === 'response' || objective.type === 'resolution';
    if (timed) {
      if (!objective.priority) {
        problems.add(
          `${at}.priority`,
          `is required for a ${objective.type} objective (P1 to P5)`,
        );
      }
      if (!objective.threshold) {
        problems.add(
          `${at}.threshold`,
          `is required for a ${objective.type} objective, e.g. 4h`,
        );
      } else if (parseDuration(objective.threshold) === undefined) {
        problems.add(
          `${at}.threshold`,
          `must be a positive duration such as 15m or 4h (got "${objective.threshold}")`,
        );
      }
    } else {
      for (const field of ['priority', 'threshold'] as const) {
        if (objective[field] !== undefined) {
          problems.add(
            `${at}.${field}`,
            `applies only to response and resolution objectives, not ${objective.type}`,
          );
        }
      }
    }
    if (objective.type === 'sli' && !objective.indicator) {
      problems.add(
        `${at}.indicator`,
        'is required for an sli objective: the indicator whose good/total counts are reported',
      );
    }
    if (objective.prometheus !== undefined) {
      if (objective.type !== 'sli') {
        problems.add(
          `${at}.prometheus`,
          `applies only to sli objectives, not ${objective.type}`,
        );
      } else if (
        (objective.prometheus.good === undefined) ===
        (objective.prometheus.errors === undefined)
      ) {
        problems.add(
          `${at}.prometheus`,
          'needs exactly one of good and errors, beside total',
        );
      }
    }
    if (objective.type !== 'sli' && objective.indicator !== undefined) {
      problems.add(
        `${at}.indicator`,
        `applies only to sli objectives, not ${objective.type}`,
      );
    }
    if (objective.calendar === 'service-hours' && !spec.serviceHours) {
      problems.add(
        `${at}.calendar`,
        'is service-hours, but the service has no spec.serviceHours',
      );
    }
  });

  if (agreement.fee && !isCurrency(agreement.fee.currency)) {
    problems.add(
      `${path}.fee.currency`,
      `must be an ISO 4217 currency code such as EUR (got "${agreement.fee.currency}")`,
    );
  }
  const credits = agreement.credits;
  if (credits) {
    const names = agreement.objectives.map(o => o.name);
    if (credits.objective !== undefined && !names.includes(credits.objective)) {
      problems.add(
        `${path}.credits.objective`,
        `must name one of this agreement's objectives (${names.join(
          ', ',
        )}), got "${credits.objective}"`,
      );
    }
    if (
      credits.objective === undefined &&
      !agreement.objectives.some(o => o.type === 'availability')
    ) {
      problems.add(
        `${path}.credits.objective`,
        'is required when the agreement has no availability objective',
      );
    }
    const thresholds = new Set<number>();
    credits.tiers.forEach((tier, k) => {
      if (thresholds.has(tier.below)) {
        problems.add(
          `${path}.credits.tiers[${k}].below`,
          `duplicate tier threshold ${tier.below}`,
        );
      }
      thresholds.add(tier.below);
      if (credits.cap !== undefined && tier.credit > credits.cap) {
        problems.add(
          `${path}.credits.tiers[${k}].credit`,
          `exceeds the cap of ${credits.cap}`,
        );
      }
    });
  }
}

function isCurrency(code: string): boolean {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] })
    .supportedValuesOf;
  return supported
    ? supported('currency').includes(code)
    : /^[A-Z]{3}$/.test(code);
}

function checkSupplier(entity: SupplierEntity, problems: Problems) {
  checkRefs(entity, ITSM_REF_FIELDS.Supplier, problems);
  const contract = entity.spec.contract;
  if (!contract) {
    return;
  }
  const start = checkDate(contract.start, 'spec.contract.start', problems);
  if (contract.end) {
    const end = checkDate(contract.end, 'spec.contract.end', problems);
    if (start.isValid && end.isValid && end < start) {
      problems.add(
        'spec.contract.end',
        `must not be before spec.contract.start (${contract.start})`,
      );
    }
  }
  if (
    contract.noticePeriod &&
    parseDuration(contract.noticePeriod) === undefined
  ) {
    problems.add(
      'spec.contract.noticePeriod',
      `must be a positive duration such as 90d (got "${contract.noticePeriod}")`,
    );
  }
}
