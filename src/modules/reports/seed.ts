import { and, eq, like, sql } from 'drizzle-orm';
import type { AppContext } from '../../core/context.ts';
import { withTenantTx } from '../../core/db/client.ts';
import type { Tenant } from '../../core/tenancy/types.ts';
import { reportEvents, reports } from './schema.ts';
import { ensureDefaultCategories, listCategories, siteOfficeFor } from './categories.ts';
import { createReport } from './repository.ts';
import { BIELLA_STREETS } from './data/streets-biella.ts';
import { SEED_CORPUS } from './triage/index.ts';
import type { ReportStatus } from './domain.ts';

/**
 * Demo reports for the demo comune: 90 reports over the last 14 months, spread over Biella's streets and every
 * category, in every state (older ones mostly resolved or closed with the comune's reply, recent ones still in
 * the queue with the AI's proposal). Texts are the seed corpus's citizen sentences; places are the street list's
 * approximate centroids with a few metres of jitter. Idempotent: marked by external ids `demo-<n>`.
 */

const COUNT = 90;
const DAY = 86_400_000;

/** A small deterministic generator, so every demo start produces the same comune. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const REPLIES: Partial<Record<ReportStatus, string[]>> = {
  resolved: [
    'Intervento eseguito dalla squadra manutenzioni. Grazie per la segnalazione.',
    'Il problema è stato risolto: la ditta incaricata è intervenuta in mattinata.',
    'Lavoro completato. Se il problema si ripresenta, invia una nuova segnalazione.',
  ],
  closed: ['Intervento concluso e verificato dall’ufficio tecnico.', 'Risolto e chiuso dopo il sopralluogo di verifica.'],
  rejected: ['L’area indicata è privata: il Comune non può intervenire. Rivolgiti all’amministratore del condominio.'],
  forwarded: ['La segnalazione è stata inoltrata a SEAB, il gestore della raccolta rifiuti, che è competente.'],
  in_progress: ['Abbiamo programmato l’intervento: la squadra passerà nei prossimi giorni.'],
  assigned: ['Presa in carico dall’ufficio competente.'],
};

function titleOf(text: string): string {
  const first = text.split(/[.!?\n]/)[0]!.trim();
  const t = first.length > 70 ? `${first.slice(0, 67).replace(/\s+\S*$/, '')}…` : first;
  return t.charAt(0).toUpperCase() + t.slice(1);
}

function stateFor(ageDays: number, r: number, category: string): ReportStatus {
  if (ageDays > 60) {
    if (r < 0.06) return 'rejected';
    if (r < 0.12 && category === 'rifiuti') return 'forwarded';
    if (r < 0.85) return 'closed';
    return 'resolved';
  }
  if (ageDays > 20) return r < 0.4 ? 'resolved' : r < 0.7 ? 'in_progress' : r < 0.85 ? 'assigned' : 'accepted';
  return r < 0.5 ? 'submitted' : r < 0.7 ? 'accepted' : r < 0.85 ? 'assigned' : 'in_progress';
}

export async function seedReports(ctx: AppContext, tenant: Tenant): Promise<void> {
  await withTenantTx(ctx.db, tenant.id, async (tx) => ensureDefaultCategories(tx, tenant.id, await siteOfficeFor(tx)));
  const [done] = await withTenantTx(ctx.db, tenant.id, (tx) =>
    tx.select({ n: sql<number>`count(*)::int` }).from(reports).where(like(reports.externalId, 'demo-%')),
  );
  if ((done?.n ?? 0) > 0) return;

  const categories = await withTenantTx(ctx.db, tenant.id, (tx) => listCategories(tx, { activeOnly: true }));
  const rand = prng(20260523);
  const now = Date.now();
  const audit = { tenantId: tenant.id, actor: { type: 'anonymous' as const } };
  // Oldest first, so numbers follow dates.
  for (let i = COUNT - 1; i >= 0; i--) {
    const category = categories[i % categories.length]!;
    const examples = SEED_CORPUS.filter((e) => e.category === category.code);
    if (!examples.length) continue;
    const example = examples[Math.floor(rand() * examples.length)]!;
    const [street, lat, lon, area] = BIELLA_STREETS[Math.floor(rand() * BIELLA_STREETS.length)]!;
    const ageDays = Math.round((i / COUNT) * 420 + rand() * 3);
    const createdAt = new Date(now - ageDays * DAY - Math.floor(rand() * 10) * 3_600_000);
    const status = stateFor(ageDays, rand(), category.code);
    const final = status === 'resolved' || status === 'closed' || status === 'rejected' || status === 'forwarded';
    const closedAt = final ? new Date(createdAt.getTime() + Math.max(1, Math.round(rand() * category.targetDays * 1.3)) * DAY) : null;
    const res = await createReport(
      ctx,
      tenant.id,
      {
        categoryCode: category.code,
        title: example.title ?? titleOf(example.text),
        description: example.text,
        lat: lat + (rand() - 0.5) * 0.0008,
        lon: lon + (rand() - 0.5) * 0.0008,
        address: `${street}${rand() < 0.6 ? `, ${1 + Math.floor(rand() * 60)}` : ''}`,
        area,
        source: 'web',
        externalId: `demo-${i}`,
        createdAt,
        status,
        closedAt,
        follow: false,
      },
      audit,
    );
    if (!res.ok) {
      ctx.log.warn({ error: res.error, i }, 'reports demo: a report was not created');
      continue;
    }
    const replies = REPLIES[status];
    if (status !== 'submitted') {
      const reply = replies ? replies[Math.floor(rand() * replies.length)]! : null;
      const at = closedAt ?? new Date(Math.min(now, createdAt.getTime() + 2 * DAY));
      await withTenantTx(ctx.db, tenant.id, async (tx) => {
        await tx.insert(reportEvents).values({ tenantId: tenant.id, reportId: res.value.id, at, kind: 'status', fromStatus: 'submitted', toStatus: status, publicReply: reply, actor: 'system', details: { demo: true } });
        await tx
          .update(reports)
          .set({
            publicReply: reply,
            acceptedAt: new Date(createdAt.getTime() + DAY),
            categoryConfirmedAt: new Date(createdAt.getTime() + DAY),
            ...(status === 'forwarded' ? { forwardedTo: 'SEAB' } : {}),
          })
          .where(and(eq(reports.id, res.value.id)));
      });
    }
  }
}
