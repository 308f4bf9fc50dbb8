import type { FastifyInstance } from 'fastify';
import type { AppContext } from './context.ts';
import type { Tenant } from './tenancy/types.ts';
import type { JobDefinition, EventSubscriber } from './jobs/registry.ts';
import type { PermissionRegistry } from './permissions/index.ts';

/**
 * The manifest every feature module exports from its module.ts. The order of modules in src/modules.ts
 * is the order of registration.
 */
export interface PiazzaModule {
  id: string;
  /** Routes (API and pages) of the module; registered after the core plugins. */
  routes?: (app: FastifyInstance, ctx: AppContext) => Promise<void>;
  permissions?: (p: PermissionRegistry) => void;
  jobs?: JobDefinition[];
  subscribers?: EventSubscriber[];
  /** Demo content for a development tenant (idempotent). */
  seed?: (ctx: AppContext, tenant: Tenant) => Promise<void>;
  /** Tables holding tenant data: checked by the tenant-isolation contract test. */
  tenantTables?: string[];
  i18n?: { it: Record<string, string>; en: Record<string, string> };
}
