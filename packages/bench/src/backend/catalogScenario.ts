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
    const portfolio = services.portfolio.map(serviceEntity);
    const serviceYamlLength = Math.round(YAML.stringify(portfolio[0]).length);
    const servicesFile = publish('services.yaml', portfolio);
    const componentsFile = (
      file: string,
      prefix: string,
      like?: Parameters<typeof componentEntity>[2],
    ) =>
      publish(
        file,
        services.portfolio.map(name =>
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
    const agreementComponentsFile = componentsFile(
      'agreement-components.yaml',
      'agreements',
      'with-an-itservices-agreements',
    );

    const catalogTime = async (file: string, kind: string) => {
      const before = await catalogCount(api, kind);
      return timed(async () => {
        await api.post('/api/catalog/locations', {
          type: 'url',
          target: file,
        });
        await waitFor(
          `${sizes.portfolio} ${kind} entities in the catalog`,
          async () =>
            (await catalogCount(api, kind)) >= before + sizes.portfolio,
          600_000,
        );
      });
    };
    log(`[${engineName}] catalog: ${sizes.portfolio} Components`);
    const componentsMs = await catalogTime(plainComponentsFile, 'component');
    log(
      `[${engineName}] catalog: ${sizes.portfolio} Components with as many relations`,
    );
    const linkedMs = await catalogTime(linkedComponentsFile, 'component');
    log(
      `[${engineName}] catalog: ${sizes.portfolio} Components with an ITService's relations and agreements`,
    );
    const agreementsMs = await catalogTime(
      agreementComponentsFile,
      'component',
    );
    log(`[${engineName}] catalog: ${sizes.portfolio} ITServices`);
    const servicesMs = await catalogTime(servicesFile, 'itservice');
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
        size: `${count(sizes.portfolio)} ITServices`,
        unit: 'ms',
        median: servicesMs,
        p95: servicesMs,
        baseline: { label: 'Components', median: componentsMs },
        ratio: servicesMs / componentsMs,
        target: { op: '<=', limit: 1.25, of: 'ratio' },
        // Where the time goes: against Components with as many relations
        // (8 rows each, to three entities they all share), then with the
        // agreements too (as many search rows), and our processor.
        note: `against Components with as many relations: ${Math.round(
          linkedMs,
        )} ms, ${(servicesMs / linkedMs).toFixed(
          2,
        )}x; with the agreements too: ${Math.round(agreementsMs)} ms, ${(
          servicesMs / agreementsMs
        ).toFixed(2)}x; ItsmEntitiesProcessor's own work: ${Math.round(
          processorMs,
        )} ms of the ${Math.round(servicesMs - componentsMs)} ms more`,
      }),
    );

    return rows;
  },
};
