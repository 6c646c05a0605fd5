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
  createFrontendModule,
  createTranslationMessages,
  createTranslationResource,
  TranslationMessages,
  TranslationResource,
} from '@backstage/frontend-plugin-api';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { TranslationBlueprint } from '@backstage/plugin-app-react';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { itsmApiRef } from './api';
import { SlaTab } from './components/SlaTab';
import {
  minutesBudget,
  mockItsmApi,
  testReport,
  testService,
} from './lib/testData';
import { itsmTranslationRef } from './alpha';

// An app module that adds a translation, as an adopter's app does.
function appTranslation(resource: TranslationResource | TranslationMessages) {
  return createFrontendModule({
    pluginId: 'app',
    extensions: [
      TranslationBlueprint.make({ name: 'itsm-test', params: { resource } }),
    ],
  });
}

/** German for two messages; every other one falls back to English. */
const german = createTranslationResource({
  ref: itsmTranslationRef,
  translations: {
    de: async () => ({
      default: createTranslationMessages({
        ref: itsmTranslationRef,
        messages: {
          'status.met.text': 'Erfüllt',
          'common.complianceScore': 'Erfüllungsgrad: {{score}}',
        },
      }),
    }),
  },
});

describe('itsmTranslationRef', () => {
  it('shows the SLA tab with the app’s German messages and German numbers', async () => {
    await renderInTestApp(
      <EntityProvider entity={testService}>
        <SlaTab />
      </EntityProvider>,
      {
        apis: [
          [
            itsmApiRef,
            mockItsmApi({
              getServiceSla: async () =>
                testReport({ attainment: 99.95, budget: minutesBudget(21.6) }),
              getServiceSlaHistory: async () => ({ items: [] }),
            }),
          ],
          mockApis.appLanguage({
            defaultLanguage: 'de',
            availableLanguages: ['en', 'de'],
          }),
        ],
        features: [appTranslation(german)],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );

    // The app's messages replace the plugin's English ones...
    expect(await screen.findByText('Erfüllungsgrad: 100')).toBeInTheDocument();
    expect(screen.getAllByText('Erfüllt').length).toBeGreaterThan(0);
    expect(screen.queryByText('Met')).not.toBeInTheDocument();
    expect(screen.queryByText(/Compliance score/)).not.toBeInTheDocument();
    // ...messages it leaves out stay English, and numbers are German.
    expect(screen.getByText('99,950 %')).toBeInTheDocument();
    expect(screen.getByText('99,90 %')).toBeInTheDocument();
    expect(
      screen.getByText(
        '43,2 min allowed, 21,6 min spent, 21,6 min left (50,0 %)',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText('99.950 %')).not.toBeInTheDocument();
  });

  it('takes reworded English messages from the app', async () => {
    await renderInTestApp(
      <EntityProvider
        entity={{
          ...testService,
          spec: { ...testService.spec, agreements: [] },
        }}
      >
        <SlaTab />
      </EntityProvider>,
      {
        apis: [[itsmApiRef, mockItsmApi({})]],
        features: [
          appTranslation(
            createTranslationMessages({
              ref: itsmTranslationRef,
              messages: { 'slaTab.noAgreementsTitle': 'No SLA, OLA or UC yet' },
            }),
          ),
        ],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    expect(
      await screen.findByText('No SLA, OLA or UC yet'),
    ).toBeInTheDocument();
    expect(screen.queryByText('No agreements yet')).not.toBeInTheDocument();
  });
});
