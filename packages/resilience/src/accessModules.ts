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

import {
  BackstageCredentials,
  coreServices,
  createBackendModule,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { AuthenticationError, InputError } from '@backstage/errors';
import {
  authProvidersExtensionPoint,
  createProxyAuthenticator,
  createProxyAuthProviderFactory,
} from '@backstage/plugin-auth-node';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import express from 'express';
import Router from 'express-promise-router';

/** Users of the access backend, each signed in by name (see below). */
export const ACCESS_USERS = {
  /** Denied every itsm permission; sees the whole catalog. */
  withoutPermission: 'user:default/no-itsm-permission',
  /** Holds every itsm permission; may not read ITServices in the catalog. */
  blindToServices: 'user:default/no-itservice-access',
  /** Holds every itsm permission; sees every entity but ACCESS_HIDDEN_SERVICE. */
  blindToOneService: 'user:default/one-service-hidden',
};

/** The ITService that ACCESS_USERS.blindToOneService cannot see. */
export const ACCESS_HIDDEN_SERVICE = 'resilience-00';

/**
 * The policy of a deployment that grants per user: one user lacks the
 * plugin's permissions, one cannot see ITServices, one cannot see one of
 * them, everyone else may do everything.
 */
export class AccessMatrixPolicy implements PermissionPolicy {
  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const principal = user?.credentials.principal as
      | { userEntityRef?: string }
      | undefined;
    const who = principal?.userEntityRef;
    if (
      who === ACCESS_USERS.withoutPermission &&
      request.permission.name.startsWith('itsm.')
    ) {
      return { result: AuthorizeResult.DENY };
    }
    if (
      who === ACCESS_USERS.blindToServices &&
      isPermission(request.permission, catalogEntityReadPermission)
    ) {
      return createCatalogConditionalDecision(request.permission, {
        not: catalogConditions.isEntityKind({ kinds: ['ITService'] }),
      });
    }
    if (
      who === ACCESS_USERS.blindToOneService &&
      isPermission(request.permission, catalogEntityReadPermission)
    ) {
      return createCatalogConditionalDecision(request.permission, {
        not: catalogConditions.hasMetadata({
          key: 'name',
          value: ACCESS_HIDDEN_SERVICE,
        }),
      });
    }
    return { result: AuthorizeResult.ALLOW };
  }
}

const accessPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'access-matrix-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy(new AccessMatrixPolicy());
      },
    });
  },
});

/**
 * Sign-in as any user named in the `x-access-user` header, as an
 * authenticating proxy in front of Backstage would do. The token is a real
 * one issued by the auth backend; only the proof of identity is a header, so
 * this module must never run anywhere but a loopback test backend.
 */
const headerSignInModule = createBackendModule({
  pluginId: 'auth',
  moduleId: 'access-header-provider',
  register(reg) {
    reg.registerInit({
      deps: { providers: authProvidersExtensionPoint },
      async init({ providers }) {
        providers.registerProvider({
          providerId: 'access-header',
          factory: createProxyAuthProviderFactory<{ name: string }>({
            authenticator: createProxyAuthenticator({
              defaultProfileTransform: async () => ({ profile: {} }),
              initialize: () => undefined,
              async authenticate({ req }) {
                const name = req.header('x-access-user');
                if (!name) {
                  throw new AuthenticationError('No x-access-user header');
                }
                return { result: { name } };
              },
            }),
            signInResolver: async ({ result }, ctx) => {
              const ref = stringifyEntityRef({
                kind: 'user',
                name: result.name,
              });
              return ctx.issueToken({ claims: { sub: ref, ent: [ref] } });
            },
          }),
        });
      },
    });
  },
});

/**
 * A backend plugin that calls the itsm plugin with its own service token,
 * the way any other plugin of the backend would: `POST /call` with
 * `{ method, path, body }` answers `{ status, body }` of that call.
 */
const serviceCallerPlugin = createBackendPlugin({
  pluginId: 'access-caller',
  register(reg) {
    reg.registerInit({
      deps: {
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        httpRouter: coreServices.httpRouter,
      },
      async init({ auth, discovery, httpRouter }) {
        const router = Router();
        router.use(express.json());
        router.post('/call', async (req, res) => {
          const { method, path, body } = req.body ?? {};
          if (typeof method !== 'string' || typeof path !== 'string') {
            throw new InputError('method and path must be strings');
          }
          const credentials: BackstageCredentials =
            await auth.getOwnServiceCredentials();
          const { token } = await auth.getPluginRequestToken({
            onBehalfOf: credentials,
            targetPluginId: 'itsm',
          });
          const answer = await fetch(
            `${await discovery.getBaseUrl('itsm')}${path}`,
            {
              method,
              headers: {
                authorization: `Bearer ${token}`,
                ...(body === undefined
                  ? {}
                  : { 'content-type': 'application/json' }),
              },
              body: body === undefined ? undefined : JSON.stringify(body),
            },
          );
          const text = await answer.text();
          const json = answer.headers
            .get('content-type')
            ?.includes('application/json');
          res.json({
            status: answer.status,
            body: json && text ? JSON.parse(text) : text || undefined,
          });
        });
        httpRouter.use(router);
        httpRouter.addAuthPolicy({ path: '/call', allow: 'unauthenticated' });
      },
    });
  },
});

/** What the access backend adds to the example backend. */
export const accessFeatures = [
  accessPolicyModule,
  headerSignInModule,
  serviceCallerPlugin,
];
