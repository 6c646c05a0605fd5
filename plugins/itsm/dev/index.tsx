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

import '@backstage/cli/asset-types';
import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import ReactDOM from 'react-dom/client';
import itsmFeatures from '../src';

// `yarn start` in this folder: the plugin in a bare app with the catalog,
// against the backend at backend.baseUrl (start it with `yarn start` in
// plugins/itsm-backend, which serves the example ITServices with demo data).
const app = createApp({ features: [catalogPlugin, itsmFeatures] });

ReactDOM.createRoot(document.getElementById('root')!).render(app.createRoot());
