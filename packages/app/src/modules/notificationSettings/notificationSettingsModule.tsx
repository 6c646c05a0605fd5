import {
  createFrontendModule,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';

/**
 * Where users mute notifications per origin and topic: the ITSM backend
 * sends each IT service's notifications under a topic of its own (the
 * service's entity ref).
 */
const notificationSettingsPage = PageBlueprint.make({
  name: 'settings',
  params: {
    path: '/notification-settings',
    loader: () =>
      import('./NotificationSettingsPage').then(m => (
        <m.NotificationSettingsPage />
      )),
  },
});

export const notificationSettingsModule = createFrontendModule({
  pluginId: 'notifications',
  extensions: [notificationSettingsPage],
});
