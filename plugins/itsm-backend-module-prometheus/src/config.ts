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
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  entityRefKey,
  PrometheusIndicator,
} from '@backstage-itsm/plugin-itsm-common';
import { PrometheusServer } from './PrometheusClient';

/** An sli objective measured from Prometheus. */
export type PrometheusTarget = {
  /** The ITService, as an entity ref. */
  service: string;
  objective: string;
  indicator: PrometheusIndicator;
};

/** `itsm.prometheus`, read. */
export type PrometheusSettings = {
  source: string;
  servers: Map<string, PrometheusServer>;
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** Milliseconds. */
  slice: number;
  delay: number;
  backfill: number;
  lookback: number;
  staleAfter: number;
  /** Objectives mapped in config rather than in the ITService's YAML. */
  mappings: PrometheusTarget[];
};

/** The shortest slice: Prometheus scrapes every 15 s or so by default. */
const MIN_SLICE_MS = 1000;

function duration(config: Config, key: string, fallback: HumanDuration) {
  return durationToMilliseconds(
    config.has(key) ? readDurationFromConfig(config, { key }) : fallback,
  );
}

/** Reads `itsm.prometheus`; undefined when absent (the module stays off). */
export function readPrometheusSettings(
  root: Config,
): PrometheusSettings | undefined {
  const config = root.getOptionalConfig('itsm.prometheus');
  if (!config) return undefined;
  const serversConfig = config.getConfig('servers');
  const servers = new Map<string, PrometheusServer>();
  for (const name of serversConfig.keys()) {
    const server = serversConfig.getConfig(name);
    const headers = server.getOptionalConfig('headers');
    servers.set(name, {
      name,
      baseUrl: server.getString('baseUrl'),
      headers: Object.fromEntries(
        (headers?.keys() ?? []).map(key => [key, headers!.getString(key)]),
      ),
    });
  }
  if (servers.size === 0) {
    throw new Error('itsm.prometheus.servers: name at least one server');
  }
  const slice = duration(config, 'slice', { minutes: 5 });
  if (slice < MIN_SLICE_MS || slice % 1000 !== 0) {
    throw new Error(
      'itsm.prometheus.slice: must be whole seconds, at least 1s',
    );
  }
  const mappings = (config.getOptionalConfigArray('mappings') ?? []).map(
    (mapping, index): PrometheusTarget => {
      const good = mapping.getOptionalString('good');
      const errors = mapping.getOptionalString('errors');
      if ((good === undefined) === (errors === undefined)) {
        throw new Error(
          `itsm.prometheus.mappings[${index}]: give exactly one of good and errors, beside total`,
        );
      }
      let service: string;
      try {
        service = entityRefKey(
          parseEntityRef(mapping.getString('service'), {
            defaultKind: 'itservice',
            defaultNamespace: 'default',
          }),
        );
      } catch (error) {
        throw new Error(
          `itsm.prometheus.mappings[${index}].service: ${
            (error as Error).message
          }`,
        );
      }
      return {
        service,
        objective: mapping.getString('objective'),
        indicator: {
          server: mapping.getOptionalString('server'),
          good,
          errors,
          total: mapping.getString('total'),
        },
      };
    },
  );
  return {
    source: config.getOptionalString('source') ?? 'prometheus',
    servers,
    schedule: config.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          config.getConfig('schedule'),
        )
      : {
          frequency: { minutes: 1 },
          timeout: { minutes: 5 },
          initialDelay: { seconds: 30 },
        },
    slice,
    delay: duration(config, 'delay', { minutes: 1 }),
    backfill: duration(config, 'backfill', { days: 7 }),
    lookback: duration(config, 'lookback', { hours: 1 }),
    staleAfter: duration(config, 'staleAfter', { minutes: 10 }),
    mappings,
  };
}
