/*
 * The plugins of the example backend.
 */

import { createBackend } from '@backstage/backend-defaults';
import { itsmFixedClockServiceFactory } from '@backstage-itsm/plugin-itsm-node';
import { replicaSafeDatabaseServiceFactory } from './database';

/**
 * The example backend with every plugin but a permission policy, so that
 * test backends (packages/resilience) can run exactly this with their own.
 */
export function createExampleBackend() {
  const backend = createBackend();

  // Replicas on one database may start together (see ./database.ts).
  backend.add(replicaSafeDatabaseServiceFactory);

  backend.add(import('@backstage/plugin-app-backend'));
  backend.add(import('@backstage/plugin-proxy-backend'));

  // scaffolder plugin
  backend.add(import('@backstage/plugin-scaffolder-backend'));
  backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
  backend.add(
    import('@backstage/plugin-scaffolder-backend-module-notifications'),
  );
  // itsm:validate-entity and itsm:publish-file (template: examples/itsm/templates)
  backend.add(import('@backstage-itsm/plugin-scaffolder-backend-module-itsm'));

  // techdocs plugin
  backend.add(import('@backstage/plugin-techdocs-backend'));

  // auth plugin
  backend.add(import('@backstage/plugin-auth-backend'));
  // See https://backstage.io/docs/backend-system/building-backends/migrating#the-auth-plugin
  backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
  // See https://backstage.io/docs/auth/guest/provider

  // catalog plugin
  backend.add(import('@backstage/plugin-catalog-backend'));
  backend.add(
    import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
  );

  // ITSM kinds: ITService, Stakeholder, Supplier
  backend.add(import('@backstage-itsm/plugin-catalog-backend-module-itsm'));

  // ITSM backend: measurements (incidents, outages, SLI counts) and their API
  backend.add(import('@backstage-itsm/plugin-itsm-backend'));
  backend.add(import('@backstage-itsm/plugin-itsm-backend-module-sla-scoring'));
  // Seeds demo measurements when itsm.demo.enabled is true (app-config.yaml).
  backend.add(import('@backstage-itsm/plugin-itsm-backend-module-demo-data'));
  // Measurements from the tools teams run; each is off until its
  // itsm.<tool> block is configured (README: "Connecting your tools").
  backend.add(import('@backstage/plugin-events-backend'));
  backend.add(import('@backstage-itsm/plugin-itsm-backend-module-prometheus'));
  backend.add(
    import('@backstage-itsm/plugin-itsm-backend-module-alertmanager'),
  );
  backend.add(import('@backstage-itsm/plugin-itsm-backend-module-pagerduty'));
  backend.add(import('@backstage-itsm/plugin-itsm-backend-module-opsgenie'));
  // The end-to-end tests pin the ITSM clock (demo data, reports) to one
  // instant, so that their figures do not depend on the day they run.
  if (process.env.ITSM_FIXED_NOW) {
    backend.add(itsmFixedClockServiceFactory(process.env.ITSM_FIXED_NOW));
  }

  // See https://backstage.io/docs/features/software-catalog/configuration#subscribing-to-catalog-errors
  backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

  // permission plugin; the policy is added by the entry point
  backend.add(import('@backstage/plugin-permission-backend'));

  // search plugin
  backend.add(import('@backstage/plugin-search-backend'));

  // search engine
  // See https://backstage.io/docs/features/search/search-engines
  backend.add(import('@backstage/plugin-search-backend-module-pg'));

  // search collators
  backend.add(import('@backstage/plugin-search-backend-module-catalog'));
  // ITService, Stakeholder and Supplier documents with their ITSM fields.
  backend.add(import('@backstage-itsm/plugin-search-backend-module-itsm'));
  backend.add(import('@backstage/plugin-search-backend-module-techdocs'));

  // kubernetes plugin
  backend.add(import('@backstage/plugin-kubernetes-backend'));

  // user settings plugin
  backend.add(import('@backstage/plugin-user-settings-backend'));

  // notifications and signals plugins
  backend.add(import('@backstage/plugin-notifications-backend'));
  // E-mail of every notification (notifications.processors.email).
  backend.add(import('@backstage/plugin-notifications-backend-module-email'));
  backend.add(import('@backstage/plugin-signals-backend'));

  // mcp actions plugin
  backend.add(import('@backstage/plugin-mcp-actions-backend'));
  return backend;
}
