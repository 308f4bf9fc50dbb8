import type { AppContext } from '../context.ts';
import type { Tenant } from '../tenancy/types.ts';
import { DEMO_CITIZENS, DEMO_STAFF, ensureDemoCitizen, ensureDemoStaff } from './demo-identities.ts';

/**
 * Demo identities of the demo comune (development only, idempotent): one staff account per role, with the
 * passwords shown on /auth/demo, and the demo citizens, so module seeds can attach content to them
 * (find them by DEMO_CITIZENS[i].taxCode).
 */
export async function seedDemoIdentities(ctx: AppContext, tenant: Tenant): Promise<void> {
  if (ctx.config.isProduction) return;
  for (const s of DEMO_STAFF) await ensureDemoStaff(ctx, tenant, s);
  for (const c of DEMO_CITIZENS) await ensureDemoCitizen(ctx, tenant, c);
}
