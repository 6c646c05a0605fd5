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

import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { isError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { entityRefKey, OutageInput } from '@backstage-itsm/plugin-itsm-common';
import {
  CachedCatalogIndex,
  createItsmServiceIndexCache,
  ItsmMeasurementIntake,
} from '@backstage-itsm/plugin-itsm-node';
import { AlertmanagerSettings } from './config';
import {
  alertToOutage,
  outageIdOf,
  parseAlertmanagerWebhook,
  parseMatchers,
  serviceOfAlert,
  ServiceMatchers,
} from './webhook';

/** The annotation of an ITService that declares the alerts about it. @public */
export const MATCHERS_ANNOTATION = 'itsm.backstage.io/alertmanager-matchers';

/** The matchers each ITService declares; a malformed annotation is logged and skipped. */
function matchersOf(
  entities: Entity[],
  logger: LoggerService,
): ServiceMatchers[] {
  const matchers: ServiceMatchers[] = [];
  for (const entity of entities) {
    const text = entity.metadata.annotations?.[MATCHERS_ANNOTATION];
    if (!text) continue;
    try {
      matchers.push({
        service: entityRefKey(entity),
        matchers: parseMatchers(text),
      });
    } catch (error) {
      logger.warn(
        `${entityRefKey(entity)}: ignoring ${MATCHERS_ANNOTATION}: ${
          (error as Error).message
        }`,
      );
    }
  }
  return matchers;
}

function serviceRef(name: string): string | undefined {
  try {
    const ref = parseEntityRef(name, {
      defaultKind: 'itservice',
      defaultNamespace: 'default',
    });
    return ref.kind.toLowerCase() === 'itservice'
      ? entityRefKey(ref)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Turns delivered webhooks into outages: maps each alert to its ITService,
 * merges it with what is stored, ingests per service. Never throws: what it
 * cannot store is recorded in the source-health view.
 */
export class AlertmanagerReceiver {
  private readonly matchers: CachedCatalogIndex<ServiceMatchers[]>;

  constructor(
    private readonly deps: {
      settings: AlertmanagerSettings;
      intake: ItsmMeasurementIntake;
      logger: LoggerService;
      catalog: CatalogService;
      auth: AuthService;
    },
  ) {
    // The matchers the ITServices declare, from the shared catalog index cache.
    this.matchers = createItsmServiceIndexCache({
      catalog: deps.catalog,
      auth: deps.auth,
      build: entities => matchersOf(entities, deps.logger),
      onStaleUse: error =>
        deps.logger.warn(
          `Could not read the ITServices from the catalog; mapping alerts with the previous matchers: ${error}`,
        ),
    });
  }

  async receive(payload: unknown): Promise<void> {
    const { settings, intake, logger } = this.deps;
    const source = settings.source;
    try {
      const webhook = parseAlertmanagerWebhook(payload);
      const byService = new Map<
        string,
        { outages: OutageInput[]; alerts: string[] }
      >();
      const mapped: Array<{
        alert: (typeof webhook.alerts)[number];
        service: string;
      }> = [];
      const matchers = await this.serviceMatchers();
      for (const alert of webhook.alerts) {
        const name = serviceOfAlert(alert.labels, {
          labels: settings.labels,
          matchers,
        });
        const service = name ? serviceRef(name) : undefined;
        if (!service) {
          await this.unmatched(
            `alert ${alert.labels.alertname ?? alert.fingerprint} (${
              alert.fingerprint
            }): ${
              name
                ? `"${name}" is not an ITService ref`
                : `no ${settings.labels.service} label, and no ITService's ${MATCHERS_ANNOTATION} match its labels`
            }`,
          );
          continue;
        }
        mapped.push({ alert, service });
      }
      const stored = await intake.findOutages(
        mapped.map(({ alert }) => ({ source, externalId: outageIdOf(alert) })),
      );
      const storedEnd = new Map(
        stored.map(o => [`${o.service}\n${o.externalId}`, o.end]),
      );
      for (const { alert, service } of mapped) {
        const outage = alertToOutage(alert, {
          source,
          service,
          labels: settings.labels,
          stored: { end: storedEnd.get(`${service}\n${outageIdOf(alert)}`) },
        });
        const group = byService.get(service) ?? { outages: [], alerts: [] };
        group.outages.push(outage);
        group.alerts.push(alert.labels.alertname ?? alert.fingerprint);
        byService.set(service, group);
      }
      for (const [service, { outages, alerts }] of byService) {
        try {
          await intake.ingest({ outages });
          await intake.reportHealth({ source, service, outcome: 'ok' });
        } catch (error) {
          if (isError(error) && error.name === 'InputError') {
            await this.unmatched(
              `alert ${alerts.join(', ')} for ${service}: ${error.message}`,
            );
          } else {
            throw error;
          }
        }
      }
    } catch (error) {
      const message = isError(error) ? error.message : String(error);
      logger.error(`Alertmanager webhook not stored: ${message}`);
      await intake
        .reportHealth({ source, outcome: 'failed', message })
        .catch(e => logger.error(`Could not record the failure: ${e}`));
    }
  }

  private async unmatched(message: string) {
    this.deps.logger.warn(`Alertmanager alert not stored: ${message}`);
    await this.deps.intake.reportHealth({
      source: this.deps.settings.source,
      outcome: 'unmatched',
      message,
    });
  }

  private serviceMatchers(): Promise<ServiceMatchers[]> {
    return this.matchers.get();
  }
}
