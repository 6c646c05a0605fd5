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

/*
 * The same views for apps on the legacy frontend system: a plugin with the
 * API factory, a routable portfolio page, entity components for
 * EntityLayout and EntitySwitch, and a search result item for the search
 * page's SearchResult (see the README for the snippets).
 */

import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { createSearchResultListItemExtension } from '@backstage/plugin-search-react';
import { ItsmClient } from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from './api';
import type { ItsmSearchResultListItemProps } from './components/ItsmSearchResultListItem';
import { isItsmSearchResult } from './components/ItsmSearchResultListItem/predicate';

const portfolioRouteRef = createRouteRef({ id: 'itsm-portfolio' });

/** The ITSM plugin for the legacy frontend system. @public */
export const itsmLegacyPlugin = createPlugin({
  id: 'itsm',
  apis: [
    createApiFactory({
      api: itsmApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ItsmClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { portfolio: portfolioRouteRef },
});

/** The service portfolio page, for a Route in App.tsx. @public */
export const ItsmPortfolioPage = itsmLegacyPlugin.provide(
  createRoutableExtension({
    name: 'ItsmPortfolioPage',
    component: () =>
      import('./components/PortfolioPage').then(m => m.PortfolioPage),
    mountPoint: portfolioRouteRef,
  }),
);

/** The SLA tab of an ITService. @public */
export const EntityItsmSlaContent = itsmLegacyPlugin.provide(
  createComponentExtension({
    name: 'EntityItsmSlaContent',
    component: {
      lazy: () => import('./components/SlaTab').then(m => m.SlaTab),
    },
  }),
);

/** The Services tab of a Stakeholder or Supplier. @public */
export const EntityItsmServicesContent = itsmLegacyPlugin.provide(
  createComponentExtension({
    name: 'EntityItsmServicesContent',
    component: {
      lazy: () =>
        import('./components/PartyServicesTab').then(m => m.PartyServicesTab),
    },
  }),
);

/** The compact SLA status card of an ITService. @public */
export const EntityItsmSlaCard = itsmLegacyPlugin.provide(
  createComponentExtension({
    name: 'EntityItsmSlaCard',
    component: {
      lazy: () =>
        import('./components/SlaStatusCard').then(m => m.SlaStatusCard),
    },
  }),
);

/** The facts card of an ITService, Stakeholder or Supplier. @public */
export const EntityItsmFactsCard = itsmLegacyPlugin.provide(
  createComponentExtension({
    name: 'EntityItsmFactsCard',
    component: {
      lazy: () =>
        import('./components/ItsmFactsCard').then(m => m.ItsmFactsCard),
    },
  }),
);

/**
 * The IT services a Component, System, Resource or API implements or
 * supports, with their status. @public
 */
export const EntityItsmSupportedServicesCard = itsmLegacyPlugin.provide(
  createComponentExtension({
    name: 'EntityItsmSupportedServicesCard',
    component: {
      lazy: () =>
        import('./components/SupportedServicesCard').then(
          m => m.SupportedServicesCard,
        ),
    },
  }),
);

/** The IT services a Group owns, with their status. @public */
export const EntityItsmProvidedServicesCard = itsmLegacyPlugin.provide(
  createComponentExtension({
    name: 'EntityItsmProvidedServicesCard',
    component: {
      lazy: () =>
        import('./components/ProvidedServicesCard').then(
          m => m.ProvidedServicesCard,
        ),
    },
  }),
);

/**
 * The search result item of ITServices, Stakeholders and Suppliers, for the
 * children of the legacy search page's `SearchResult`: place it before
 * `CatalogSearchResultListItem`, which takes every catalog result (the first
 * item whose predicate matches renders a result). @public
 */
export const ItsmSearchResultListItem: (
  props: ItsmSearchResultListItemProps,
) => JSX.Element | null = itsmLegacyPlugin.provide(
  createSearchResultListItemExtension({
    name: 'ItsmSearchResultListItem',
    component: () =>
      import('./components/ItsmSearchResultListItem').then(
        m => m.ItsmSearchResultListItem,
      ),
    predicate: isItsmSearchResult,
  }),
);
