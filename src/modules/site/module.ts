import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../core/context.ts';
import type { PiazzaModule } from '../../core/module.ts';
import { siteTenantTables } from './schema.ts';
import { seedSiteContent } from './seed.ts';
import { registerSitePermissions } from './permissions.ts';
import { homePages } from './pages/home.tsx';
import { administrationPages } from './pages/administration.tsx';
import { newsPages } from './pages/news.tsx';
import { servicesPages } from './pages/services.tsx';
import { livePages } from './pages/live.tsx';
import { topicsPages } from './pages/topics.tsx';
import { infoPages } from './pages/info.tsx';
import { assistancePages } from './pages/assistance.tsx';
import { backOffice } from './backoffice/routes.tsx';
import { siteApi } from './api.ts';
import { setTopicVocabulary } from '../../core/views/site-links.ts';
import { TOPICS } from './content/topics.ts';

/**
 * The public site of the comune following the Designers Italia "Modello Comuni" (home, Amministrazione, Novità,
 * Servizi, Vivere, Argomenti, search, FAQ, legal pages), the richiesta di assistenza, and the editors' back office.
 */
export const siteModule: PiazzaModule = {
  id: 'site',
  async routes(app: FastifyInstance, ctx: AppContext) {
    // The header's topics and the settings page accept only the Modello Comuni vocabulary.
    setTopicVocabulary(TOPICS);
    await homePages(app, ctx);
    await administrationPages(app, ctx);
    await newsPages(app, ctx);
    await servicesPages(app, ctx);
    await livePages(app, ctx);
    await topicsPages(app, ctx);
    await infoPages(app, ctx);
    await assistancePages(app, ctx);
    await backOffice(app, ctx);
    await siteApi(app, ctx);
  },
  permissions: registerSitePermissions,
  seed: async (ctx, tenant) => {
    await seedSiteContent(ctx, tenant);
  },
  tenantTables: [...siteTenantTables],
};

// What other modules may use (ARCHITECTURE.md: modules reach each other only through module.ts or events):
// read published content (e.g. the assistant answering from services and offices) and link to its pages.
export { findPublished, findPublishedBySlugs, listPublished, type ListOptions } from './content/repository.ts';
export { contentPath, topicPath, categoryPath } from './content/urls.ts';
export { titleOf, loc } from './content/derive.ts';
export { TOPICS } from './content/topics.ts';
export type { Content, ContentType, ContentDataMap } from './content/types.ts';
