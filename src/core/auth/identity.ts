import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { registerMessages } from '../i18n/index.ts';
import it from './i18n/it.json' with { type: 'json' };
import en from './i18n/en.json' with { type: 'json' };
import { loginPageRoutes } from './login-pages.tsx';
import { oidcRoutes } from './oidc.ts';
import { staffLoginRoutes } from './staff-login.tsx';
import { demoLoginRoutes } from './demo.tsx';
import { personalAreaRoutes } from './personal-area.tsx';
import { adminRoutes } from '../admin/index.ts';

/**
 * Identity and access: citizen login (SPID/CIE via OIDC), the development demo login, staff login with
 * optional TOTP, logout, the citizen's personal area and the core's staff pages. Registered by corePlugins
 * right after sessionPlugin (sessions and CSRF).
 */
export async function identityPlugin(app: FastifyInstance, ctx: AppContext): Promise<void> {
  registerMessages({ it, en });
  await loginPageRoutes(app, ctx);
  await oidcRoutes(app, ctx);
  await staffLoginRoutes(app, ctx);
  // Development only: in production the demo routes do not exist at all (404).
  if (!ctx.config.isProduction) await demoLoginRoutes(app, ctx);
  await personalAreaRoutes(app, ctx);
  await adminRoutes(app, ctx);
}
