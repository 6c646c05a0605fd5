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
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import type { JsonObject } from '@backstage/types';
import {
  IncidentInput,
  IngestResult,
  itsmMeasurementReadPermission,
  itsmSlaReadPermission,
  OutageInput,
  SliEventInput,
} from '@backstage-itsm/plugin-itsm-common';
import { SourceHealthStore } from '../database/SourceHealthStore';
import { serviceSourceHealth, sourceSummary } from '../sources/sourceHealth';
import {
  NotificationStore,
  serviceNotification,
} from '../notifications/NotificationStore';
import express from 'express';

// Any route's request: the typed router types each route's own.
type Request = express.Request<any, any, any, any>;
import Router from 'express-promise-router';
import { partyReportCsv } from '../reports/csv';
import {
  parseReportPeriod,
  SlaReportService,
} from '../reports/SlaReportService';
import {
  MeasurementService,
  readLimit,
} from '../measurements/MeasurementService';
import { databaseErrorHandler } from './databaseErrors';
import {
  AffectedMeasurements,
  IngestOptions,
  MeasurementAccess,
} from '../measurements/MeasurementAccess';
import { describeProblems, ItemProblem } from '../measurements/records';
import { createOpenApiRouter, spec } from '../schema/openapi.generated';

/**
 * Names unknown fields of batch items, which the OpenAPI validator reports
 * only as "must NOT have additional properties". Reads the allowed fields
 * from the document, so the two cannot disagree.
 */
function unknownFieldsCheck(document: any): express.RequestHandler {
  const known = new Map<string, Set<string>>();
  for (const [path, operations] of Object.entries<any>(document.paths)) {
    const ref: string | undefined =
      operations.post?.requestBody?.content?.['application/json']?.schema
        ?.properties?.items?.items?.$ref;
    if (ref) {
      const schema = document.components.schemas[ref.split('/').pop()!];
      known.set(path, new Set(Object.keys(schema.properties)));
    }
  }
  return (req, _res, next) => {
    const fields = req.method === 'POST' ? known.get(req.path) : undefined;
    const items = req.body?.items;
    if (!fields || !Array.isArray(items)) {
      next();
      return;
    }
    // Batches hold thousands of items: nothing is made for a clean one.
    const problems: ItemProblem[] = [];
    items.forEach((item, index) => {
      if (!item || typeof item !== 'object' || Array.isArray(item)) return;
      for (const field in item) {
        if (Object.hasOwn(item, field) && !fields.has(field)) {
          problems.push({
            index,
            field,
            message: `is not a known field (known: ${[...fields].join(', ')})`,
          });
        }
      }
    });
    next(
      problems.length ? new InputError(describeProblems(problems)) : undefined,
    );
  };
}

/** The path of the first string in `value` holding a NUL character, if any. */
function nulPath(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') {
    return value.includes('\u0000') ? path : undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = nulPath(
        inner,
        Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`,
      );
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Refuses NUL characters anywhere in a body or query: PostgreSQL cannot
 * store them in text, and no measurement needs one.
 */
function nulCheck(): express.RequestHandler {
  return (req, _res, next) => {
    const found =
      nulPath(req.query, 'query') ??
      ((req as Request & { mayHoldNul?: boolean }).mayHoldNul
        ? nulPath(req.body, 'body')
        : undefined);
    next(
      found
        ? new InputError(`${found}: must not contain NUL characters (\\u0000)`)
        : undefined,
    );
  };
}

export type RouterOptions = {
  measurements: MeasurementService;
  /** For the permission checks of the reports. */
  access: MeasurementAccess;
  reporter: SlaReportService;
  health: SourceHealthStore;
  /** Notices sent about services; absent when notifications are off. */
  notices?: NotificationStore;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  /** express.json's limit, e.g. '10mb'. */
  maxBodySize: string;
};

const MAX_REPORT_LIMIT = 200;

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { measurements, access, reporter, httpAuth, auditor } = options;
  const router = Router();

  // Parsed here, not inside the validated router: its error transformer would
  // turn a 413 for an oversized body into a 400.
  router.use(
    express.json({
      limit: options.maxBodySize,
      // JSON can only carry a NUL escaped: a native search of the raw body
      // spares the walk through every string of a clean batch.
      verify: (req, _res, body) => {
        (req as Request & { mayHoldNul?: boolean }).mayHoldNul =
          body.includes('\\u0000');
      },
    }),
  );
  // HEAD runs the GET route; validated as one. Node already knows from the
  // request line that a HEAD answer carries no body.
  router.use((req, _res, next) => {
    if (req.method === 'HEAD') req.method = 'GET';
    next();
  });
  router.use(nulCheck());
  router.use(unknownFieldsCheck(spec));
  const api = await createOpenApiRouter({
    middleware: [(_req, _res, next) => next()],
    // Backstage's auth policy authenticates every request before this.
    validatorOptions: { validateSecurity: false },
  });

  // The permission check runs inside the event: refused requests are
  // audited too.
  async function audited<T>(
    req: Request,
    eventId: string,
    meta: JsonObject,
    work: () => Promise<T>,
    outcome: (result: T) => JsonObject | undefined,
  ): Promise<T> {
    const event = await auditor.createEvent({
      eventId,
      request: req,
      severityLevel: 'medium',
      meta,
    });
    try {
      const result = await work();
      const done = outcome(result);
      await event.success(done ? { meta: done } : undefined);
      return result;
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  }

  async function push<T>(
    req: Request,
    kind: string,
    ingest: (
      items: T[],
      caller: BackstageCredentials,
      ingestOptions: IngestOptions,
    ) => Promise<IngestResult>,
  ) {
    // Once read into records a batch's parsed items are garbage; held by
    // the request they outlived young-generation collections and were most
    // of what 5,000-item batches left in the old generation (heap profile).
    let items: T[] | undefined = req.body.items;
    req.body = undefined;
    let affected: AffectedMeasurements | undefined;
    return audited(
      req,
      'measurements-push',
      { kind, count: items!.length },
      async () => {
        const batch = items!;
        items = undefined;
        return ingest(batch, await httpAuth.credentials(req), {
          affected: a => (affected = a),
        });
      },
      result => ({ ...result, ...affected }),
    );
  }

  // Deletes are audited with the services they deleted from.
  async function remove(
    req: Request,
    kind: string,
    meta: JsonObject,
    work: (credentials: BackstageCredentials) => Promise<string[]>,
  ) {
    await audited(
      req,
      'measurement-delete',
      { kind, ...meta },
      async () => work(await httpAuth.credentials(req)),
      services => ({ services }),
    );
  }

  api.post('/v1/incidents', async (req, res) => {
    res.json(
      await push<IncidentInput>(
        req,
        'incidents',
        (items, caller, ingestOptions) =>
          measurements.ingestIncidents(items, caller, ingestOptions),
      ),
    );
  });
  api.post('/v1/outages', async (req, res) => {
    res.json(
      await push<OutageInput>(req, 'outages', (items, caller, ingestOptions) =>
        measurements.ingestOutages(items, caller, ingestOptions),
      ),
    );
  });
  api.post('/v1/sli-events', async (req, res) => {
    res.json(
      await push<SliEventInput>(
        req,
        'sli-events',
        (items, caller, ingestOptions) =>
          measurements.ingestSliEvents(items, caller, ingestOptions),
      ),
    );
  });

  const listQuery = (req: Request) =>
    req.query as Record<string, string | undefined> as {
      service: string;
      from?: string;
      to?: string;
      limit?: string;
      cursor?: string;
      objective?: string;
    };
  api.get('/v1/incidents', async (req, res) => {
    res.json(
      await measurements.listIncidents(
        // The validator has already turned the query's text into a boolean.
        { ...listQuery(req), open: String(req.query.open) === 'true' },
        await httpAuth.credentials(req),
      ),
    );
  });
  api.get('/v1/outages', async (req, res) => {
    res.json(
      await measurements.listOutages(
        listQuery(req),
        await httpAuth.credentials(req),
      ),
    );
  });
  api.get('/v1/sli-events', async (req, res) => {
    res.json(
      await measurements.listSliEvents(
        listQuery(req),
        await httpAuth.credentials(req),
      ),
    );
  });

  api.delete('/v1/incidents/:source/:externalId', async (req, res) => {
    const { source, externalId } = req.params;
    await remove(req, 'incident', { source, externalId }, credentials =>
      measurements.deleteIncident({ source, externalId }, credentials),
    );
    res.status(204).end();
  });
  api.delete('/v1/outages/:source/:externalId', async (req, res) => {
    const { source, externalId } = req.params;
    await remove(req, 'outage', { source, externalId }, credentials =>
      measurements.deleteOutage({ source, externalId }, credentials),
    );
    res.status(204).end();
  });
  api.delete('/v1/sli-events', async (req, res) => {
    const { source, service, objective, sliceStart } = req.query as Record<
      string,
      string
    >;
    const key = { source, service, objective, sliceStart };
    await remove(req, 'sli-event', key, credentials =>
      measurements.deleteSliEvent(key, credentials),
    );
    res.status(204).end();
  });

  async function slaReader(req: Request) {
    const credentials = await httpAuth.credentials(req);
    await access.authorize(credentials, itsmSlaReadPermission);
    return credentials;
  }
  const refOf = (req: Request) => `${req.params.namespace}/${req.params.name}`;
  const period = (req: Request) =>
    parseReportPeriod(req.query.period as string | undefined);

  api.get('/v1/services/:namespace/:name/sla', async (req, res) => {
    const credentials = await slaReader(req);
    res.json(
      await reporter.serviceReport(refOf(req), period(req), credentials),
    );
  });
  // Which sources report for a service is part of reading its SLA.
  api.get('/v1/services/:namespace/:name/sources', async (req, res) => {
    const credentials = await slaReader(req);
    const service = await access.visibleService(refOf(req), credentials);
    const rows = await options.health.forService(service);
    res.json({
      items: rows.map(({ record, whole }) =>
        serviceSourceHealth(record, whole),
      ),
    });
  });
  api.get('/v1/services/:namespace/:name/notifications', async (req, res) => {
    const credentials = await slaReader(req);
    const service = await access.visibleService(refOf(req), credentials);
    const limit = readLimit(req.query.limit as string | undefined, 1000);
    const notices = (await options.notices?.list(service, limit)) ?? [];
    res.json({ items: notices.map(serviceNotification) });
  });
  // Unmatched items name services and labels of every team: measurement readers only.
  api.get('/v1/sources', async (req, res) => {
    await access.authorize(
      await httpAuth.credentials(req),
      itsmMeasurementReadPermission,
    );
    res.json({ items: (await options.health.sources()).map(sourceSummary) });
  });
  api.get('/v1/services/:namespace/:name/sla/history', async (req, res) => {
    const credentials = await slaReader(req);
    const range = { from: String(req.query.from), to: String(req.query.to) };
    res.json({ items: await reporter.history(refOf(req), range, credentials) });
  });
  // Reports over many services score one page of them per request.
  const reportPage = (req: Request) => ({
    // Clients read every page: as few requests as the bound allows.
    limit: readLimit(
      req.query.limit as string | undefined,
      MAX_REPORT_LIMIT,
      MAX_REPORT_LIMIT,
    ),
    cursor: req.query.cursor as string | undefined,
  });
  const partyRoute =
    (kind: 'stakeholder' | 'supplier') =>
    async (req: Request, res: express.Response) => {
      const credentials = await slaReader(req);
      res.json(
        await reporter.partyReport(
          refOf(req),
          kind,
          period(req),
          credentials,
          undefined,
          reportPage(req),
        ),
      );
    };
  api.get('/v1/stakeholders/:namespace/:name/sla', partyRoute('stakeholder'));
  api.get(
    '/v1/stakeholders/:namespace/:name/sla/report.csv',
    async (req, res) => {
      const credentials = await slaReader(req);
      const month = String(req.query.month);
      const report = await reporter.partyReport(
        refOf(req),
        'stakeholder',
        parseReportPeriod(month),
        credentials,
      );
      res
        .type('text/csv')
        .attachment(`sla-${req.params.name}-${month}.csv`)
        .send(partyReportCsv(report));
    },
  );
  api.get('/v1/suppliers/:namespace/:name/sla', partyRoute('supplier'));
  api.get('/v1/portfolio', async (req, res) => {
    const credentials = await slaReader(req);
    const query = req.query as Record<string, string | undefined>;
    const { owner, customer, supplier, lifecycle, supports } = query;
    res.json(
      await reporter.portfolio(
        { owner, customer, supplier, lifecycle, supports },
        credentials,
        undefined,
        period(req),
        reportPage(req),
      ),
    );
  });

  router.use(api);
  // Anything else under this plugin gets a JSON error that says what was asked.
  router.use((req, _res, next) => {
    next(
      new NotFoundError(
        `No route for ${req.method} ${req.path}; see /api/itsm/openapi.json`,
      ),
    );
  });
  router.use(databaseErrorHandler());
  return router;
}
