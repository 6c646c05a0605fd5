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
  ApiBlueprint,
  createFrontendFeatureLoader,
  createFrontendPlugin,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { SearchResultListItemBlueprint } from '@backstage/plugin-search-react/alpha';
import { ItsmClient } from '@backstage-itsm/plugin-itsm-common';
import AssessmentIcon from '@material-ui/icons/Assessment';
import { itsmApiRef } from './api';
import { itsmCatalogGraphModule } from './catalogGraph';
import { isItsmSearchResult } from './components/ItsmSearchResultListItem/predicate';
import { itsmTranslationRef } from './translation';

/** The route of the service portfolio page. @public */
export const itsmPortfolioRouteRef = createRouteRef();

const itsmApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: itsmApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ItsmClient({ discoveryApi, fetchApi }),
    }),
});

const slaContent = EntityContentBlueprint.make({
  name: 'sla',
  params: {
    path: '/sla',
    title: itsmTranslationRef('extensions.slaTab'),
    filter: { kind: 'itservice' },
    loader: () => import('./components/SlaTab').then(m => <m.SlaTab />),
  },
});

const stakeholderServicesContent = EntityContentBlueprint.make({
  name: 'stakeholder-services',
  params: {
    path: '/services',
    title: itsmTranslationRef('extensions.servicesTab'),
    filter: { kind: 'stakeholder' },
    loader: () =>
      import('./components/PartyServicesTab').then(m => <m.PartyServicesTab />),
  },
});

const supplierServicesContent = EntityContentBlueprint.make({
  name: 'supplier-services',
  params: {
    path: '/services',
    title: itsmTranslationRef('extensions.servicesTab'),
    filter: { kind: 'supplier' },
    loader: () =>
      import('./components/PartyServicesTab').then(m => <m.PartyServicesTab />),
  },
});

const slaStatusCard = EntityCardBlueprint.make({
  name: 'sla-status',
  params: {
    type: 'info',
    filter: { kind: 'itservice' },
    loader: () =>
      import('./components/SlaStatusCard').then(m => <m.SlaStatusCard />),
  },
});

const factsCard = EntityCardBlueprint.make({
  name: 'facts',
  params: {
    type: 'info',
    filter: { kind: { $in: ['itservice', 'stakeholder', 'supplier'] } },
    loader: () =>
      import('./components/ItsmFactsCard').then(m => <m.ItsmFactsCard />),
  },
});

const supportedServicesCard = EntityCardBlueprint.make({
  name: 'supported-services',
  params: {
    type: 'content',
    filter: { kind: { $in: ['component', 'system', 'resource', 'api'] } },
    loader: () =>
      import('./components/SupportedServicesCard').then(m => (
        <m.SupportedServicesCard />
      )),
  },
});

const providedServicesCard = EntityCardBlueprint.make({
  name: 'provided-services',
  params: {
    type: 'content',
    filter: { kind: 'group' },
    loader: () =>
      import('./components/ProvidedServicesCard').then(m => (
        <m.ProvidedServicesCard />
      )),
  },
});

const portfolioPage = PageBlueprint.make({
  params: {
    path: '/itsm',
    title: itsmTranslationRef('extensions.portfolioPage'),
    icon: <AssessmentIcon />,
    routeRef: itsmPortfolioRouteRef,
    loader: () =>
      import('./components/PortfolioPage').then(m => <m.PortfolioPage />),
  },
});

/**
 * The search result item of ITServices, Stakeholders and Suppliers
 * (`search-result-list-item:itsm`). The search page renders a result with the
 * first item whose predicate matches, in the order the items are attached,
 * and the catalog's item takes every catalog result: list this one in the
 * app's `app.extensions` (extensions listed there are attached first) so that
 * it comes before `search-result-list-item:catalog`.
 */
const searchResultListItem = SearchResultListItemBlueprint.make({
  params: {
    predicate: isItsmSearchResult,
    component: () =>
      import('./components/ItsmSearchResultListItem').then(
        m => m.ItsmSearchResultListItem,
      ),
  },
});

/**
 * The ITSM frontend plugin for the new frontend system.
 *
 * @public
 */
export const itsmPlugin = createFrontendPlugin({
  pluginId: 'itsm',
  extensions: [
    itsmApi,
    slaContent,
    stakeholderServicesContent,
    supplierServicesContent,
    slaStatusCard,
    factsCard,
    supportedServicesCard,
    providedServicesCard,
    portfolioPage,
    searchResultListItem,
  ],
  routes: { portfolio: itsmPortfolioRouteRef },
});

/**
 * The plugin together with the catalog graph module that draws the ITSM
 * relations: what feature discovery installs.
 *
 * @public
 */
export const itsmFeatures = createFrontendFeatureLoader({
  loader: () => [itsmPlugin, itsmCatalogGraphModule],
});
