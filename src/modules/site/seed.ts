import { and, eq, sql } from 'drizzle-orm';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { AppContext } from '../../core/context.ts';
import { withTenantTx } from '../../core/db/client.ts';
import type { Tenant } from '../../core/tenancy/types.ts';
import { storeUpload } from '../../core/storage/uploads.ts';
import { siteContents } from './schema.ts';
import { derive } from './content/derive.ts';
import type { AttachmentRef, ContentDataMap, ContentType, Localized } from './content/types.ts';
import { demoAreas, demoOffices } from './demo/areas-offices.ts';
import { demoServices } from './demo/services.ts';
import { demoDocuments, demoEvents, demoFaqs, demoGovernment, demoNews, demoPlaces } from './demo/news-events-places.ts';
import { demoOrganisations, demoStaff } from './demo/organisations-staff.ts';
import { slugify } from './content/derive.ts';

/** The document every service card links as its "Condizioni di servizio" unless it has its own file. */
export const SERVICE_CONDITIONS_DOCUMENT = 'carta-dei-servizi';

/** A small, real PDF with a title and paragraphs (Helvetica, A4), for the demo documents' attachments. */
export async function makePdf(title: string, paragraphs: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  doc.setLanguage('it-IT');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  // WinAnsi cannot encode every character: keep Latin-1 and replace typographic quotes.
  const clean = (s: string) => s.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, '-').replace(/[^\x20-\xff]/g, '');
  let page = doc.addPage([595, 842]);
  let y = 780;
  const write = (text: string, size: number, f = font) => {
    const words = clean(text).split(/\s+/);
    let line = '';
    const flush = () => {
      if (y < 60) {
        page = doc.addPage([595, 842]);
        y = 780;
      }
      page.drawText(line, { x: 56, y, size, font: f });
      y -= size * 1.45;
      line = '';
    };
    for (const w of words) {
      const next = line ? `${line} ${w}` : w;
      if (f.widthOfTextAtSize(next, size) > 483) flush();
      line = line ? `${line} ${w}` : w;
    }
    if (line) flush();
    y -= size * 0.6;
  };
  write(title, 16, bold);
  for (const p of paragraphs) write(p, 11);
  return doc.save();
}

async function pdfAttachment(ctx: AppContext, tenant: Tenant, slug: string, title: Localized, body: string[]): Promise<AttachmentRef> {
  const bytes = await makePdf(title.it, body);
  const r = await storeUpload(ctx, { tenantId: tenant.id, actor: { type: 'anonymous' }, kind: 'document', filename: `${slug}.pdf`, declaredType: 'application/pdf', bytes });
  if (!r.ok) throw new Error(`cannot store the demo PDF ${slug}: ${r.error.code}`);
  return { uploadId: r.value.id, title };
}

const CONDITIONS: ContentDataMap['document'] = {
  title: { it: 'Carta dei servizi e condizioni generali di fruizione', en: 'Service charter and general terms of use' },
  kind: 'regolamento',
  description: {
    it: 'Le condizioni che valgono per tutti i servizi del Comune: chi può chiederli, i tempi massimi, come si presenta un reclamo, come sono trattati i dati personali e quali sono gli standard di qualità che il Comune si impegna a rispettare.',
    en: 'The terms that apply to every service of the Comune: who may apply, maximum times, how to complain, how personal data is handled and the quality standards the Comune commits to.',
  },
  date: '2026-01-15',
  topics: ["Accesso all'informazione"],
};

type SeedItem = { type: ContentType; slug: string; data: ContentDataMap[ContentType] };

/** Every demo content as (type, slug, data), references by slug. */
function demoItems(): SeedItem[] {
  const items: SeedItem[] = [];
  const add = <T extends ContentType>(type: T, list: ({ slug: string } & ContentDataMap[T])[]) => {
    for (const { slug, ...data } of list) items.push({ type, slug, data: data as unknown as ContentDataMap[T] });
  };
  add('area', demoAreas);
  add('office', demoOffices);
  add('service', demoServices);
  add('news', demoNews);
  add('place', demoPlaces);
  add('event', demoEvents);
  add('person', [...demoGovernment, ...demoStaff]);
  add('organisation', demoOrganisations);
  add('document', demoDocuments);
  const faqSlugs = new Set<string>();
  for (const f of demoFaqs) {
    let slug = slugify(f.question.it);
    while (faqSlugs.has(slug)) slug = `${slug}-2`;
    faqSlugs.add(slug);
    items.push({ type: 'faq', slug, data: f });
  }
  return items;
}

/**
 * Load the demo comune's site content (published, as a comune would have it on day one). Idempotent: a tenant
 * that already has site content is left alone, so editors' changes survive restarts.
 */
export async function seedSiteContent(ctx: AppContext, tenant: Tenant): Promise<{ created: number }> {
  const existing = await withTenantTx(ctx.db, tenant.id, (tx) =>
    tx.select({ n: sql<number>`count(*)::int` }).from(siteContents).where(eq(siteContents.tenantId, tenant.id)),
  );
  if ((existing[0]?.n ?? 0) > 0) return { created: 0 };

  const items = demoItems();
  // Attachments: each document gets a PDF of its own; the general conditions document serves every service card.
  for (const it of items) {
    if (it.type !== 'document') continue;
    const d = it.data as ContentDataMap['document'];
    d.attachments = [await pdfAttachment(ctx, tenant, it.slug, d.title, [d.description.it, 'Documento dimostrativo del Comune di Biella (demo): contenuto di esempio.'])];
  }
  const conditions: ContentDataMap['document'] = {
    ...CONDITIONS,
    attachments: [
      await pdfAttachment(ctx, tenant, SERVICE_CONDITIONS_DOCUMENT, CONDITIONS.title, [
        CONDITIONS.description.it,
        'Tempi: ogni procedimento si conclude entro il termine indicato nella scheda del servizio e, se non indicato, entro 30 giorni dalla richiesta (legge 241/1990).',
        'Reclami: si presentano all’Ufficio relazioni con il pubblico, di persona, per e-mail o con il modulo di richiesta di assistenza del sito; la risposta arriva entro 30 giorni.',
        'Dati personali: sono trattati solo per erogare il servizio richiesto, secondo il Regolamento (UE) 2016/679; l’informativa completa è pubblicata sul sito.',
      ]),
    ],
  };
  items.push({ type: 'document', slug: SERVICE_CONDITIONS_DOCUMENT, data: conditions });

  const now = new Date();
  await withTenantTx(ctx.db, tenant.id, async (tx) => {
    const rows = items.map((it) => ({
      tenantId: tenant.id,
      type: it.type,
      slug: it.slug,
      draft: it.data,
      published: it.data,
      publishedAt: now,
      firstPublishedAt: now,
      createdBy: 'demo',
      updatedBy: 'demo',
      ...derive(it.type, it.data),
    }));
    for (let i = 0; i < rows.length; i += 50) await tx.insert(siteContents).values(rows.slice(i, i + 50));
  });
  ctx.log.info({ tenant: tenant.slug, contents: items.length }, 'demo site content loaded');
  return { created: items.length };
}

/** Whether a content with this slug exists (published or not), e.g. to check references in the back office. */
export async function contentExists(ctx: AppContext, tenantId: string, type: ContentType, slug: string): Promise<boolean> {
  const r = await withTenantTx(ctx.db, tenantId, (tx) =>
    tx.select({ id: siteContents.id }).from(siteContents).where(and(eq(siteContents.type, type), eq(siteContents.slug, slug))),
  );
  return r.length > 0;
}
