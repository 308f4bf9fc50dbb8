import { sql } from 'drizzle-orm';
import { customType, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ContentData } from './content/types.ts';

/**
 * Tables of the public-site module. Content of every Modello Comuni type lives in one table: the working
 * copy (`draft`) is what editors change; `published` is what citizens see (null while unpublished). The
 * columns after `published` are derived from it on publish, for listing, sorting, topic pages and search.
 */

const ts = () => timestamp({ withTimezone: true, mode: 'date' });
const tsvector = customType<{ data: string }>({
  dataType() {
    return 'tsvector';
  },
});

export const siteContents = pgTable(
  'site_contents',
  {
    tenantId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    /** One of CONTENT_TYPES (service, office, area, news, event, place, person, organisation, document, faq). */
    type: text().notNull(),
    /** Part of the public URL; fixed once the content is created, so links and references stay valid. */
    slug: text().notNull(),
    /** The working copy editors change. */
    draft: jsonb().$type<ContentData>().notNull(),
    /** The live version, or null when the content is not published. */
    published: jsonb().$type<ContentData>(),
    firstPublishedAt: ts(),
    publishedAt: ts(),
    /** Derived from `published`: title in both languages, a kind (service category, news kind…), a date. */
    titleIt: text(),
    titleEn: text(),
    kind: text(),
    /** News date, event start, document date. */
    sortDate: ts(),
    /** Event end. */
    endDate: ts(),
    topics: text().array().notNull().default(sql`'{}'::text[]`),
    /** Slugs of other contents this one points at (its office, its place, its services…). */
    refs: text().array().notNull().default(sql`'{}'::text[]`),
    searchIt: text(),
    searchEn: text(),
    searchVectorIt: tsvector().generatedAlwaysAs(
      sql`setweight(to_tsvector('italian'::regconfig, coalesce(title_it, '')), 'A') || setweight(to_tsvector('italian'::regconfig, coalesce(search_it, '')), 'B')`,
    ),
    searchVectorEn: tsvector().generatedAlwaysAs(
      sql`setweight(to_tsvector('english'::regconfig, coalesce(title_en, '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(search_en, '')), 'B')`,
    ),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
    createdBy: text(),
    updatedBy: text(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('site_contents_slug_key').on(t.tenantId, t.type, t.slug),
    index('site_contents_list_idx').on(t.tenantId, t.type, t.sortDate),
    index('site_contents_topics_idx').using('gin', t.topics),
    index('site_contents_search_it_idx').using('gin', t.searchVectorIt),
    index('site_contents_search_en_idx').using('gin', t.searchVectorEn),
  ],
);

/** Richiesta di assistenza: a question or a request for help sent from the site to the comune's staff. */
export const siteAssistanceRequests = pgTable(
  'site_assistance_requests',
  {
    tenantId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    /** Short public reference shown to the citizen ("AS-3F2A9C1B"). */
    reference: text().notNull(),
    /** draft (a logged-in citizen's unfinished request), submitted, in-progress, closed. */
    status: text().notNull().default('submitted'),
    citizenId: uuid(),
    name: text().notNull(),
    surname: text().notNull(),
    email: text().notNull(),
    /** Service category (one of the 15) and, optionally, the service's slug. */
    category: text().notNull(),
    serviceSlug: text(),
    details: text().notNull(),
    /** Slug of the office the request was routed to (the service's office, or the category's). */
    officeSlug: text(),
    locale: text().notNull().default('it'),
    staffNote: text(),
    handledBy: text(),
    submittedAt: ts(),
    closedAt: ts(),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('site_assistance_requests_reference_key').on(t.tenantId, t.reference),
    index('site_assistance_requests_status_idx').on(t.tenantId, t.status, t.createdAt),
    /** A citizen keeps at most one unfinished request. */
    uniqueIndex('site_assistance_requests_one_draft_key').on(t.tenantId, t.citizenId).where(sql`status = 'draft'`),
  ],
);

export const siteTenantTables = ['site_contents', 'site_assistance_requests'] as const;
