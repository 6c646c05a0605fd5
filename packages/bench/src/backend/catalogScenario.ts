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

import { ItsmEntitiesProcessor } from '@backstage-itsm/plugin-catalog-backend-module-itsm';
import { Entity } from '@backstage/catalog-model';
import YAML from 'yaml';
import { componentEntity, serviceEntity } from '../data';
import { row } from '../stats';
import {
  BackendScenario,
  catalogCount,
  count,
  timed,
  waitFor,
} from './context';

/**
 * catalog: as many ITServices as Components of the same YAML size, each from
 * registering its file to all of them processed and stitched. It registers
 * the portfolio's ITServices, which the later scenarios read.
 */
export const catalogScenario: BackendScenario = {
  name: 'catalog',
  async run({ engineName, sizes, api, services, publish, log }) {
    const rows = [];
    const registered = services.portfolio.slice(0, sizes.catalog);
    const portfolio = registered.map(serviceEntity);
    const serviceYamlLength = Math.round(YAML.stringify(portfolio[0]).length);
    const servicesFile = publish('services.yaml', portfolio);
    const componentsFile = (
      file: string,
      prefix: string,
      like?: Parameters<typeof componentEntity>[2],
    ) =>
      publish(
        file,
        registered.map(name =>
          componentEntity(
            name.replace('service', prefix),
            serviceYamlLength,
            like,
          ),
        ),
      );
    const plainComponentsFile = componentsFile('components.yaml', 'component');
    const linkedComponentsFile = componentsFile(
      'linked-components.yaml',
      'linked',
      'as-many-as-an-itservice',
    );
    const agreementComponentsFiles = ['agreements', 'agreements-after'].map(
      prefix =>
        componentsFile(
          `${prefix}-components.yaml`,
          prefix,
          'with-an-itservices-agreements',
        ),
    );

    const catalogTime = async (file: string, kind: string) => {
      const before = await catalogCount(api, kind);
      return timed(async () => {
        await api.post('/api/catalog/locations', {
          type: 'url',
          target: file,
        });
        await waitFor(
          `${sizes.catalog} ${kind} entities in the catalog`,
          async () => (await catalogCount(api, kind)) >= before + sizes.catalog,
          600_000,
        );
      });
    };
    const n = sizes.catalog;
    log(`[${engineName}] catalog: ${n} Components`);
    const componentsMs = await catalogTime(plainComponentsFile, 'component');
    log(`[${engineName}] catalog: ${n} Components with as many relations`);
    const linkedMs = await catalogTime(linkedComponentsFile, 'component');
    // The like-for-like baseline is registered once before the ITServices
    // and once after, and averaged: each batch lands in a larger catalog
    // than the one before it.
    log(
      `[${engineName}] catalog: ${n} Components with an ITService's relations and agreements`,
    );
    const agreementsBeforeMs = await catalogTime(
      agreementComponentsFiles[0],
      'component',
    );
    log(`[${engineName}] catalog: ${n} ITServices`);
    const servicesMs = await catalogTime(servicesFile, 'itservice');
    log(`[${engineName}] catalog: the same Components again, after them`);
    const agreementsAfterMs = await catalogTime(
      agreementComponentsFiles[1],
      'component',
    );
    const agreementsMs = (agreementsBeforeMs + agreementsAfterMs) / 2;
    // The share of our own processor: what it does for these entities,
    // outside the catalog.
    const processor = new ItsmEntitiesProcessor();
    const location = { type: 'url', target: servicesFile };
    const processorMs = await timed(async () => {
      for (const entity of portfolio as Entity[]) {
        await processor.validateEntityKind(entity);
        await processor.postProcessEntity(entity, location, () => {});
      }
    });
    rows.push(
      row({
        benchmark: 'catalog',
        engine: engineName,
        size: `${count(n)} ITServices`,
        unit: 'ms',
        median: servicesMs,
        p95: servicesMs,
        // Components with the same content: an ITService's relations and
        // its agreements as spec data (the same rows in the catalog's
        // relation and search tables). Against Components of the same
        // YAML size the catalog's own cost of that content is measured, not
        // ours (README, Performance).
        baseline: {
          label: 'Components, same content',
          median: agreementsMs,
        },
        ratio: servicesMs / agreementsMs,
        target: { op: '<=', limit: 1.25, of: 'ratio' },
        note: `the same content before the ITServices ${Math.round(
          agreementsBeforeMs,
        )} ms, after ${Math.round(
          agreementsAfterMs,
        )} ms; plain Components of the same size: ${Math.round(
          componentsMs,
        )} ms, ${(servicesMs / componentsMs).toFixed(
          2,
        )}x; with as many relations: ${Math.round(linkedMs)} ms, ${(
          servicesMs / linkedMs
        ).toFixed(2)}x; ItsmEntitiesProcessor's own work: ${Math.round(
          processorMs,
        )} ms`,
      }),
    );

    return rows;
  },
};
