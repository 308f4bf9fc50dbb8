import type { AppContext } from './context.ts';
import { createTenant, findTenantBySlug } from './tenancy/index.ts';
import type { Tenant } from './tenancy/types.ts';
import { seedDemoIdentities } from './auth/seed.ts';

export const DEMO_SLUG = 'biella-demo';

/**
 * The demo comune, created on first start in development (SEED_DEMO, default true there). Idempotent:
 * later starts find it and only let modules top up their demo content.
 */
export async function seedDemo(ctx: AppContext): Promise<Tenant> {
  let tenant = await findTenantBySlug(ctx.db, DEMO_SLUG);
  if (!tenant) {
    const res = await createTenant(ctx.db, {
      slug: DEMO_SLUG,
      name: 'Comune di Biella (demo)',
      istatCode: '096004',
      ipaCode: 'c_a859',
      hosts: ['biella.localhost'],
      locales: ['it', 'en'],
      isDemo: true,
      settings: {
        contacts: {
          address: 'Via Battistero 4, 13900 Biella (BI)',
          phone: '+39 015 35071',
          email: 'urp@comune.biella.example',
          pec: 'protocollo@pec.comune.biella.example',
          taxCode: '00221900020',
        },
        site: {
          region: 'Regione Piemonte',
          regionUrl: 'https://www.regione.piemonte.it/',
          social: [
            { network: 'facebook', url: 'https://www.facebook.com/ComuneDiBiella' },
            { network: 'instagram', url: 'https://www.instagram.com/comunedibiella/' },
            { network: 'youtube', url: 'https://www.youtube.com/@ComuneDiBiella' },
          ],
          accessibilityUrl: 'https://form.agid.gov.it/view/3f6d2a80-7c1e-11ee-9b4d-1f2e3a4b5c6d',
          mapCenter: { lat: 45.5663, lon: 8.0537, zoom: 14 },
          highlightedTopics: ['Anagrafe', 'Istruzione', 'Tempo libero'],
        },
      },
    });
    if (!res.ok) throw new Error(`cannot seed the demo tenant: ${JSON.stringify(res.errors)}`);
    tenant = res.value;
    ctx.log.info({ tenant: tenant.slug }, 'demo tenant created');
  }
  await seedDemoIdentities(ctx, tenant);
  for (const m of ctx.modules) if (m.seed) await m.seed(ctx, tenant);
  ctx.tenants.invalidate();
  return tenant;
}
