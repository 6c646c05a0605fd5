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

import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { ServiceSlaReport } from '@backstage-itsm/plugin-itsm-common';
import Typography from '@material-ui/core/Typography';
import { formatPercent } from '../../lib/format';
import { Explained } from './Explained';

export function Dependencies(props: { report: ServiceSlaReport }) {
  const { composite, warnings } = props.report;
  if (composite.chain.length === 0 && warnings.length === 0) return null;
  return (
    <InfoCard title="Dependencies">
      <Typography variant="body2" gutterBottom>
        <Explained title="Services in series: the product of this service's availability and those it depends on.">
          Composite availability: {formatPercent(composite.availability)}
        </Explained>
      </Typography>
      {composite.chain.map(link => (
        <Typography key={link.service} variant="body2">
          <EntityRefLink entityRef={link.service} />:{' '}
          {formatPercent(link.availability)}
        </Typography>
      ))}
      {warnings.map(w => (
        <Typography key={w.message} variant="body2" color="error">
          {w.message}
        </Typography>
      ))}
    </InfoCard>
  );
}
