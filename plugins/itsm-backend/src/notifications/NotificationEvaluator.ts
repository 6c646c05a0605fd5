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
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import {
  agreementNotifyRefs,
  entityRefKey,
  isITServiceEntity,
  isStakeholderEntity,
  isSupplierEntity,
  ITServiceEntity,
  ITSM_REF_FIELDS,
  monthBefore,
  resolveItsmRef,
  ServiceSlaReport,
  SupplierEntity,
} from '@backstage-itsm/plugin-itsm-common';
import type { ItsmClockService } from '@backstage-itsm/plugin-itsm-node';
import { SlaReportService } from '../reports/SlaReportService';
import { NotificationStore, RecordedTransition } from './NotificationStore';
import {
  observeClosedMonth,
  observeContractNotice,
  observeCurrentReport,
  ObservedState,
} from './observe';
import {
  BEST_STATE,
  nextWatchState,
  Observation,
  StoredWatch,
  WatchKey,
} from './transitions';

const RETRY_MS = 60_000;
const MAX_RETRY_MS = 3_600_000;
const LEASE_MS = 120_000;
// Entities per catalog read of the scheduled run.
const CATALOG_PAGE = 500;

const watchId = (key: WatchKey) =>
  JSON.stringify([key.agreement, key.objective, key.kind, key.subject]);

/** Kinds whose absence from a report means the best state (alert quiet, incident closed). */
const ABSENT_IS_BEST = new Set(['burn-alert', 'incident-milestone']);

function resolveRef(
  ref: string,
  field: { kinds: readonly string[]; defaultKind?: string },
  entity: Entity,
): string {
  return entityRefKey(resolveItsmRef(ref, field, entity));
}

/** The groups behind agreements' counterparties, read once per evaluation. */
class PartyDirectory {
  private readonly entities = new Map<string, Promise<Entity | undefined>>();

  constructor(
    private readonly catalog: CatalogService,
    private readonly credentials: BackstageCredentials,
  ) {}

  private entity(ref: string) {
    let found = this.entities.get(ref);
    if (!found) {
      found = this.catalog
        .getEntityByRef(ref, { credentials: this.credentials })
        .catch(() => undefined);
      this.entities.set(ref, found);
    }
    return found;
  }

  /** An OLA's counterparty: the group itself, or the internal stakeholder's group. */
  async groupOf(ref: string): Promise<string[]> {
    if (ref.toLocaleLowerCase('en-US').startsWith('group:'))
      return [entityRefKey(parseEntityRef(ref))];
    const entity = await this.entity(ref);
    return isStakeholderEntity(entity) && entity.spec.group
      ? [
          resolveRef(
            entity.spec.group,
            ITSM_REF_FIELDS.Stakeholder.group,
            entity,
          ),
        ]
      : [];
  }

  /** A UC's supplier manager: the Supplier's owner. */
  async managerOf(ref: string): Promise<string[]> {
    const entity = await this.entity(ref);
    return isSupplierEntity(entity)
      ? [resolveRef(entity.spec.owner, ITSM_REF_FIELDS.Supplier.owner, entity)]
      : [];
  }
}

/**
 * Compares what the reports say now with the last notified states, stores
 * the changes and delivers their notices through the notifications backend
 * (docs/sla-semantics.md, rule 14).
 */
export class NotificationEvaluator {
  private queued = new Set<string>();
  private running?: Promise<void>;
  private timer?: ReturnType<typeof setTimeout>;
  private evaluateNow?: () => void;
  private stopped = false;

  constructor(
    private readonly deps: {
      store: NotificationStore;
      reporter: SlaReportService;
      catalog: CatalogService;
      auth: AuthService;
      notifications: NotificationService;
      logger: LoggerService;
      clock: ItsmClockService;
      recoveryDelayMs: number;
      /** Told about every change, besides each entity's own recipients. */
      recipients: string[];
      /**
       * Wall time in ms for delivery leases and retries, which must not
       * follow an ITSM clock that a test or replay pins. Default Date.now.
       */
      wallClock?: () => number;
      /** How long after an ingest its services are evaluated. Default 0. */
      afterIngestDelayMs?: number;
    },
  ) {}

  /**
   * Every ITService and Supplier: the scheduled run, a page of the catalog
   * at a time, so that its memory does not grow with the catalog.
   */
  async evaluateAll(): Promise<void> {
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const now = this.deps.clock.now();
    const parties = new PartyDirectory(this.deps.catalog, credentials);
    for await (const page of this.deps.catalog.streamEntities(
      {
        filter: [{ kind: 'ITService' }, { kind: 'Supplier' }],
        pageSize: CATALOG_PAGE,
      },
      { credentials },
    )) {
      await this.evaluateEntities(page, parties, credentials, now, true);
    }
    await this.deliver();
  }

  /**
   * Services and suppliers of one catalog read; the current reports of the
   * services come with their measurements read together. One entity that
   * cannot be evaluated does not hold up the others.
   */
  private async evaluateEntities(
    entities: Entity[],
    parties: PartyDirectory,
    credentials: BackstageCredentials,
    now: Date,
    withClosedMonth: boolean,
  ) {
    const failed = (entity: Entity, error: unknown) =>
      this.deps.logger.warn(
        `Could not evaluate the notifications of ${stringifyEntityRef(
          entity,
        )}: ${error}`,
      );
    const suppliers = entities.filter((e): e is SupplierEntity =>
      isSupplierEntity(e),
    );
    for (const supplier of suppliers) {
      await this.evaluateSupplier(supplier, now).catch(error =>
        failed(supplier, error),
      );
    }
    const services = entities.filter((e): e is ITServiceEntity =>
      isITServiceEntity(e),
    );
    const closedMonths = withClosedMonth
      ? await this.closedMonthObservations(services, credentials, now)
      : undefined;
    const pageFailed = (what: string) => (error: unknown) =>
      this.deps.logger.warn(
        `Could not ${what} the notification states of ${services.length} services: ${error}`,
      );
    // A page's states are read, and its changes written, together.
    const states = await this.deps.store
      .statesOf(services.map(entityRefKey))
      .catch(pageFailed('read'));
    if (!states) return;
    const transitions: RecordedTransition[] = [];
    for await (const scored of this.deps.reporter.reportsOf(
      services,
      { kind: 'current' },
      credentials,
      now,
    )) {
      if ('error' in scored) {
        failed(scored.service, scored.error);
        continue;
      }
      const ref = entityRefKey(scored.service);
      const closed = closedMonths?.get(ref);
      if (closed && 'error' in closed) {
        failed(scored.service, closed.error);
        continue;
      }
      await this.serviceTransitions(
        scored.service,
        scored.report,
        closed?.observed ?? [],
        states.get(ref) ?? [],
        parties,
        now,
      ).then(
        found => transitions.push(...found),
        error => failed(scored.service, error),
      );
    }
    await this.record(transitions).catch(pageFailed('store'));
  }

  /**
   * What the services' last closed month shows, by service ref: the months
   * of services in one zone are read together, as the current period's.
   */
  private async closedMonthObservations(
    services: ITServiceEntity[],
    credentials: BackstageCredentials,
    now: Date,
  ): Promise<Map<string, { observed: ObservedState[] } | { error: unknown }>> {
    const byMonth = new Map<string, ITServiceEntity[]>();
    for (const service of services) {
      const month = monthBefore(
        now,
        service.spec.serviceHours?.timezone ?? 'UTC',
      );
      const group = byMonth.get(month);
      if (group) group.push(service);
      else byMonth.set(month, [service]);
    }
    const observations = new Map<
      string,
      { observed: ObservedState[] } | { error: unknown }
    >();
    for (const [month, inMonth] of byMonth) {
      for await (const scored of this.deps.reporter.reportsOf(
        inMonth,
        { kind: 'month', month },
        credentials,
        now,
      )) {
        const ref = entityRefKey(scored.service);
        observations.set(
          ref,
          'error' in scored
            ? { error: scored.error }
            : { observed: observeClosedMonth(ref, scored.report) },
        );
      }
    }
    return observations;
  }

  /**
   * Evaluates these services soon, on this replica: called after an ingest
   * changed their measurements. Returns at once.
   */
  requestEvaluation(serviceRefs: Iterable<string>): void {
    if (this.stopped) return;
    for (const ref of serviceRefs) this.queued.add(ref);
    if (this.running || this.queued.size === 0) return;
    // Ingests within the delay share one evaluation: a source that writes
    // every second costs one report per service per delay, not per write.
    const waited = new Promise<void>(resolve => {
      this.evaluateNow = resolve;
      this.timer = setTimeout(resolve, this.deps.afterIngestDelayMs ?? 0);
    });
    this.running = waited
      .then(() => this.drain())
      .finally(() => {
        this.running = undefined;
        // Writes that arrived while it ran.
        if (this.queued.size > 0) this.requestEvaluation([]);
      });
  }

  /**
   * Shutting down: evaluations not yet started are dropped (the next
   * scheduled run sees the same changes); one under way finishes.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.queued.clear();
    this.evaluateNow?.();
    await this.running;
  }

  private async drain() {
    while (this.queued.size > 0) {
      const refs = [...this.queued];
      this.queued.clear();
      try {
        const credentials = await this.deps.auth.getOwnServiceCredentials();
        const { items } = await this.deps.catalog.getEntitiesByRefs(
          { entityRefs: refs },
          { credentials },
        );
        const parties = new PartyDirectory(this.deps.catalog, credentials);
        const now = this.deps.clock.now();
        await this.evaluateEntities(
          items.filter((e): e is ITServiceEntity => isITServiceEntity(e)),
          parties,
          credentials,
          now,
          false,
        );
        await this.deliver();
      } catch (error) {
        this.deps.logger.warn(
          `Could not evaluate the notifications of ${refs.join(
            ', ',
          )} after an ingest: ${error}`,
        );
      }
    }
  }

  private serviceTransitions(
    service: ITServiceEntity,
    current: ServiceSlaReport,
    closedMonth: ObservedState[],
    states: StoredWatch[],
    parties: PartyDirectory,
    now: Date,
  ): Promise<RecordedTransition[]> {
    const ref = entityRefKey(service);
    const observed = [...observeCurrentReport(ref, current), ...closedMonth];
    return this.transitions(ref, observed, states, now, async state =>
      this.serviceRecipients(service, state, parties),
    );
  }

  private async evaluateSupplier(supplier: SupplierEntity, now: Date) {
    const ref = entityRefKey(supplier);
    const observed = observeContractNotice(ref, supplier, now);
    await this.record(
      await this.transitions(
        ref,
        observed,
        await this.deps.store.states(ref),
        now,
        async () =>
          this.withConfigured([
            resolveRef(
              supplier.spec.owner,
              ITSM_REF_FIELDS.Supplier.owner,
              supplier,
            ),
          ]),
      ),
    );
  }

  /**
   * Stores the changed states with their notices. A change another replica
   * recorded first is not written here; that replica notifies. In entity
   * and watch order, so that replicas lock rows alike.
   */
  private async record(transitions: RecordedTransition[]) {
    const order = (t: RecordedTransition) =>
      JSON.stringify([t.key.entityRef, watchId(t.key)]);
    await this.deps.store.recordAll(
      transitions
        .map(t => [order(t), t] as const)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([, t]) => t),
    );
  }

  /** Each changed state from the stored ones, with its notice if it has one. */
  private async transitions(
    entityRef: string,
    observed: ObservedState[],
    states: StoredWatch[],
    now: Date,
    recipientsOf: (state: ObservedState) => Promise<string[]>,
  ): Promise<RecordedTransition[]> {
    const { recoveryDelayMs } = this.deps;
    const stored = new Map(states.map(s => [watchId(s), s]));
    const seen = new Set(observed.map(watchId));
    const absent = [...stored.values()].filter(
      s =>
        ABSENT_IS_BEST.has(s.kind) &&
        !seen.has(watchId(s)) &&
        s.state !== BEST_STATE[s.kind],
    );
    // An alert gone quiet or an incident closed: back to the best state,
    // which is never notified.
    const changes: Array<Observation & Partial<ObservedState>> = [
      ...observed,
      ...absent.map(s => ({
        ...s,
        period: s.period,
        state: BEST_STATE[s.kind],
      })),
    ];
    const transitions: RecordedTransition[] = [];
    for (const observation of changes) {
      const before = stored.get(watchId(observation));
      const next = nextWatchState(
        observation,
        before,
        now.getTime(),
        recoveryDelayMs,
      );
      if (!next) continue;
      const text = next.notify && observation[next.notify];
      const notice =
        text && observation.link
          ? {
              ...text,
              kind:
                next.notify === 'recovery'
                  ? ('recovery' as const)
                  : observation.kind,
              state: next.state,
              link: observation.link,
              recipients: await recipientsOf(observation as ObservedState),
            }
          : undefined;
      const key: WatchKey = {
        entityRef,
        agreement: observation.agreement,
        objective: observation.objective,
        kind: observation.kind,
        subject: observation.subject,
      };
      transitions.push({
        key,
        stored: before,
        next,
        notice,
        now: now.getTime(),
      });
    }
    return transitions;
  }

  /** The owner, the agreement's counterparty group or supplier manager, its `notify` refs and the configured ones. */
  private async serviceRecipients(
    service: ITServiceEntity,
    state: ObservedState,
    parties: PartyDirectory,
  ): Promise<string[]> {
    const refs = [
      resolveRef(service.spec.owner, ITSM_REF_FIELDS.ITService.owner, service),
    ];
    if (state.counterparty && state.agreementType === 'OLA') {
      refs.push(...(await parties.groupOf(state.counterparty)));
    }
    if (state.counterparty && state.agreementType === 'UC') {
      refs.push(...(await parties.managerOf(state.counterparty)));
    }
    const agreement = service.spec.agreements?.find(
      a => a.name === state.agreement,
    );
    if (agreement) {
      refs.push(...agreementNotifyRefs(agreement, service));
    }
    return this.withConfigured(refs);
  }

  private withConfigured(refs: string[]): string[] {
    return [...new Set([...refs, ...this.deps.recipients])];
  }

  /** Sends the pending notices this replica can claim. */
  async deliver(): Promise<void> {
    const { store, notifications, logger } = this.deps;
    const wallClock = this.deps.wallClock ?? Date.now;
    const now = wallClock();
    const pending = await store.claimPending(now, LEASE_MS);
    for (const notice of pending) {
      try {
        await notifications.send({
          recipients: { type: 'entity', entityRef: notice.recipients },
          payload: {
            title: notice.title,
            description: notice.description,
            link: notice.link,
            severity: notice.severity,
            topic: notice.entityRef,
            // A retry after a crash between sending and marking it sent
            // updates the same notification instead of adding one.
            scope: `itsm-notice-${notice.id}`,
          },
        });
        await store.markSent(notice.id, wallClock());
      } catch (error) {
        const retryMs = Math.min(
          RETRY_MS * 2 ** (notice.attempts - 1),
          MAX_RETRY_MS,
        );
        logger.warn(
          `Could not send the notification "${notice.title}" (attempt ${
            notice.attempts + 1
          }), trying again in ${Math.round(retryMs / 1000)} s: ${error}`,
        );
        await store.markFailed(notice.id, String(error), now + retryMs);
      }
    }
  }
}
