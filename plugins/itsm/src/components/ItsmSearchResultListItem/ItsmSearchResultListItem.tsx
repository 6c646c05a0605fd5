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
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import type {
  ResultHighlight,
  SearchDocument,
} from '@backstage/plugin-search-common';
import { HighlightedSearchResultText } from '@backstage/plugin-search-react';
import type { SlaStatus as Status } from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import { makeStyles } from '@material-ui/core/styles';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import AssessmentIcon from '@material-ui/icons/Assessment';
import LocalShippingIcon from '@material-ui/icons/LocalShipping';
import PeopleIcon from '@material-ui/icons/People';
import { ReactNode } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { itsmApiRef } from '../../api';
import { itsmTranslationRef } from '../../translation';
import { SlaStatus } from '../SlaStatus';
import {
  documentKind,
  entityRefOfLocation,
  ItsmSearchDocument,
} from './predicate';

/**
 * Props of {@link ItsmSearchResultListItem}, as the search page passes them.
 *
 * @public
 */
export type ItsmSearchResultListItemProps = {
  /** The search document: a catalog document of an ITSM kind. */
  result?: SearchDocument;
  /** The matched terms of the result, marked. */
  highlight?: ResultHighlight;
  rank?: number;
  /** Lines of the document's text shown at most (default 3). */
  lineClamp?: number;
};

const useStyles = makeStyles(
  theme => ({
    item: { display: 'flex' },
    flexContainer: { flexWrap: 'wrap' },
    itemText: { width: '100%', wordBreak: 'break-word', marginBottom: 0 },
    summary: { marginBottom: theme.spacing(1) },
    chips: {
      display: 'flex',
      flexWrap: 'wrap',
      alignItems: 'center',
      gap: theme.spacing(0.5),
      marginBottom: theme.spacing(1),
    },
    // A chip's look, for a label and the SlaStatus (which lays itself out
    // as a flex box, so it cannot sit in a Chip's one-line label).
    status: {
      display: 'inline-flex',
      alignItems: 'center',
      gap: theme.spacing(0.5),
      height: 24,
      padding: theme.spacing(0, 1),
      borderRadius: 12,
      border: `1px solid ${
        theme.palette.type === 'light'
          ? 'rgba(0, 0, 0, 0.23)'
          : 'rgba(255, 255, 255, 0.23)'
      }`,
      fontSize: theme.typography.pxToRem(13),
      whiteSpace: 'nowrap',
      '& span': { fontSize: 'inherit' },
    },
  }),
  { name: 'ItsmSearchResultListItem' },
);

const STATUSES: ReadonlySet<string> = new Set([
  'met',
  'at-risk',
  'breached',
  'no-data',
]);

const isStatus = (value: unknown): value is Status =>
  typeof value === 'string' && STATUSES.has(value);

const KIND_ICONS: Record<string, ReactNode> = {
  itservice: <AssessmentIcon />,
  stakeholder: <PeopleIcon />,
  supplier: <LocalShippingIcon />,
};

const names = (values: unknown): string[] =>
  Array.isArray(values)
    ? values.filter((v): v is string => typeof v === 'string' && v !== '')
    : [];

/** Text with the matched terms marked, or as it is. */
function Highlighted(props: {
  field: string;
  text: string;
  highlight?: ResultHighlight;
}) {
  const marked = props.highlight?.fields[props.field];
  return marked ? (
    <HighlightedSearchResultText
      text={marked}
      preTag={props.highlight!.preTag}
      postTag={props.highlight!.postTag}
    />
  ) : (
    <>{props.text}</>
  );
}

/**
 * The SLA status of an ITService result: read live for the current period,
 * the indexed one (labelled so) while that loads or where it cannot be read.
 */
function ServiceStatus(props: { document: ItsmSearchDocument }) {
  const { document } = props;
  const classes = useStyles();
  const api = useApi(itsmApiRef);
  const { t } = useTranslationRef(itsmTranslationRef);
  const ref = entityRefOfLocation(document.location);
  const live = useAsync(
    async () =>
      ref ? (await api.getServiceSla(ref, { period: 'current' })).status : '',
    [api, ref],
  );
  const indexed = isStatus(document.status) ? document.status : undefined;
  const current =
    !live.loading && isStatus(live.value) ? live.value : undefined;
  const status = current ?? indexed;
  if (!status) return null;
  return (
    <span className={classes.status} data-testid="itsm-search-sla-status">
      {current ? (
        t('searchResultItem.liveStatus')
      ) : (
        <Tooltip title={t('searchResultItem.indexedStatusExplanation')}>
          <span>{t('searchResultItem.indexedStatus')}</span>
        </Tooltip>
      )}{' '}
      <SlaStatus status={status} />
    </span>
  );
}

/** One line of what the document says about the parties and services. */
function useSummary(document: ItsmSearchDocument, kind: string | undefined) {
  const { t } = useTranslationRef(itsmTranslationRef);
  const list = (values: string[]) => values.join(', ');
  const parts: string[] = [];
  if (kind === 'itservice') {
    const customers = names(document.customers);
    const suppliers = names(document.suppliers);
    parts.push(
      customers.length > 0
        ? t('searchResultItem.customers', { names: list(customers) })
        : t('searchResultItem.noCustomers'),
    );
    if (suppliers.length > 0) {
      parts.push(t('searchResultItem.suppliers', { names: list(suppliers) }));
    }
  } else if (kind === 'stakeholder') {
    const services = names(document.services);
    parts.push(
      services.length > 0
        ? t('searchResultItem.buys', { names: list(services) })
        : t('searchResultItem.buysNothing'),
    );
  } else if (kind === 'supplier') {
    const services = names(document.services);
    parts.push(
      typeof document.contractEnd === 'string' && document.contractEnd
        ? t('searchResultItem.contractEnds', { end: document.contractEnd })
        : t('searchResultItem.noContractEnd'),
    );
    if (services.length > 0) {
      parts.push(t('searchResultItem.supplies', { names: list(services) }));
    }
  }
  return parts.join(' · ');
}

/**
 * A search result of an ITService, Stakeholder or Supplier: an icon of its
 * kind, the title linking to its page, its text with the matched terms
 * marked, a line of its customers and suppliers (ITService), the services
 * it buys (Stakeholder) or its contract's end (Supplier), its kind and type,
 * and for an ITService its SLA status this period.
 *
 * @public
 */
export function ItsmSearchResultListItem(props: ItsmSearchResultListItemProps) {
  const { result, highlight, lineClamp = 3 } = props;
  const classes = useStyles();
  const { t } = useTranslationRef(itsmTranslationRef);
  const document = (result ?? {}) as ItsmSearchDocument;
  const kind = documentKind(result);
  const summary = useSummary(document, kind);
  if (!result) return null;
  return (
    <div className={classes.item} data-testid="itsm-search-result">
      <ListItemIcon>
        {KIND_ICONS[kind ?? ''] ?? <AssessmentIcon />}
      </ListItemIcon>
      <div className={classes.flexContainer}>
        <ListItemText
          className={classes.itemText}
          primaryTypographyProps={{ variant: 'h6' }}
          primary={
            <Link noTrack to={result.location}>
              <Highlighted
                field="title"
                text={result.title}
                highlight={highlight}
              />
            </Link>
          }
          secondary={
            <Typography
              component="span"
              style={{
                display: '-webkit-box',
                WebkitBoxOrient: 'vertical',
                WebkitLineClamp: lineClamp,
                overflow: 'hidden',
              }}
              color="textSecondary"
              variant="body2"
            >
              <Highlighted
                field="text"
                text={result.text}
                highlight={highlight}
              />
            </Typography>
          }
        />
        {summary && (
          <Typography variant="body2" className={classes.summary}>
            {summary}
          </Typography>
        )}
        <Box className={classes.chips}>
          {document.kind && (
            <Chip
              size="small"
              label={t('searchResultItem.kind', { kind: document.kind })}
            />
          )}
          {document.type && (
            <Chip
              size="small"
              label={t('searchResultItem.type', { type: document.type })}
            />
          )}
          {document.lifecycle && (
            <Chip
              size="small"
              label={t('searchResultItem.lifecycle', {
                lifecycle: document.lifecycle,
              })}
            />
          )}
          {kind === 'itservice' && <ServiceStatus document={document} />}
        </Box>
      </div>
    </div>
  );
}
