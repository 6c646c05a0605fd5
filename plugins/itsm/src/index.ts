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

/**
 * Backstage ITSM frontend plugin: the SLA tab of IT services, the services
 * of stakeholders and suppliers, the IT services of software and groups on
 * their entity pages, and the service portfolio.
 *
 * @packageDocumentation
 */

import { itsmFeatures } from './plugin';

export { itsmApiRef } from './api';
export {
  createItsmCatalogGraphApi,
  itsmCatalogGraphModule,
} from './catalogGraph';
export { itsmPlugin, itsmPortfolioRouteRef, itsmFeatures } from './plugin';
export { SlaTab } from './components/SlaTab';
export { SlaStatusCard } from './components/SlaStatusCard';
export { PartyServicesTab } from './components/PartyServicesTab';
export { PortfolioPage } from './components/PortfolioPage';
export { ItsmFactsCard } from './components/ItsmFactsCard';
export { SupportedServicesCard } from './components/SupportedServicesCard';
export { ProvidedServicesCard } from './components/ProvidedServicesCard';
export {
  isItsmSearchResult,
  type ItsmSearchDocument,
  type ItsmSearchResultListItemProps,
} from './components/ItsmSearchResultListItem';

export {
  itsmLegacyPlugin,
  ItsmPortfolioPage,
  EntityItsmSlaContent,
  EntityItsmServicesContent,
  EntityItsmSlaCard,
  EntityItsmFactsCard,
  EntityItsmSupportedServicesCard,
  EntityItsmProvidedServicesCard,
  ItsmSearchResultListItem,
} from './legacy';

export default itsmFeatures;
