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

import { createPermission } from '@backstage/plugin-permission-common';

/** Push incidents, outages and SLI counts. @public */
export const itsmMeasurementCreatePermission = createPermission({
  name: 'itsm.measurement.create',
  attributes: { action: 'create' },
});

/** Delete a stored measurement. @public */
export const itsmMeasurementDeletePermission = createPermission({
  name: 'itsm.measurement.delete',
  attributes: { action: 'delete' },
});

/**
 * Read measurements. Reading a service's measurements also needs the right
 * to read that ITService in the catalog.
 *
 * @public
 */
export const itsmMeasurementReadPermission = createPermission({
  name: 'itsm.measurement.read',
  attributes: { action: 'read' },
});

/**
 * Read SLA reports. A report of a service also needs the right to read that
 * ITService in the catalog; lists only contain services the caller can read.
 *
 * @public
 */
export const itsmSlaReadPermission = createPermission({
  name: 'itsm.sla.read',
  attributes: { action: 'read' },
});

/** Every ITSM permission. @public */
export const itsmPermissions = [
  itsmMeasurementCreatePermission,
  itsmMeasurementDeletePermission,
  itsmMeasurementReadPermission,
  itsmSlaReadPermission,
];
