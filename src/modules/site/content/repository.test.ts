import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../core/testing/index.ts';
import { withTenantTx } from '../../../core/db/client.ts';
import { auditLog } from '../../../core/db/schema.ts';
import type { Actor } from '../../../core/auth/types.ts';
import { seedSiteContent } from '../seed.ts';
import { createContent, findPublished, listPublished, publishContent, saveDraft, unpublishContent, countByKind, countByTopic } from './repository.ts';
import { SERVICE_CATEGORIES } from './types.ts';
import { TOPICS } from './topics.ts';

let t: TestApp;
const editor: Actor = { type: 'staff', id: '00000000-0000-4000-8000-000000000001', email: 'editor@example.org', name: 'Editor', roles: ['editor'], officeIds: [] };

beforeAll(async () => {
  t = await buildTestApp();
  await seedSiteContent(t.ctx, t.tenant);
});
afterAll(async () => t?.close());

const tx = <T>(fn: Parameters<typeof withTenantTx<T>>[2]) => withTenantTx(t.ctx.db, t.tenant.id, fn);

describe('site content', () => {
  it('loads the demo comune once: services in all 15 categories, news, events, places', async () => {
    expect((await seedSiteContent(t.ctx, t.tenant)).created).toBe(0);
    const byCategory = await tx((x) => countByKind(x, 'service'));
    for (const c of SERVICE_CATEGORIES) expect(byCategory.get(c) ?? 0, c).toBeGreaterThan(0);
    const news = await tx((x) => listPublished(x, 'news', { order: 'date-desc', limit: 5 }));
    expect(news.total).toBeGreaterThanOrEqual(10);
    expect(news.rows[0]!.data.date >= news.rows[1]!.data.date).toBe(true);
    const topics = await tx((x) => countByTopic(x));
    expect(topics.get('Istruzione') ?? 0).toBeGreaterThan(0);
    // Every topic of every demo content comes from the controlled vocabulary.
    expect([...topics.keys()].filter((k) => !(TOPICS as readonly string[]).includes(k))).toEqual([]);
  });

  it('finds services by words people use, in Italian and English, with word prefixes', async () => {
    const it1 = await tx((x) => listPublished(x, 'service', { q: 'carta identità', locale: 'it', order: 'relevance' }));
    expect(it1.rows[0]?.slug).toBe('carta-identita-elettronica');
    const prefix = await tx((x) => listPublished(x, 'service', { q: 'mens', locale: 'it', order: 'relevance' }));
    expect(prefix.rows.map((r) => r.slug)).toContain('iscrizione-mensa-scolastica');
    const en = await tx((x) => listPublished(x, 'service', { q: 'identity card', locale: 'en', order: 'relevance' }));
    expect(en.rows[0]?.slug).toBe('carta-identita-elettronica');
    const none = await tx((x) => listPublished(x, 'service', { q: '&&& ::', locale: 'it' }));
    expect(none.total).toBe(0);
  });

  it('keeps drafts off the site until published, and records every change in the audit log', async () => {
    const audit = { tenantId: t.tenant.id, actor: editor };
    const created = await tx((x) =>
      createContent(x, audit, {
        type: 'news',
        data: { kind: 'avviso', title: { it: 'Chiusura straordinaria', en: 'Extraordinary closure' }, summary: { it: 'Uffici chiusi', en: 'Offices closed' }, body: { it: 'Testo.', en: 'Text.' }, date: '2026-11-30', topics: ['Comunicazione istituzionale'] },
      }),
    );
    if (!created.ok) throw new Error(created.error.code);
    const id = created.value.id;
    expect(created.value.slug).toBe('chiusura-straordinaria');
    expect(await tx((x) => findPublished(x, 'news', 'chiusura-straordinaria'))).toBeNull();
    await tx((x) => publishContent(x, audit, id));
    expect((await tx((x) => findPublished(x, 'news', 'chiusura-straordinaria')))?.data.title.it).toBe('Chiusura straordinaria');
    const saved = await tx((x) => saveDraft(x, audit, id, { ...created.value.draft, title: { it: 'Chiusura rinviata', en: 'Closure postponed' } }));
    expect(saved.ok && saved.value.changed).toBe(true);
    expect((await tx((x) => findPublished(x, 'news', 'chiusura-straordinaria')))?.data.title.it).toBe('Chiusura straordinaria');
    await tx((x) => unpublishContent(x, audit, id));
    expect(await tx((x) => findPublished(x, 'news', 'chiusura-straordinaria'))).toBeNull();
    const dup = await tx((x) => createContent(x, audit, { type: 'news', slug: 'chiusura-straordinaria', data: created.value.draft }));
    expect(dup.ok ? 'ok' : dup.error.code).toBe('slug-taken');
    const entries = await tx((x) => x.select().from(auditLog).where(eq(auditLog.entityId, id)));
    expect(entries.map((e) => e.action).sort()).toEqual(['site.content.created', 'site.content.draft-saved', 'site.content.published', 'site.content.unpublished']);
  });
});
