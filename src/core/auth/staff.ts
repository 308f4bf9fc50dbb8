import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { authenticator } from 'otplib';
import { and, asc, eq, sql } from 'drizzle-orm';
import { withTenantTx, type Db, type Tx } from '../db/client.ts';
import { staffUsers } from '../db/schema.ts';
import { recordAudit, type AuditContext } from '../audit/index.ts';
import { STAFF_ROLES, type StaffRole } from './types.ts';

/**
 * Staff accounts of a comune: passwords (argon2id), login throttling, TOTP, and the audited changes admins make.
 * Expected failures are values; messages are i18n keys (pages translate them, the CLI prints the English text).
 */

export type StaffRow = typeof staffUsers.$inferSelect;
export type FieldError = { field: string; message: string };
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MS = 15 * 60 * 1000;
/** Demo staff accounts use this domain; password logins to it are refused in production. */
export const DEMO_STAFF_DOMAIN = 'demo.piazza.example';

// One step before and after the current 30-second step, for clock drift.
const totp = authenticator.clone({ window: 1 });

export function hashPassword(password: string): Promise<string> {
  // @node-rs/argon2 defaults: argon2id, m=19456 KiB, t=2, p=1 (the OWASP minimum for argon2id).
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;
/** Verifying against this keeps an unknown e-mail as slow as a wrong password. */
function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
}

/** A random password of 20 characters from an unambiguous alphabet (for the CLI and resets). */
export function generatePassword(length = 20): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const bytes = randomBytes(length * 2);
  let out = '';
  for (let i = 0; i < bytes.length && out.length < length; i++) {
    const b = bytes[i]!;
    if (b < 256 - (256 % alphabet.length)) out += alphabet[b % alphabet.length];
  }
  return out.length === length ? out : generatePassword(length);
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function isEmail(email: string): boolean {
  return email.length <= 254 && /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/.test(email);
}

export function isStaffRole(r: string): r is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(r);
}

export function validatePassword(password: string): FieldError | null {
  if (password.length < PASSWORD_MIN_LENGTH) return { field: 'password', message: 'auth.error.passwordTooShort' };
  if (password.length > PASSWORD_MAX_LENGTH) return { field: 'password', message: 'auth.error.passwordTooLong' };
  return null;
}

export interface NewStaff {
  email: string;
  displayName: string;
  roles: string[];
  /** null = no password (cannot log in with the form until one is set). */
  password: string | null;
  officeIds?: string[];
}

export function validateNewStaff(input: NewStaff): FieldError[] {
  const errors: FieldError[] = [];
  const email = normaliseEmail(input.email);
  if (!isEmail(email)) errors.push({ field: 'email', message: 'auth.error.emailInvalid' });
  if (input.displayName.trim().length < 2 || input.displayName.trim().length > 120) errors.push({ field: 'displayName', message: 'auth.error.nameInvalid' });
  const roleError = validateRoles(input.roles);
  if (roleError) errors.push(roleError);
  if (input.password !== null) {
    const p = validatePassword(input.password);
    if (p) errors.push(p);
  }
  return errors;
}

function validateRoles(roles: string[]): FieldError | null {
  if (roles.length === 0) return { field: 'roles', message: 'auth.error.rolesRequired' };
  if (!roles.every(isStaffRole)) return { field: 'roles', message: 'auth.error.rolesInvalid' };
  return null;
}

export async function findStaffByEmail(tx: Tx, tenantId: string, email: string): Promise<StaffRow | null> {
  const [row] = await tx
    .select()
    .from(staffUsers)
    .where(and(eq(staffUsers.tenantId, tenantId), sql`lower(${staffUsers.email}) = ${normaliseEmail(email)}`))
    .limit(1);
  return row ?? null;
}

export async function findStaffById(tx: Tx, tenantId: string, id: string): Promise<StaffRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await tx.select().from(staffUsers).where(and(eq(staffUsers.tenantId, tenantId), eq(staffUsers.id, id))).limit(1);
  return row ?? null;
}

export async function listStaff(tx: Tx, tenantId: string): Promise<StaffRow[]> {
  return tx.select().from(staffUsers).where(eq(staffUsers.tenantId, tenantId)).orderBy(asc(staffUsers.displayName), asc(staffUsers.email));
}

export function isUuid(s: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
}

/** Create a staff account, audited as `core.staff.created` in the caller's transaction. */
export async function createStaffUser(tx: Tx, audit: AuditContext, input: NewStaff): Promise<Result<StaffRow, FieldError[]>> {
  const errors = validateNewStaff(input);
  if (errors.length) return { ok: false, error: errors };
  const email = normaliseEmail(input.email);
  if (await findStaffByEmail(tx, audit.tenantId, email)) return { ok: false, error: [{ field: 'email', message: 'auth.error.emailTaken' }] };
  const passwordHash = input.password === null ? null : await hashPassword(input.password);
  const [row] = await tx
    .insert(staffUsers)
    .values({
      tenantId: audit.tenantId,
      email,
      displayName: input.displayName.trim(),
      roles: [...new Set(input.roles)],
      officeIds: input.officeIds ?? [],
      passwordHash,
    })
    .returning();
  await recordAudit(tx, audit, {
    action: 'core.staff.created',
    entityType: 'staff_user',
    entityId: row!.id,
    details: { roles: row!.roles, withPassword: passwordHash !== null },
  });
  return { ok: true, value: row! };
}

function isSelf(audit: AuditContext, staffId: string): boolean {
  return audit.actor.type === 'staff' && audit.actor.id === staffId;
}

/** Change the roles of a staff member. An admin cannot remove their own admin role (no lock-out by mistake). */
export async function updateStaffRoles(tx: Tx, audit: AuditContext, staffId: string, roles: string[]): Promise<Result<StaffRow, FieldError[]>> {
  const roleError = validateRoles(roles);
  if (roleError) return { ok: false, error: [roleError] };
  const before = await findStaffById(tx, audit.tenantId, staffId);
  if (!before) return { ok: false, error: [{ field: 'id', message: 'auth.error.staffNotFound' }] };
  if (isSelf(audit, staffId) && before.roles.includes('admin') && !roles.includes('admin')) {
    return { ok: false, error: [{ field: 'roles', message: 'auth.error.cannotDropOwnAdmin' }] };
  }
  const next = [...new Set(roles)];
  const [row] = await tx
    .update(staffUsers)
    .set({ roles: next, updatedAt: new Date() })
    .where(and(eq(staffUsers.tenantId, audit.tenantId), eq(staffUsers.id, staffId)))
    .returning();
  await recordAudit(tx, audit, {
    action: 'core.staff.roles-changed',
    entityType: 'staff_user',
    entityId: staffId,
    details: { before: before.roles, after: next },
  });
  return { ok: true, value: row! };
}

/** Deactivate (their sessions stop working at once) or reactivate a staff member. Nobody deactivates themselves. */
export async function setStaffActive(tx: Tx, audit: AuditContext, staffId: string, active: boolean): Promise<Result<StaffRow, FieldError[]>> {
  const before = await findStaffById(tx, audit.tenantId, staffId);
  if (!before) return { ok: false, error: [{ field: 'id', message: 'auth.error.staffNotFound' }] };
  if (!active && isSelf(audit, staffId)) return { ok: false, error: [{ field: 'active', message: 'auth.error.cannotDeactivateSelf' }] };
  const [row] = await tx
    .update(staffUsers)
    .set({ active, updatedAt: new Date(), ...(active ? { failedLogins: 0, lockedUntil: null } : {}) })
    .where(and(eq(staffUsers.tenantId, audit.tenantId), eq(staffUsers.id, staffId)))
    .returning();
  await recordAudit(tx, audit, {
    action: active ? 'core.staff.reactivated' : 'core.staff.deactivated',
    entityType: 'staff_user',
    entityId: staffId,
  });
  return { ok: true, value: row! };
}

/** Set a new password (an admin's reset, or the staff member's own change); also lifts a lock. */
export async function setStaffPassword(tx: Tx, audit: AuditContext, staffId: string, password: string): Promise<Result<StaffRow, FieldError[]>> {
  const p = validatePassword(password);
  if (p) return { ok: false, error: [p] };
  const before = await findStaffById(tx, audit.tenantId, staffId);
  if (!before) return { ok: false, error: [{ field: 'id', message: 'auth.error.staffNotFound' }] };
  const [row] = await tx
    .update(staffUsers)
    .set({ passwordHash: await hashPassword(password), failedLogins: 0, lockedUntil: null, updatedAt: new Date() })
    .where(and(eq(staffUsers.tenantId, audit.tenantId), eq(staffUsers.id, staffId)))
    .returning();
  await recordAudit(tx, audit, {
    action: 'core.staff.password-changed',
    entityType: 'staff_user',
    entityId: staffId,
    details: { by: isSelf(audit, staffId) ? 'self' : 'admin' },
  });
  return { ok: true, value: row! };
}

// ── Login ───────────────────────────────────────────────────────────────────────────────────────────────────────

export type PasswordCheck = { staff: StaffRow; totpRequired: boolean };
/** The single failure a login form may show: it never says whether the e-mail exists or the account is locked. */
export type LoginFailure = 'invalid';

export interface LoginOptions {
  now?: Date;
  isProduction: boolean;
  requestId?: string;
}

/**
 * First login step: e-mail and password. Exactly one argon2 verification runs whatever the outcome, so timing
 * does not tell a known e-mail from an unknown one. A wrong password counts towards the lock; a locked account
 * answers like a wrong password until the lock expires.
 */
export async function checkStaffPassword(db: Db, tenantId: string, email: string, password: string, opts: LoginOptions): Promise<Result<PasswordCheck, LoginFailure>> {
  const now = opts.now ?? new Date();
  const staff = await withTenantTx(db, tenantId, (tx) => findStaffByEmail(tx, tenantId, email));
  const usable =
    staff !== null &&
    staff.active &&
    staff.passwordHash !== null &&
    !(opts.isProduction && staff.email.endsWith(`@${DEMO_STAFF_DOMAIN}`)) &&
    password.length <= PASSWORD_MAX_LENGTH;
  const locked = staff?.lockedUntil != null && staff.lockedUntil.getTime() > now.getTime();
  const hashToCheck = usable ? staff.passwordHash! : await dummyPasswordHash();
  const matches = await verifyPassword(hashToCheck, password.slice(0, PASSWORD_MAX_LENGTH));
  if (!usable || !staff) return { ok: false, error: 'invalid' };
  if (locked) return { ok: false, error: 'invalid' };
  if (!matches) {
    await registerLoginFailure(db, tenantId, staff.id, now, opts.requestId);
    return { ok: false, error: 'invalid' };
  }
  return { ok: true, value: { staff, totpRequired: staff.totpEnabled && staff.totpSecret !== null } };
}

/**
 * Count a failed attempt (wrong password or wrong TOTP code) atomically; the fifth in a row locks the account
 * for 15 minutes and starts a new count. The lock is audited.
 */
export async function registerLoginFailure(db: Db, tenantId: string, staffId: string, now: Date, requestId?: string): Promise<{ locked: boolean }> {
  const lockUntil = new Date(now.getTime() + LOCK_MS);
  return withTenantTx(db, tenantId, async (tx) => {
    const [row] = await tx
      .update(staffUsers)
      .set({
        failedLogins: sql`case when ${staffUsers.failedLogins} + 1 >= ${MAX_FAILED_LOGINS} then 0 else ${staffUsers.failedLogins} + 1 end`,
        lockedUntil: sql`case when ${staffUsers.failedLogins} + 1 >= ${MAX_FAILED_LOGINS} then ${lockUntil.toISOString()}::timestamptz else ${staffUsers.lockedUntil} end`,
      })
      .where(and(eq(staffUsers.tenantId, tenantId), eq(staffUsers.id, staffId)))
      .returning({ lockedUntil: staffUsers.lockedUntil });
    const locked = row?.lockedUntil != null && Math.abs(row.lockedUntil.getTime() - lockUntil.getTime()) < 1000;
    if (locked) {
      await recordAudit(tx, { tenantId, actor: { type: 'anonymous' }, requestId }, {
        action: 'core.staff.locked',
        entityType: 'staff_user',
        entityId: staffId,
        details: { failedLogins: MAX_FAILED_LOGINS, lockMinutes: LOCK_MS / 60_000 },
      });
    }
    return { locked };
  });
}

/** A completed login: reset the failure count, stamp lastLoginAt, and audit it. */
export async function registerLoginSuccess(db: Db, tenantId: string, staff: StaffRow, method: 'password' | 'password+totp' | 'demo', requestId?: string): Promise<void> {
  await withTenantTx(db, tenantId, async (tx) => {
    await tx
      .update(staffUsers)
      .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() })
      .where(and(eq(staffUsers.tenantId, tenantId), eq(staffUsers.id, staff.id)));
    await recordAudit(tx, { tenantId, actor: staffActor(staff), requestId }, {
      action: 'core.staff.logged-in',
      entityType: 'staff_user',
      entityId: staff.id,
      details: { method },
    });
  });
}

export function staffActor(s: StaffRow) {
  return { type: 'staff' as const, id: s.id, email: s.email, name: s.displayName, roles: s.roles as StaffRole[], officeIds: s.officeIds };
}

// ── TOTP ────────────────────────────────────────────────────────────────────────────────────────────────────────

export function checkTotp(secret: string, code: string): boolean {
  const c = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(c)) return false;
  try {
    return totp.check(c, secret);
  } catch {
    return false;
  }
}

export function totpUri(accountName: string, issuer: string, secret: string): string {
  return totp.keyuri(accountName, issuer, secret);
}

/** The current code for a secret (tests and the demo only). */
export function currentTotp(secret: string): string {
  return totp.generate(secret);
}

/** The secret being enrolled: created on first visit and kept until confirmed, so a reload shows the same one. */
export async function pendingTotpSecret(db: Db, tenantId: string, staffId: string): Promise<string> {
  return withTenantTx(db, tenantId, async (tx) => {
    const s = await findStaffById(tx, tenantId, staffId);
    if (!s) throw new Error('staff member vanished during TOTP enrolment');
    if (s.totpSecret && !s.totpEnabled) return s.totpSecret;
    if (s.totpEnabled) throw new Error('TOTP is already enabled');
    const secret = totp.generateSecret(20);
    await tx.update(staffUsers).set({ totpSecret: secret }).where(and(eq(staffUsers.tenantId, tenantId), eq(staffUsers.id, staffId)));
    return secret;
  });
}

/** Confirm enrolment with a code from the app; from now on the login asks for a code. */
export async function enableTotp(tx: Tx, audit: AuditContext, staffId: string, code: string): Promise<Result<StaffRow, FieldError[]>> {
  const s = await findStaffById(tx, audit.tenantId, staffId);
  if (!s || !s.totpSecret) return { ok: false, error: [{ field: 'code', message: 'auth.error.totpNotStarted' }] };
  if (s.totpEnabled) return { ok: true, value: s };
  if (!checkTotp(s.totpSecret, code)) return { ok: false, error: [{ field: 'code', message: 'auth.error.totpInvalid' }] };
  const [row] = await tx
    .update(staffUsers)
    .set({ totpEnabled: true, updatedAt: new Date() })
    .where(and(eq(staffUsers.tenantId, audit.tenantId), eq(staffUsers.id, staffId)))
    .returning();
  await recordAudit(tx, audit, { action: 'core.staff.totp-enabled', entityType: 'staff_user', entityId: staffId });
  return { ok: true, value: row! };
}

/**
 * Turn TOTP off: the staff member themselves (with a current code), or an admin for someone who lost their
 * device (`code` null; audited as a reset).
 */
export async function disableTotp(tx: Tx, audit: AuditContext, staffId: string, code: string | null): Promise<Result<StaffRow, FieldError[]>> {
  const s = await findStaffById(tx, audit.tenantId, staffId);
  if (!s) return { ok: false, error: [{ field: 'id', message: 'auth.error.staffNotFound' }] };
  if (code !== null && (!s.totpSecret || !checkTotp(s.totpSecret, code))) return { ok: false, error: [{ field: 'code', message: 'auth.error.totpInvalid' }] };
  const [row] = await tx
    .update(staffUsers)
    .set({ totpEnabled: false, totpSecret: null, updatedAt: new Date() })
    .where(and(eq(staffUsers.tenantId, audit.tenantId), eq(staffUsers.id, staffId)))
    .returning();
  await recordAudit(tx, audit, { action: code === null ? 'core.staff.totp-reset' : 'core.staff.totp-disabled', entityType: 'staff_user', entityId: staffId });
  return { ok: true, value: row! };
}
