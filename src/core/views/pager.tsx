import { translator } from '../i18n/index.ts';
import { BI, type PageContext } from './layout.tsx';
import { M } from './markers.ts';

/** Query parameters that describe a moment, not the list: never carried to another page of results. */
const TRANSIENT = ['feedback', 'lang'];

function splitPath(path: string): { pathname: string; params: URLSearchParams } {
  const noHash = path.split('#')[0] ?? '';
  const q = noHash.indexOf('?');
  const pathname = (q < 0 ? noHash : noHash.slice(0, q)) || '/';
  const params = new URLSearchParams(q < 0 ? '' : noHash.slice(q + 1));
  for (const k of TRANSIENT) params.delete(k);
  return { pathname, params };
}

/** The current page's URL with `param` set to `page` (removed for page 1), keeping the other query parameters. */
export function pageHref(ctx: PageContext, page: number, param = 'page'): string {
  const { pathname, params } = splitPath(ctx.path);
  if (page <= 1) params.delete(param);
  else params.set(param, String(page));
  const qs = params.toString();
  return qs ? `${pathname}?${qs}` : pathname;
}

/** Page numbers to show: first, last, and the current one with its neighbours; null marks a gap. */
export function pageWindow(page: number, pageCount: number): (number | null)[] {
  const wanted = new Set([1, pageCount, page - 1, page, page + 1].filter((n) => n >= 1 && n <= pageCount));
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const n of sorted) {
    const prev = out[out.length - 1];
    if (typeof prev === 'number' && n - prev === 2) out.push(n - 1);
    else if (typeof prev === 'number' && n - prev > 2) out.push(null);
    out.push(n);
  }
  return out;
}

export interface PagerProps {
  ctx: PageContext;
  /** The current page, 1-based. */
  page: number;
  /** How many pages there are, when known. */
  pageCount?: number;
  /** Without pageCount: whether a next page exists. */
  hasNext?: boolean;
  /** Query parameter of the page number (default "page"). */
  param?: string;
  /** Accessible name of the navigation (default "Paginazione"). */
  label?: string;
}

/**
 * Bootstrap Italia pagination: previous, numbered pages, next. Every link keeps the other query parameters
 * (filters, search) and carries the Modello Comuni `pager-link` marker. Renders nothing for a single page.
 */
export function Pager({ ctx, page, pageCount, hasNext, param = 'page', label }: PagerProps) {
  const tr = translator(ctx.locale);
  const last = pageCount ?? (hasNext ? page + 1 : page);
  if (last <= 1 && page <= 1) return null;
  const next = pageCount !== undefined ? page < pageCount : Boolean(hasNext);
  const numbers = pageWindow(page, Math.max(last, page));
  return (
    <nav class="pagination-wrapper justify-content-center mt-4" aria-label={label ?? tr('layout.pager.label')}>
      <ul class="pagination">
        {page > 1 ? (
          <li class="page-item">
            <a class="page-link" href={pageHref(ctx, page - 1, param)} data-element={M.pagerLink}>
              <svg class="icon icon-primary" aria-hidden="true" focusable="false">
                <use href={`${BI}/svg/sprites.svg#it-chevron-left`}></use>
              </svg>
              <span class="visually-hidden">{tr('layout.pager.previous')}</span>
            </a>
          </li>
        ) : null}
        {numbers.map((n) =>
          n === null ? (
            <li class="page-item">
              <span class="page-link" aria-hidden="true">
                …
              </span>
            </li>
          ) : (
            <li class={n === page ? 'page-item active' : 'page-item'}>
              <a class="page-link" href={pageHref(ctx, n, param)} data-element={M.pagerLink} aria-current={n === page ? 'page' : undefined}>
                <span class="visually-hidden">{tr('layout.pager.page')} </span>
                {n}
              </a>
            </li>
          ),
        )}
        {next ? (
          <li class="page-item">
            <a class="page-link" href={pageHref(ctx, page + 1, param)} data-element={M.pagerLink}>
              <span class="visually-hidden">{tr('layout.pager.next')}</span>
              <svg class="icon icon-primary" aria-hidden="true" focusable="false">
                <use href={`${BI}/svg/sprites.svg#it-chevron-right`}></use>
              </svg>
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

export interface LoadMoreProps {
  ctx: PageContext;
  /** The page to ask for, or null when everything is shown (then nothing renders). */
  nextPage: number | null;
  /** id of the element holding the cards (one card per child element). */
  target: string;
  /** Query parameter of the page number (default "page"). */
  param?: string;
}

/**
 * "Carica altri risultati": a GET form that asks for the next page, keeping the other query parameters, with the
 * Modello Comuni `load-other-cards` marker on its button. Without JavaScript the browser loads the page and jumps to
 * the list; pages that use it should list the first `page × size` cards on page n, so nothing already seen is lost.
 * With JavaScript (/assets/piazza/site.js) the cards are fetched and put in place, and focus moves to the first new one.
 */
export function LoadMore({ ctx, nextPage, target, param = 'page' }: LoadMoreProps) {
  if (nextPage === null) return null;
  const tr = translator(ctx.locale);
  const { pathname, params } = splitPath(ctx.path);
  params.delete(param);
  return (
    <form method="get" action={`${pathname}#${target}`} class="d-flex justify-content-center mt-4" data-load-more={target} data-loaded-text={tr('layout.loadMore.loaded')}>
      {[...params.entries()].map(([k, v]) => (
        <input type="hidden" name={k} value={v} />
      ))}
      <input type="hidden" name={param} value={String(nextPage)} />
      <button type="submit" class="btn btn-outline-primary" data-element={M.loadOtherCards}>
        {tr('layout.loadMore.button')}
      </button>
    </form>
  );
}
