import type { TenantSettings } from '../db/schema.ts';

export interface Tenant {
  id: string;
  slug: string;
  name: string;
  istatCode: string | null;
  ipaCode: string | null;
  hosts: string[];
  locales: string[];
  settings: TenantSettings;
  isDemo: boolean;
}
