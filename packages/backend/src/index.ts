/*
 * Hi!
 *
 * Note that this is an EXAMPLE Backstage backend. Please check the README.
 *
 * Happy hacking!
 */

import { createExampleBackend } from './backend';
import { portalPermissionPolicyModule } from './permissionPolicy';

const backend = createExampleBackend();
// Users read; only tools (static tokens, other plugins) write measurements.
// See ./permissionPolicy.ts and the README's "Security" section for your own.
backend.add(portalPermissionPolicyModule);
backend.start();
