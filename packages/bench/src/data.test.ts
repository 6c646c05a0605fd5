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

import { validateItsmEntity } from '@backstage-itsm/plugin-itsm-common';
import YAML from 'yaml';
import {
  componentEntity,
  incidents,
  outageRows,
  partyEntities,
  serviceEntity,
  sliRows,
  pinnedNow,
} from './data';

describe('benchmark data', () => {
  it('generates ITSM entities that pass the catalog validation', () => {
    const entities = [...partyEntities(), serviceEntity('bench-a')];
    expect(entities.map(e => validateItsmEntity(e as any))).toEqual(
      entities.map(() => []),
    );
  });

  it('sizes the Component baseline like the ITService', () => {
    const length = YAML.stringify(serviceEntity('bench-service-00001')).length;
    const component = YAML.stringify(
      componentEntity('bench-component-00001', length),
    );
    expect(Math.abs(component.length - length)).toBeLessThan(10);
    const related = componentEntity(
      'bench-linked-00001',
      length,
      'as-many-as-an-itservice',
    );
    expect(Math.abs(YAML.stringify(related).length - length)).toBeLessThan(10);
    expect(related).toMatchObject({
      spec: {
        owner: 'group:default/bench-team',
        providesApis: ['api:default/bench-api'],
        consumesApis: ['api:default/bench-api'],
        dependsOn: ['resource:default/bench-database'],
      },
    });
    const withAgreements = componentEntity(
      'bench-agreements-00001',
      length,
      'with-an-itservices-agreements',
    ) as { spec: object };
    expect(withAgreements.spec).toEqual({
      ...(related as { spec: object }).spec,
      agreements: (serviceEntity('x') as { spec: { agreements: object } }).spec
        .agreements,
    });
  });

  it('is deterministic and spreads incidents over the range', () => {
    const options = {
      service: 'bench-a',
      count: 100,
      from: Date.UTC(2026, 0, 1),
      to: Date.UTC(2026, 1, 1),
      prefix: 'x',
      seed: 7,
    };
    const first = incidents(options);
    expect(incidents(options)).toEqual(first);
    expect(new Set(first.map(i => i.externalId)).size).toBe(100);
    for (const item of first) {
      expect(Date.parse(item.openedAt)).toBeGreaterThanOrEqual(options.from);
      expect(Date.parse(item.openedAt)).toBeLessThan(options.to);
    }
  });

  it('leaves open the incidents resolved after the export, by default the end of the range', () => {
    const day = 86_400_000;
    const range = {
      service: 'bench-a',
      count: 500,
      from: Date.UTC(2026, 0, 1),
      to: Date.UTC(2026, 0, 1) + day,
      prefix: 'x',
      seed: 3,
    };
    const open = (items: ReturnType<typeof incidents>) =>
      items.filter(i => !i.resolvedAt).length;
    // Resolved up to 6.5 h after opening: the range's last hours stay open.
    expect(open(incidents(range))).toBeGreaterThan(0);
    // Exported a week later, every incident of the range has been resolved.
    expect(open(incidents({ ...range, exportedAt: range.to + 7 * day }))).toBe(
      0,
    );
    // The same incidents otherwise.
    expect(
      incidents({ ...range, exportedAt: range.to + 7 * day }).map(
        i => i.openedAt,
      ),
    ).toEqual(incidents(range).map(i => i.openedAt));
  });

  it('makes contiguous SLI slices ending at the given time', () => {
    const to = Date.UTC(2026, 10, 27, 12, 30);
    const slices = [
      ...sliRows({ service: 'bench-a', count: 3, to, seed: 1, updatedAt: 0 }),
    ];
    expect(slices.map(s => s.slice_start)).toEqual([
      to - 3 * 60_000,
      to - 2 * 60_000,
      to - 60_000,
    ]);
    expect(slices.every(s => s.good <= s.total)).toBe(true);
    const outages = outageRows({
      service: 'bench-a',
      count: 5,
      from: 0,
      to: 10 * 3_600_000,
      seed: 3,
      updatedAt: 0,
    });
    expect(outages.every(o => o.end_at >= o.start_at)).toBe(true);
  });

  it('pins the benchmarks to the 28th of last month, whatever day they run', () => {
    const pinned = Date.UTC(2026, 10, 28, 10);
    expect(pinnedNow(new Date(Date.UTC(2026, 11, 1, 0, 30)))).toBe(pinned);
    expect(pinnedNow(new Date(Date.UTC(2026, 11, 31, 23, 59)))).toBe(pinned);
    expect(pinnedNow(new Date(Date.UTC(2027, 0, 15)))).toBe(
      Date.UTC(2026, 11, 28, 10),
    );
  });
});
