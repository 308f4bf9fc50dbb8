import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Core tables. Every tenant table has tenant_id first in its primary key and a row-level-security
 * policy (see the custom migration that calls piazza_enable_tenant_rls()). Only `tenants` itself is global.
 */

const ts = (name?: string) =>
  name ? timestamp(name, { withTimezone: true, mode: 'date' }) : timestamp({ withTimezone: true, mode: 'date' });

export interface TenantSettings {
  /** The comune's contacts, shown in the site's footer and "Contatta il comune" box (edited at /admin/impostazioni-sito). */
  contacts?: { address?: string; phone?: string; email?: string; pec?: string; taxCode?: string };
  /**
   * The public site's settings (coat of arms, region, VAT number, social links, accessibility, privacy and
   * transparency links, map, highlighted topics); read them with siteSettings() from core/views/site-settings.ts.
   */
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports -- a type from the views, without an import into the schema
  site?: import('../views/site-settings.ts').SiteSettingsInput;
  /** SPID/CIE through an OpenID Connect provider (e.g. a SPID/CIE proxy). The secret comes from the env var named here. */
  oidc?: {
    issuer: string;
    clientId: string;
    clientSecretEnv?: string;
    scopes?: string[];
    /** Claim names, when the provider does not use the standard ones. */
    claims?: { taxCode?: string; givenName?: string; familyName?: string; email?: string };
    label?: string;
  };
  [key: string]: unknown;
}

export const tenants = pgTable(
  'tenants',
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull(),
    name: text().notNull(),
    istatCode: text(),
    ipaCode: text(),
    hosts: text().array().notNull().default(sql`'{}'::text[]`),
    locales: text().array().notNull().default(sql`'{it,en}'::text[]`),
    settings: jsonb().$type<TenantSettings>().notNull().default({}),
    isDemo: boolean().notNull().default(false),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
  },
  (t) => [uniqueIndex('tenants_slug_key').on(t.slug), index('tenants_hosts_idx').using('gin', t.hosts)],
);

/** Staff accounts of one comune. Roles: admin, editor, operator, office member ("office"). */
export const staffUsers = pgTable(
  'staff_users',
  {
    tenantId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    email: text().notNull(),
    displayName: text().notNull(),
    passwordHash: text(),
    roles: text().array().notNull().default(sql`'{}'::text[]`),
    officeIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    totpSecret: text(),
    totpEnabled: boolean().notNull().default(false),
    failedLogins: integer().notNull().default(0),
    lockedUntil: ts(),
    active: boolean().notNull().default(true),
    lastLoginAt: ts(),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex('staff_users_email_key').on(t.tenantId, sql`lower(${t.email})`)],
);

/** Citizens known to the comune, created at their first SPID/CIE login. */
export const citizens = pgTable(
  'citizens',
  {
    tenantId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    taxCode: text().notNull(),
    givenName: text(),
    familyName: text(),
    email: text(),
    phone: text(),
    locale: text().notNull().default('it'),
    identityProvider: text(),
    createdAt: ts().notNull().defaultNow(),
    lastLoginAt: ts(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex('citizens_tax_code_key').on(t.tenantId, t.taxCode)],
);

/** Server-side sessions. `id` is the SHA-256 of the cookie token; the token itself is never stored. */
export const sessions = pgTable(
  'sessions',
  {
    tenantId: uuid().notNull(),
    id: text().notNull(),
    kind: text().$type<'anonymous' | 'citizen' | 'staff'>().notNull(),
    subjectId: uuid(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: ts().notNull().defaultNow(),
    lastSeenAt: ts().notNull().defaultNow(),
    expiresAt: ts().notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('sessions_expires_idx').on(t.expiresAt)],
);

/** Append-only audit trail of staff mutations (the application role may only INSERT and SELECT). */
export const auditLog = pgTable(
  'audit_log',
  {
    tenantId: uuid().notNull(),
    id: bigint({ mode: 'number' }).generatedAlwaysAsIdentity(),
    at: ts().notNull().defaultNow(),
    actorType: text().$type<'staff' | 'citizen' | 'system'>().notNull(),
    actorId: uuid(),
    actorLabel: text().notNull(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    requestId: text(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('audit_log_at_idx').on(t.tenantId, t.at),
    index('audit_log_entity_idx').on(t.tenantId, t.entityType, t.entityId),
  ],
);

/** Transactional outbox: domain events written in the same transaction as the change they describe. */
export const domainEvents = pgTable(
  'domain_events',
  {
    tenantId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    name: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    occurredAt: ts().notNull().defaultNow(),
    dispatchedAt: ts(),
    requestId: text(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('domain_events_pending_idx').on(t.occurredAt).where(sql`${t.dispatchedAt} is null`),
  ],
);

/** In-app inbox of citizens and staff. */
export const notifications = pgTable(
  'notifications',
  {
    tenantId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    recipientType: text().$type<'citizen' | 'staff' | 'address'>().notNull(),
    recipientId: uuid(),
    template: text().notNull(),
    locale: text().notNull().default('it'),
    subject: text().notNull(),
    bodyText: text().notNull(),
    link: text(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: ts().notNull().defaultNow(),
    readAt: ts(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('notifications_recipient_idx').on(t.tenantId, t.recipientType, t.recipientId, t.createdAt),
  ],
);

/** Delivery log: one row per message on an external channel (e-mail today), with retries. */
export const messageDeliveries = pgTable(
  'message_deliveries',
  {
    tenantId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    notificationId: uuid(),
    channel: text().$type<'email'>().notNull(),
    toAddress: text().notNull(),
    subject: text().notNull(),
    bodyText: text().notNull(),
    bodyHtml: text(),
    attachments: jsonb().$type<{ filename: string; contentType: string; contentBase64: string }[]>().notNull().default([]),
    status: text().$type<'pending' | 'sent' | 'failed' | 'sunk'>().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    lastError: text(),
    providerMessageId: text(),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
    sentAt: ts(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('message_deliveries_status_idx').on(t.tenantId, t.status, t.createdAt)],
);

/** Files stored through the storage interface (filesystem under the data dir by default). */
export const uploads = pgTable(
  'uploads',
  {
    tenantId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    storageKey: text().notNull(),
    originalName: text().notNull(),
    contentType: text().notNull(),
    sizeBytes: integer().notNull(),
    width: integer(),
    height: integer(),
    sha256: text().notNull(),
    createdByType: text().$type<'staff' | 'citizen' | 'anonymous' | 'system'>().notNull(),
    createdById: uuid(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

/** Answers of the Modello Comuni rating widget ("Quanto sono chiare le informazioni su questa pagina?"). */
export const pageRatings = pgTable(
  'page_ratings',
  {
    tenantId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    /** Page path without the query string. */
    path: text().notNull(),
    /** 1–5 stars. */
    rating: integer().notNull(),
    /** One of the fixed answer keys of the block for this rating (see src/core/views/feedback.tsx). */
    answer: text(),
    /** Free text, at most 200 characters. */
    comment: text(),
    locale: text().notNull(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('page_ratings_path_idx').on(t.tenantId, t.path)],
);

/** Tables that hold tenant data: each must pass the tenant-isolation contract. */
export const coreTenantTables = [
  'staff_users',
  'citizens',
  'sessions',
  'audit_log',
  'domain_events',
  'notifications',
  'message_deliveries',
  'uploads',
  'page_ratings',
] as const;
