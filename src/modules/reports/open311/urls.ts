import type { Tenant } from '../../../core/tenancy/types.ts';

/** Where the Open311 GeoReport v2 API lives. */
export const OPEN311_BASE = '/open311/v2';

/** The values of jurisdiction_id that mean this comune: its hosts and its slug. */
export function jurisdictionIds(tenant: Pick<Tenant, 'hosts' | 'slug'>): string[] {
  return [...tenant.hosts, tenant.slug];
}

/** The comune's own address: its first host with the scheme (and port) of BASE_URL, else BASE_URL. */
export function tenantOrigin(baseUrl: string, tenant: Pick<Tenant, 'hosts'>): string {
  const base = new URL(baseUrl);
  const host = tenant.hosts[0];
  return host ? `${base.protocol}//${host}${base.port ? `:${base.port}` : ''}` : baseUrl.replace(/\/+$/, '');
}

/** Public URL path of a report's photo (served by the public pages). */
export function photoPath(number: number, photoId: string): string {
  return `/segnalazioni/${number}/foto/${photoId}`;
}
