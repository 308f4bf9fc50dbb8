import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Tables of the reports (segnalazioni) module. Every table is a tenant table under row-level security
 * (migration 0008_reports_rls). Personal data of the reporter lives only in `reports.reporter_*` and
 * `report_followers`; public pages, Open311 and exports never read those columns.
 */

const ts = () => timestamp({ withTimezone: true, mode: 'date' });

/** A report category of a tenant (the 15 defaults are seeded from triage/categories.ts; editable per tenant). */
export const reportCategories = pgTable(
  'report_categories',
  {
    tenantId: uuid().notNull(),
    /** Stable code (e.g. `buche`); the Open311 service_code. */
    code: text().notNull(),
    nameIt: text().notNull(),
    nameEn: text().notNull(),
    descriptionIt: text(),
    descriptionEn: text(),
    /** Slug of the site office (site_contents type `office`) that handles it, and its name as shown. */
    officeSlug: text(),
    officeName: text(),
    /** Target resolution time in days (SLA); a report past it is overdue. */
    targetDays: integer().notNull().default(30),
    active: boolean().notNull().default(true),
    sortOrder: integer().notNull().default(0),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.code] })],
);

/** The per-tenant counter behind report numbers (one row per tenant). */
export const reportCounters = pgTable('report_counters', {
  tenantId: uuid().primaryKey(),
  lastNumber: integer().notNull().default(0),
});

/**
 * A citizen's report. `status` is one of REPORT_STATUSES (domain.ts): submitted, accepted, assigned,
 * in_progress, resolved, closed, rejected, duplicate, forwarded.
 */
export const reports = pgTable(
  'reports',
  {
    tenantId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    /** Public, per-tenant sequential number ("Segnalazione n. 123"); also the Open311 service_request_id. */
    number: integer().notNull(),
    categoryCode: text().notNull(),
    title: text().notNull(),
    description: text().notNull(),
    status: text().notNull().default('submitted'),
    /** bassa | media | alta | urgente. */
    priority: text().notNull().default('media'),
    lat: doublePrecision(),
    lon: doublePrecision(),
    address: text(),
    /** Neighbourhood / area name, for filters and statistics. */
    area: text(),
    /** Office handling it now (site office slug + name, copied from the category unless reassigned). */
    officeSlug: text(),
    officeName: text(),
    /** Staff user id of the operator in charge. */
    assignedTo: uuid(),
    /** web | open311 | import | backoffice. */
    source: text().notNull().default('web'),
    /** Open311 client (api key id) that posted it. */
    apiKeyId: uuid(),
    /** The id in the system it was imported from. */
    externalId: text(),
    locale: text().notNull().default('it'),
    // Personal data — never shown publicly, never exported.
    citizenId: uuid(),
    reporterName: text(),
    reporterEmail: text(),
    reporterPhone: text(),
    /** The AI's proposal at submission: TriageResult from triage/index.ts. */
    aiSuggestion: jsonb().$type<Record<string, unknown>>(),
    /** When and by whom the category was confirmed or corrected (feeds retraining). */
    categoryConfirmedAt: ts(),
    categoryConfirmedBy: uuid(),
    /** For status duplicate: the report it was merged into. */
    duplicateOf: uuid(),
    /** For status forwarded: the body it was sent to (e.g. "ASL BI", "SEAB"). */
    forwardedTo: text(),
    /** Latest public reply to the citizen. */
    publicReply: text(),
    /** When the SLA runs out (created + category target days). */
    dueAt: ts(),
    acceptedAt: ts(),
    resolvedAt: ts(),
    closedAt: ts(),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('reports_number_key').on(t.tenantId, t.number),
    index('reports_status_idx').on(t.tenantId, t.status, t.createdAt),
    index('reports_category_idx').on(t.tenantId, t.categoryCode, t.createdAt),
    index('reports_created_idx').on(t.tenantId, t.createdAt),
    index('reports_citizen_idx').on(t.tenantId, t.citizenId),
    index('reports_external_idx').on(t.tenantId, t.externalId),
    /**
     * Map and radius queries: plain range conditions on lon/lat. (A GiST index on point(lon, lat) is not used
     * under row-level security, because the geometric operators are not LEAKPROOF; a btree is.)
     */
    index('reports_tenant_lon_lat_idx').on(t.tenantId, t.lon, t.lat),
  ],
);

/** Photos attached to a report (the image itself is an upload: re-encoded, metadata stripped). */
export const reportPhotos = pgTable(
  'report_photos',
  {
    tenantId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    reportId: uuid().notNull(),
    uploadId: uuid().notNull(),
    position: integer().notNull().default(0),
    /** Hidden by an operator (e.g. a face or a number plate); not shown publicly. */
    hidden: boolean().notNull().default(false),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('report_photos_report_idx').on(t.tenantId, t.reportId)],
);

/** The history of a report: every status change, reply and note. */
export const reportEvents = pgTable(
  'report_events',
  {
    tenantId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    reportId: uuid().notNull(),
    at: ts().notNull().defaultNow(),
    /** status | reply | note | category | priority | assignment | merge | photo. */
    kind: text().notNull(),
    fromStatus: text(),
    toStatus: text(),
    /** Shown to the public and sent to the reporter and followers. */
    publicReply: text(),
    /** Staff only. */
    internalNote: text(),
    /** Structured details (old/new category, office, merged report…). */
    details: jsonb().$type<Record<string, unknown>>(),
    /** 'staff:<id>', 'citizen:<id>', 'system', 'open311:<key id>'. */
    actor: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('report_events_report_idx').on(t.tenantId, t.reportId, t.at)],
);

/** People told of every change: the reporter (automatically) and anyone who follows. */
export const reportFollowers = pgTable(
  'report_followers',
  {
    tenantId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    reportId: uuid().notNull(),
    citizenId: uuid(),
    email: text(),
    /** Secret for the unsubscribe link of e-mail followers. */
    token: text().notNull(),
    locale: text().notNull().default('it'),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('report_followers_citizen_key').on(t.tenantId, t.reportId, t.citizenId).where(sql`citizen_id is not null`),
    uniqueIndex('report_followers_email_key').on(t.tenantId, t.reportId, t.email).where(sql`email is not null`),
  ],
);

/** The tenant's trained triage model (TriageModel JSON); the newest row is used. */
export const reportTriageModels = pgTable(
  'report_triage_models',
  {
    tenantId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    model: jsonb().$type<Record<string, unknown>>().notNull(),
    /** Examples it was trained on: seed corpus + confirmed reports. */
    seedExamples: integer().notNull(),
    tenantExamples: integer().notNull(),
    trainingMs: real(),
    trainedAt: ts().notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('report_triage_models_trained_idx').on(t.tenantId, t.trainedAt)],
);

/** API keys of Open311 client apps, managed by admins. Only a SHA-256 hash of the key is stored. */
export const open311ApiKeys = pgTable(
  'open311_api_keys',
  {
    tenantId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    name: text().notNull(),
    keyHash: text().notNull(),
    /** First characters of the key, to recognise it in the list. */
    keyPrefix: text().notNull(),
    contactEmail: text(),
    createdAt: ts().notNull().defaultNow(),
    createdBy: text(),
    revokedAt: ts(),
    lastUsedAt: ts(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex('open311_api_keys_hash_key').on(t.keyHash)],
);

/** CSV imports of historical reports, with their progress (the import runs as a job). */
export const reportImports = pgTable(
  'report_imports',
  {
    tenantId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    filename: text().notNull(),
    /** Upload id of the CSV file. */
    uploadId: uuid(),
    /** queued | running | done | failed. */
    status: text().notNull().default('queued'),
    totalRows: integer().notNull().default(0),
    processedRows: integer().notNull().default(0),
    importedRows: integer().notNull().default(0),
    skippedRows: integer().notNull().default(0),
    /** First errors, for the operator: [{ line, message }]. */
    errors: jsonb().$type<{ line: number; message: string }[]>().notNull().default([]),
    createdBy: text(),
    createdAt: ts().notNull().defaultNow(),
    finishedAt: ts(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const reportsTenantTables = [
  'report_categories',
  'report_counters',
  'reports',
  'report_photos',
  'report_events',
  'report_followers',
  'report_triage_models',
  'open311_api_keys',
  'report_imports',
] as const;
