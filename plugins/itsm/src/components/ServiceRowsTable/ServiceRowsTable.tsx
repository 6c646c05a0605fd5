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

import { Link } from '@backstage/core-components';
import { parseEntityRef } from '@backstage/catalog-model';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useEntityRefLink } from '@backstage/plugin-catalog-react';
import {
  complianceScoreRules,
  PortfolioRow,
} from '@backstage-itsm/plugin-itsm-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { ReactNode, useCallback } from 'react';
import { isNumber } from '../../lib/format';
import { useFormat } from '../../lib/locale';
import { itsmTranslationRef } from '../../translation';
import { RefLinks } from '../RefLinks';
import { SlaStatus } from '../SlaStatus';

/** A service's title as a row gives it, else the name in its ref. */
export function serviceTitle(row: Pick<PortfolioRow, 'service' | 'title'>) {
  return row.title ?? parseEntityRef(row.service).name;
}

/** The path of a service's SLA tab: its entity page and `/sla`. */
export function useServiceSlaPath(): (serviceRef: string) => string {
  const entityLink = useEntityRefLink();
  return useCallback(
    (serviceRef: string) => `${entityLink(serviceRef)}/sla`,
    [entityLink],
  );
}

/** A link to a service's SLA tab, with its title. */
export function ServiceSlaLink(props: { service: string; title: string }) {
  const { t } = useTranslationRef(itsmTranslationRef);
  const slaPath = useServiceSlaPath();
  return (
    <Link
      to={slaPath(props.service)}
      aria-label={t('serviceRows.slaLink', { service: props.title })}
    >
      {props.title}
    </Link>
  );
}

/** Headings wrap between words only, however narrow the card. */
const HEADER = { overflowWrap: 'normal', wordBreak: 'normal' } as const;

/** A service's worst objective: its attainment of target, and its agreement. */
function WorstObjective(props: { row: PortfolioRow }) {
  const { t } = useTranslationRef(itsmTranslationRef);
  const { formatAttainmentPercent, formatTarget } = useFormat();
  const worst = props.row.worstObjective;
  if (!worst) return <>—</>;
  return (
    <>
      <Typography variant="body2">
        {isNumber(worst.attainment)
          ? t('serviceRows.worstObjectiveValue', {
              objective: worst.objective,
              attainment: formatAttainmentPercent(
                worst.attainment,
                worst.target,
              ),
              target: formatTarget(worst.target),
            })
          : t('serviceRows.worstObjectiveNoData', {
              objective: worst.objective,
            })}
      </Typography>
      <Typography variant="caption" color="textSecondary">
        {worst.agreement}
      </Typography>
    </>
  );
}

/**
 * IT services with their status this period, each linked to its SLA tab: the
 * table of the entity cards (services an entity supports, or a group owns).
 */
export function ServiceRowsTable(props: {
  rows: PortfolioRow[];
  /** The column of the customers ("Customers", "Customers affected"). */
  customersTitle: string;
  /** Show the compliance score. */
  score?: boolean;
  /** A second line under a service's link (e.g. "through …"). */
  serviceDetail?: (row: PortfolioRow) => ReactNode;
}) {
  const { rows, serviceDetail } = props;
  const { t } = useTranslationRef(itsmTranslationRef);
  const { formatNumber } = useFormat();
  const scoreExplanation = t('portfolioPage.scoreExplanation', {
    rules: complianceScoreRules(),
  });
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell style={HEADER}>{t('serviceRows.service')}</TableCell>
          <TableCell style={HEADER}>{t('serviceRows.status')}</TableCell>
          {props.score && (
            <TableCell style={HEADER} align="right">
              {t('serviceRows.score')}
            </TableCell>
          )}
          <TableCell style={HEADER}>
            {t('serviceRows.worstObjective')}
          </TableCell>
          <TableCell style={HEADER}>{props.customersTitle}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(r => (
          <TableRow key={r.service}>
            <TableCell>
              <ServiceSlaLink service={r.service} title={serviceTitle(r)} />
              {serviceDetail?.(r)}
            </TableCell>
            <TableCell style={{ whiteSpace: 'nowrap' }}>
              <SlaStatus status={r.status} />
            </TableCell>
            {props.score && (
              <TableCell align="right">
                <Tooltip title={scoreExplanation}>
                  <span>{formatNumber(r.score)}</span>
                </Tooltip>
              </TableCell>
            )}
            <TableCell>
              <WorstObjective row={r} />
            </TableCell>
            <TableCell>
              <RefLinks
                refs={r.customers}
                defaultKind="stakeholder"
                empty="—"
              />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
