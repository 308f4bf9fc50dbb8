import type { PiazzaModule } from '../../core/module.ts';
import { reportsTenantTables } from './schema.ts';
import { registerReportsPermissions } from './permissions.ts';

/**
 * Citizen reports (segnalazioni): the citizen flow, public map and statistics, the operators' back office with
 * AI triage, the Open311 GeoReport v2 API, import and export. Not enabled in src/modules.ts until complete.
 */
export const reportsModule: PiazzaModule = {
  id: 'reports',
  permissions: registerReportsPermissions,
  tenantTables: [...reportsTenantTables],
};
