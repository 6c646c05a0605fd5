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

import itService from './ITService.v1alpha1.schema.json';
import stakeholder from './Stakeholder.v1alpha1.schema.json';
import supplier from './Supplier.v1alpha1.schema.json';

// Typed as JSON Schema documents, not as their JSON: the package's type
// declarations then need no JSON module.

/** The JSON Schema of the ITService kind. @public */
export const itServiceSchema: Readonly<Record<string, unknown>> = itService;

/** The JSON Schema of the Stakeholder kind. @public */
export const stakeholderSchema: Readonly<Record<string, unknown>> = stakeholder;

/** The JSON Schema of the Supplier kind. @public */
export const supplierSchema: Readonly<Record<string, unknown>> = supplier;
