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

import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  itsmFixedClockServiceFactory,
  ItsmMeasurementIntake,
  ItsmMeasurementSource,
  itsmMeasurementSourcesExtensionPoint,
} from '@backstage-itsm/plugin-itsm-node';
import { exampleServices } from './__testUtils__/exampleServices';
import { generateDemoMeasurements } from './demoMeasurements';
import { itsmModuleDemoData } from './module';

const services = exampleServices;
const NOW = '2026-09-16T10:30:00Z';

async function registeredSources(enabled?: boolean) {
  const sources: ItsmMeasurementSource[] = [];
  await startTestBackend({
    extensionPoints: [
      [
        itsmMeasurementSourcesExtensionPoint,
        { addSource: (...added) => sources.push(...added) },
      ],
    ],
    features: [
      itsmModuleDemoData,
      catalogServiceMock.factory({ entities: services }),
      itsmFixedClockServiceFactory(NOW),
      mockServices.rootConfig.factory({
        data: enabled === undefined ? {} : { itsm: { demo: { enabled } } },
      }),
    ],
  });
  return sources;
}

// The demo source only returns batches and asks where stored series end:
// here nothing is stored yet.
const intake = {
  latestSliSliceEnd: async () => undefined,
} as unknown as ItsmMeasurementIntake;

describe('itsmModuleDemoData', () => {
  it('adds a source that pulls the demo data of the catalog at the itsm clock', async () => {
    const [source, ...others] = await registeredSources(true);
    expect(others).toEqual([]);
    expect(source).toMatchObject({
      id: 'demo-data',
      schedule: { frequency: { minutes: 1 } },
    });
    const batch = await source.pull({
      logger: mockServices.logger.mock(),
      intake,
    });
    expect(batch).toEqual(
      generateDemoMeasurements({ now: new Date(NOW), services }),
    );
    expect(batch.outages?.length).toBeGreaterThan(0);
    // Nothing new in the same hour with the same services: nothing to send.
    await expect(
      source.pull({ logger: mockServices.logger.mock(), intake }),
    ).resolves.toEqual({});
  });

  it.each([false, undefined])(
    'adds nothing when itsm.demo.enabled is %p',
    async enabled => {
      await expect(registeredSources(enabled)).resolves.toEqual([]);
    },
  );
});
