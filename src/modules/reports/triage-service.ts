import { createHash } from 'node:crypto';
import { and, count, desc, eq, gte, inArray, isNotNull, lte, notInArray, sql } from 'drizzle-orm';
import type { AppContext } from '../../core/context.ts';
import { withTenantTx, type Tx } from '../../core/db/client.ts';
import { sendJob } from '../../core/jobs/index.ts';
import type { EventSubscriber, JobDefinition } from '../../core/jobs/registry.ts';
import { reports, reportTriageModels } from './schema.ts';
import { listCategories } from './categories.ts';
import { DUPLICATE_RADIUS_METERS, DUPLICATE_WINDOW_DAYS, OPEN_STATUSES } from './domain.ts';
import { isTriageModel, SEED_CORPUS, train, triage, type OpenReport, type TrainingExample, type TriageModel, type TriageResponse } from './triage/index.ts';

/**
 * The triage of one comune: its newest trained model (report_triage_models; the seed-corpus model until it has
 * one), its active categories and offices, and its open reports near the point. Used by createReport, by
 * POST /api/v1/reports/triage and by the citizen form.
 */

export type TriageResult = TriageResponse;

const DAY_MS = 86_400_000;
/** Metres per degree of latitude (and of longitude at the equator). */
const M_PER_DEG = 111_320;
/** Models kept per tenant (the newest is used; older ones are there to compare). */
const KEEP_MODELS = 3;

let seedModel: TriageModel | null = null;
/** The model trained on the seed corpus only: what a comune uses before its operators confirm anything. */
export function seedTriageModel(): TriageModel {
  seedModel ??= train(SEED_CORPUS);
  return seedModel;
}

/** Parsed models by row id (ids are never reused, so an entry never goes stale). */
const modelCache = new Map<string, TriageModel>();

async function tenantModel(tx: Tx): Promise<TriageModel> {
  const [row] = await tx
    .select({ id: reportTriageModels.id })
    .from(reportTriageModels)
    .orderBy(desc(reportTriageModels.trainedAt))
    .limit(1);
  if (!row) return seedTriageModel();
  const cached = modelCache.get(row.id);
  if (cached) return cached;
  const [full] = await tx.select({ model: reportTriageModels.model }).from(reportTriageModels).where(eq(reportTriageModels.id, row.id));
  // A model stored in an older format is ignored (the next retraining replaces it).
  if (!full || !isTriageModel(full.model)) return seedTriageModel();
  if (modelCache.size > 500) modelCache.clear();
  modelCache.set(row.id, full.model);
  return full.model;
}

/**
 * Open reports of the comune within `radiusMeters` of the point, created in the last `windowDays`: a bounding
 * box on plain lon/lat ranges (served by the (tenant_id, lon, lat) index), refined by rankDuplicates.
 */
export async function nearbyOpenReports(
  tx: Tx,
  at: { lat: number; lon: number },
  opts: { radiusMeters?: number; windowDays?: number; now?: Date; limit?: number; excludeId?: string } = {},
): Promise<OpenReport[]> {
  const radius = opts.radiusMeters ?? DUPLICATE_RADIUS_METERS;
  const now = opts.now ?? new Date();
  const dLat = radius / M_PER_DEG;
  const dLon = radius / (M_PER_DEG * Math.max(0.01, Math.cos((at.lat * Math.PI) / 180)));
  const conditions = [
    sql`${reports.tenantId} = nullif(current_setting('app.tenant_id', true), '')::uuid`,
    gte(reports.lon, at.lon - dLon),
    lte(reports.lon, at.lon + dLon),
    gte(reports.lat, at.lat - dLat),
    lte(reports.lat, at.lat + dLat),
    inArray(reports.status, [...OPEN_STATUSES]),
    gte(reports.createdAt, new Date(now.getTime() - (opts.windowDays ?? DUPLICATE_WINDOW_DAYS) * DAY_MS)),
  ];
  if (opts.excludeId) conditions.push(notInArray(reports.id, [opts.excludeId]));
  const rows = await tx
    .select({
      id: reports.id,
      number: reports.number,
      title: reports.title,
      description: reports.description,
      category: reports.categoryCode,
      lat: reports.lat,
      lon: reports.lon,
      createdAt: reports.createdAt,
      status: reports.status,
    })
    .from(reports)
    .where(and(...conditions))
    .orderBy(desc(reports.createdAt))
    .limit(opts.limit ?? 200);
  return rows.map((r) => ({ ...r, lat: r.lat ?? at.lat, lon: r.lon ?? at.lon }));
}

export interface TriageInput {
  description: string;
  title?: string;
  lat?: number;
  lon?: number;
}

/** Category, alternatives, priority, office and duplicates for a report being written in this comune. */
export async function triageFor(
  tx: Tx,
  _tenantId: string,
  input: TriageInput,
  opts: { excludeId?: string; locale?: 'it' | 'en'; now?: Date } = {},
): Promise<TriageResult> {
  const [model, categories] = await Promise.all([tenantModel(tx), listCategories(tx, { activeOnly: true })]);
  const located = typeof input.lat === 'number' && typeof input.lon === 'number';
  const openReports = located
    ? await nearbyOpenReports(tx, { lat: input.lat!, lon: input.lon! }, { excludeId: opts.excludeId, now: opts.now })
    : [];
  const byCode = new Map(categories.map((c) => [c.code, c]));
  const en = opts.locale === 'en';
  return triage(model, input, {
    categories: categories.map((c) => ({ code: c.code, name: en ? c.nameEn : c.nameIt })),
    officeFor: (code) => {
      const c = byCode.get(code);
      return { id: c?.officeSlug ?? '', name: c?.officeName ?? '' };
    },
    openReports,
    duplicates: { now: opts.now },
  });
}

/** The tenant's confirmed reports as training examples (what operators said the category is). */
async function confirmedExamples(tx: Tx): Promise<TrainingExample[]> {
  const rows = await tx
    .select({ category: reports.categoryCode, title: reports.title, text: reports.description })
    .from(reports)
    .where(isNotNull(reports.categoryConfirmedAt))
    .orderBy(desc(reports.categoryConfirmedAt))
    .limit(20_000);
  return rows.map((r) => ({ category: r.category, title: r.title, text: r.text }));
}

/**
 * Retrain the comune's model on the seed corpus plus its confirmed reports, store it as the newest row and
 * keep the last KEEP_MODELS. Runs in the `reports.retrain` job after operators correct categories.
 */
export async function retrainTenantModel(ctx: AppContext, tenantId: string): Promise<{ seedExamples: number; tenantExamples: number; trainingMs: number }> {
  const own = await withTenantTx(ctx.db, tenantId, confirmedExamples);
  const started = performance.now();
  const model = own.length ? train([...SEED_CORPUS, ...own]) : seedTriageModel();
  const trainingMs = Math.round(performance.now() - started);
  await withTenantTx(ctx.db, tenantId, async (tx) => {
    await tx.insert(reportTriageModels).values({
      tenantId,
      model: model as unknown as Record<string, unknown>,
      seedExamples: SEED_CORPUS.length,
      tenantExamples: own.length,
      trainingMs,
    });
    const keep = await tx.select({ id: reportTriageModels.id }).from(reportTriageModels).orderBy(desc(reportTriageModels.trainedAt)).limit(KEEP_MODELS);
    if (keep.length === KEEP_MODELS) {
      await tx.delete(reportTriageModels).where(notInArray(reportTriageModels.id, keep.map((k) => k.id)));
    }
  });
  return { seedExamples: SEED_CORPUS.length, tenantExamples: own.length, trainingMs };
}

/** How many models the comune has stored (for the back office and tests). */
export async function modelCount(tx: Tx): Promise<number> {
  const [r] = await tx.select({ n: count() }).from(reportTriageModels);
  return r?.n ?? 0;
}

export const RETRAIN_JOB = 'reports.retrain';

export const retrainJob: JobDefinition<{ tenantId: string }> = {
  name: RETRAIN_JOB,
  retryLimit: 2,
  handler: async (data, ctx) => {
    const r = await retrainTenantModel(ctx, data.tenantId);
    ctx.log.info({ tenantId: data.tenantId, ...r }, 'reports: triage model retrained');
  },
};

/**
 * A correction queues a retraining a minute later; corrections in the same minute share one job (the id is
 * derived from tenant and minute, so a second send is a no-op).
 */
export const retrainOnCorrection: EventSubscriber = {
  name: 'reports.retrain-on-correction',
  event: 'reports.triage.corrected',
  handler: async (event, ctx) => {
    const minute = Math.floor(Date.now() / 60_000);
    const id = deterministicUuid(`${event.tenantId}:${minute}`);
    await sendJob(ctx, RETRAIN_JOB, { tenantId: event.tenantId }, { id, startAfter: 60 });
  },
};

function deterministicUuid(key: string): string {
  // pg-boss ids must be UUIDs: a UUID-shaped id from a hash of the key.
  const h = createHash('sha256').update(key).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const triageJobs: JobDefinition[] = [retrainJob as unknown as JobDefinition];
export const triageSubscribers: EventSubscriber[] = [retrainOnCorrection];
