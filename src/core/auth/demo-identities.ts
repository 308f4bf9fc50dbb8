import type { AppContext } from '../context.ts';
import { withTenantTx } from '../db/client.ts';
import type { Tenant } from '../tenancy/types.ts';
import type { StaffRole } from './types.ts';
import { computeTaxCode } from './tax-code.ts';
import { upsertCitizen, type CitizenRow } from './citizens.ts';
import { createStaffUser, DEMO_STAFF_DOMAIN, findStaffByEmail, type StaffRow } from './staff.ts';

/**
 * Demo identities for development: citizens (as a SPID login would bring them) and one staff member per role.
 * They exist only where the demo login exists — never in production, where /auth/demo is not even registered and
 * password logins to the demo staff domain are refused.
 */

export interface DemoCitizen {
  id: string;
  givenName: string;
  familyName: string;
  taxCode: string;
  email: string;
  description: string;
}

export interface DemoStaff {
  id: string;
  displayName: string;
  email: string;
  roles: StaffRole[];
  /** Development only: documented on the demo login page. */
  password: string;
}

function citizen(id: string, givenName: string, familyName: string, birthDate: string, sex: 'M' | 'F', cadastralCode: string, description: string): DemoCitizen {
  const taxCode = computeTaxCode({ givenName, familyName, birthDate, sex, cadastralCode });
  const email = `${givenName}.${familyName}@example.org`.toLowerCase();
  return { id, givenName, familyName, taxCode, email, description };
}

export const DEMO_CITIZENS: readonly DemoCitizen[] = [
  citizen('citizen-maria-bianchi', 'Maria', 'Bianchi', '1985-03-12', 'F', 'A859', 'auth.demo.citizen.maria'),
  citizen('citizen-luca-ferrari', 'Luca', 'Ferrari', '1990-07-25', 'M', 'L219', 'auth.demo.citizen.luca'),
  citizen('citizen-anna-colombo', 'Anna', 'Colombo', '1948-11-03', 'F', 'A859', 'auth.demo.citizen.anna'),
  citizen('citizen-giuseppe-esposito', 'Giuseppe', 'Esposito', '2001-02-17', 'M', 'F839', 'auth.demo.citizen.giuseppe'),
];

export const DEMO_STAFF: readonly DemoStaff[] = [
  { id: 'staff-admin', displayName: 'Laura Conti', email: `laura.conti@${DEMO_STAFF_DOMAIN}`, roles: ['admin'], password: 'demo-admin-piazza' },
  { id: 'staff-editor', displayName: 'Marco Ricci', email: `marco.ricci@${DEMO_STAFF_DOMAIN}`, roles: ['editor'], password: 'demo-editor-piazza' },
  { id: 'staff-operator', displayName: 'Sara Gallo', email: `sara.gallo@${DEMO_STAFF_DOMAIN}`, roles: ['operator'], password: 'demo-operator-piazza' },
  { id: 'staff-office', displayName: 'Davide Moretti', email: `davide.moretti@${DEMO_STAFF_DOMAIN}`, roles: ['office'], password: 'demo-office-piazza' },
];

export type DemoIdentity = { kind: 'citizen'; citizen: DemoCitizen } | { kind: 'staff'; staff: DemoStaff };

export function findDemoIdentity(id: string): DemoIdentity | null {
  const c = DEMO_CITIZENS.find((x) => x.id === id);
  if (c) return { kind: 'citizen', citizen: c };
  const s = DEMO_STAFF.find((x) => x.id === id);
  if (s) return { kind: 'staff', staff: s };
  return null;
}

/** The citizen row of a demo citizen, created on first use (as a first SPID login would). */
export async function ensureDemoCitizen(ctx: AppContext, tenant: Tenant, c: DemoCitizen, requestId?: string): Promise<CitizenRow> {
  return upsertCitizen(ctx.db, tenant.id, { taxCode: c.taxCode, givenName: c.givenName, familyName: c.familyName, email: c.email, provider: 'demo' }, requestId);
}

/** The staff row of a demo staff member, created (audited, by the system) on first use. */
export async function ensureDemoStaff(ctx: AppContext, tenant: Tenant, s: DemoStaff, requestId?: string): Promise<StaffRow> {
  return withTenantTx(ctx.db, tenant.id, async (tx) => {
    const existing = await findStaffByEmail(tx, tenant.id, s.email);
    if (existing) return existing;
    const res = await createStaffUser(tx, { tenantId: tenant.id, actor: { type: 'anonymous' }, requestId }, {
      email: s.email,
      displayName: s.displayName,
      roles: [...s.roles],
      password: s.password,
    });
    if (!res.ok) throw new Error(`cannot create demo staff ${s.id}: ${JSON.stringify(res.error)}`);
    return res.value;
  });
}
