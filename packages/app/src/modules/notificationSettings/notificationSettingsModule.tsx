import {
  createFrontendModule,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { Content, Header, Page } from '@backstage/core-components';
import { UserNotificationSettingsCard } from '@backstage/plugin-notifications';

/**
 * Where users mute notifications per origin and topic: the ITSM backend
 * sends each IT service's notifications under a topic of its own (the
 * service's entity ref).
 */
const notificationSettingsPage = PageBlueprint.make({
  name: 'settings',
  params: {
    path: '/notification-settings',
    loader: async () => (
      <Page themeId="tool">
        <Header
          title="Notification settings"
          subtitle="Choose which notifications you receive, in the portal and by e-mail"
        />
        <Content>
          <UserNotificationSettingsCard
            originNames={{ 'plugin:itsm': 'IT service levels' }}
          />
        </Content>
      </Page>
    ),
  },
});

export const notificationSettingsModule = createFrontendModule({
  pluginId: 'notifications',
  extensions: [notificationSettingsPage],
});
