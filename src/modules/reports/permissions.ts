import type { PermissionRegistry } from '../../core/permissions/index.ts';

/**
 * reports.handle      the operators' queue: confirm triage, assign, change state, reply, merge (operators, office staff)
 * reports.admin       categories (names, office, target days), imports, Open311 API keys (admins)
 * reports.export      the open-data exports are public; this is the staff export with internal fields (operators)
 */
export function registerReportsPermissions(p: PermissionRegistry): void {
  p.allowRoles('reports.handle', ['operator', 'office']);
  p.allowRoles('reports.admin', []);
  p.allowRoles('reports.export', ['operator']);
}
