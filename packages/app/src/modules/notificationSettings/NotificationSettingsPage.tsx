import { useEffect, useState } from 'react';
import { Content, Header, Page } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { UserNotificationSettingsCard } from '@backstage/plugin-notifications';

/**
 * Backstage's notification settings, with the ITSM origin and its topics
 * (one per IT service or supplier, its entity ref) shown by their titles.
 */
export function NotificationSettingsPage() {
  const catalogApi = useApi(catalogApiRef);
  const [topicNames, setTopicNames] = useState<Record<string, string>>({});
  useEffect(() => {
    let cancelled = false;
    catalogApi
      .getEntities({
        filter: [{ kind: 'ITService' }, { kind: 'Supplier' }],
        fields: [
          'kind',
          'metadata.namespace',
          'metadata.name',
          'metadata.title',
        ],
      })
      .then(({ items }) => {
        if (cancelled) return;
        setTopicNames(
          Object.fromEntries(
            items.map(entity => [
              stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
              entity.metadata.title ?? entity.metadata.name,
            ]),
          ),
        );
      })
      // Without titles the card shows the refs themselves.
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [catalogApi]);
  return (
    <Page themeId="tool">
      <Header
        title="Notification settings"
        subtitle="Choose which notifications you receive, in the portal and by e-mail"
      />
      <Content>
        <UserNotificationSettingsCard
          originNames={{ 'plugin:itsm': 'IT service levels' }}
          topicNames={topicNames}
        />
      </Content>
    </Page>
  );
}
