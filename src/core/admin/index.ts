import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { registerMessages } from '../i18n/index.ts';
import it from './i18n/it.json' with { type: 'json' };
import en from './i18n/en.json' with { type: 'json' };
import { adminHomeRoutes } from './home.tsx';
import { auditRoutes } from './audit.tsx';
import { staffAdminRoutes } from './staff.tsx';
import { accountRoutes } from './account.tsx';
import { siteSettingsRoutes } from './site-settings.tsx';

export { adminLinks, addAdminLink, type AdminLink } from './links.ts';
export { requireStaff, staffOf } from './guard.ts';

/** The core's staff pages: /admin (home), /admin/audit, /admin/staff…, /admin/account…, /admin/impostazioni-sito. */
export async function adminRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  registerMessages({ it, en });
  await adminHomeRoutes(app, ctx);
  await auditRoutes(app, ctx);
  await staffAdminRoutes(app, ctx);
  await accountRoutes(app, ctx);
  await siteSettingsRoutes(app, ctx);
}
