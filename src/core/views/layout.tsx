import type { ComponentChildren, VNode } from 'preact';
import { render } from 'preact-render-to-string';
import type { Actor } from '../auth/types.ts';
import type { Tenant } from '../tenancy/types.ts';
import { t, type Locale } from '../i18n/index.ts';

export const BI = '/assets/bootstrap-italia';

export interface PageContext {
  locale: Locale;
  tenant: Tenant | null;
  actor: Actor;
  csrfToken: string;
  /** Path of the current page, for the language switch. */
  path: string;
}

export interface LayoutProps {
  ctx: PageContext;
  title: string;
  children: ComponentChildren;
  /** Extra client scripts under /assets/piazza/ (progressive enhancement only). */
  scripts?: string[];
  description?: string;
}

/** The shell of every HTML page. The only place where the site's structural markers are emitted. */
export function Layout({ ctx, title, children, scripts = [], description }: LayoutProps) {
  const { locale, tenant, actor } = ctx;
  const tr = (k: string, v?: Record<string, string | number>) => t(locale, k, v);
  const siteName = tenant?.name ?? 'piazza';
  const other: Locale = locale === 'it' ? 'en' : 'it';
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${siteName}`}</title>
        {description ? <meta name="description" content={description} /> : null}
        <link rel="stylesheet" href={`${BI}/css/bootstrap-italia.min.css`} />
        <link rel="stylesheet" href="/assets/piazza/site.css" />
      </head>
      <body>
        <div class="skiplinks">
          <a class="visually-hidden-focusable" href="#main-container">{tr('site.skipToContent')}</a>
          <a class="visually-hidden-focusable" href="#footer">{tr('site.skipToFooter')}</a>
        </div>
        <header class="it-header-wrapper">
          <div class="it-header-slim-wrapper">
            <div class="container">
              <div class="row">
                <div class="col-12">
                  <div class="it-header-slim-wrapper-content">
                    <span class="d-lg-block navbar-brand">{siteName}</span>
                    <div class="it-header-slim-right-zone">
                      <a class="btn btn-sm btn-outline-light me-2" href={`${ctx.path}${ctx.path.includes('?') ? '&' : '?'}lang=${other}`} lang={other} hreflang={other}>
                        {other === 'en' ? 'English' : 'Italiano'}
                      </a>
                      {actor.type === 'anonymous' ? (
                        <a class="btn btn-primary btn-icon btn-full" href="/auth/login">
                          <span class="rounded-icon" aria-hidden="true">
                            <svg class="icon icon-primary"><use href={`${BI}/svg/sprites.svg#it-user`}></use></svg>
                          </span>
                          <span class="d-none d-lg-block">{tr('site.login')}</span>
                        </a>
                      ) : (
                        <form method="post" action="/auth/logout" class="d-inline">
                          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                          <a class="btn btn-sm btn-outline-light me-2" href={actor.type === 'staff' ? '/admin' : '/area-personale'}>
                            {actor.type === 'staff' ? tr('site.staffArea') : tr('site.personalArea')}: {actor.name}
                          </a>
                          <button type="submit" class="btn btn-sm btn-outline-light">{tr('site.logout')}</button>
                        </form>
                      )}
                    </div>
                  </div>
                </div>
              </div>
            </div>
          </div>
          <div class="it-nav-wrapper">
            <div class="it-header-center-wrapper">
              <div class="container">
                <div class="row">
                  <div class="col-12">
                    <div class="it-header-center-content-wrapper">
                      <div class="it-brand-wrapper">
                        <a href="/">
                          <div class="it-brand-text">
                            <div class="it-brand-title">{siteName}</div>
                          </div>
                        </a>
                      </div>
                    </div>
                  </div>
                </div>
              </div>
            </div>
          </div>
        </header>
        {tenant?.isDemo ? (
          <div class="alert alert-warning rounded-0 mb-0 text-center" role="note">
            {tr('site.demoBanner')}
          </div>
        ) : null}
        <main id="main-container" class="container my-4">
          {children}
        </main>
        <footer class="it-footer" id="footer">
          <div class="it-footer-main">
            <div class="container">
              <div class="row py-4">
                <div class="col-12">
                  <p class="text-white mb-0">{siteName}</p>
                  <p class="text-white small mb-0">{tr('site.poweredBy')}</p>
                </div>
              </div>
            </div>
          </div>
        </footer>
        <script src={`${BI}/js/bootstrap-italia.bundle.min.js`} defer></script>
        <script src="/assets/piazza/site.js" defer></script>
        {scripts.map((s) => (
          <script src={`/assets/piazza/${s}`} defer></script>
        ))}
      </body>
    </html>
  );
}

export function renderPage<P>(node: VNode<P>): string {
  return `<!doctype html>${render(node)}`;
}
