import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../core/context.ts';
import type { PiazzaModule } from '../../core/module.ts';
import { reportsTenantTables } from './schema.ts';
import { registerReportsPermissions } from './permissions.ts';
import { reportsJobs, reportsSubscribers } from './jobs.ts';
import { triageJobs, triageSubscribers } from './triage-service.ts';
import { triageApi } from './api/triage.ts';
import { reportsPublicApi } from './api/public.ts';
import { publicReportPages } from './pages/public.tsx';
import { citizenReportPages } from './pages/new.tsx';
import { personalReportPages } from './pages/personal.tsx';
import { open311Routes } from './open311/routes.ts';
import { open311KeyPages } from './open311/admin.tsx';
import { seedOpen311DemoKey } from './open311/keys.ts';
import { reportsBackOffice } from './backoffice/routes.tsx';
import { seedReports } from './seed.ts';

/**
 * Citizen reports (segnalazioni): the citizen flow, public map and statistics, the operators' back office with
 * AI triage, the Open311 GeoReport v2 API, import and export. Comes after the site module (categories point at
 * the site's offices).
 */
export const reportsModule: PiazzaModule = {
  id: 'reports',
  async routes(app: FastifyInstance, ctx: AppContext) {
    await triageApi(app, ctx);
    await reportsPublicApi(app, ctx);
    // The citizen form (/segnalazioni/nuova) before the public detail page (/segnalazioni/:number).
    await citizenReportPages(app, ctx);
    await publicReportPages(app, ctx);
    await personalReportPages(app, ctx);
    await open311Routes(app, ctx);
    await open311KeyPages(app, ctx);
    await reportsBackOffice(app, ctx);
  },
  permissions: registerReportsPermissions,
  jobs: [...reportsJobs, ...triageJobs],
  subscribers: [...reportsSubscribers, ...triageSubscribers],
  seed: async (ctx, tenant) => {
    await seedReports(ctx, tenant);
    await seedOpen311DemoKey(ctx, tenant);
  },
  tenantTables: [...reportsTenantTables],
};
