import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { httpProblem } from '../../core/http/problem.ts';
import { BIELLA_STREETS, type StreetTuple } from './data/streets-biella.ts';

/**
 * The comune's street list for the report form's address search (no JavaScript: a search form that lists the
 * matches to pick; with JavaScript: the autocomplete of GET /api/v1/reports/streets). Matching ignores case and
 * accents, understands the usual abbreviations (p.zza, c.so, v.le…), and ranks names that start with the
 * query first. A comune without a list gets no matches (the citizen then types the address or sets a pin).
 */

export interface Street {
  name: string;
  lat: number;
  lon: number;
  area?: string;
}

interface IndexedStreet extends Street {
  /** Normalised full name ("via pietro micca"). */
  key: string;
  /** Normalised name without its type ("pietro micca"). */
  bare: string;
  words: string[];
}

const STREET_TYPES = new Set(['via', 'viale', 'piazza', 'piazzetta', 'corso', 'vicolo', 'strada', 'largo', 'costa', 'salita', 'lungo', 'regione', 'localita', 'frazione', 'parco', 'giardini', 'ponte', 'villaggio']);

/** Abbreviations citizens type, read as the full word. */
const ABBREVIATIONS: Record<string, string> = {
  p: 'piazza',
  pza: 'piazza',
  pzza: 'piazza',
  pazza: 'piazza',
  pzzale: 'piazzale',
  v: 'via',
  vle: 'viale',
  cso: 'corso',
  c: 'corso',
  str: 'strada',
  vic: 'vicolo',
  lgo: 'largo',
  loc: 'localita',
  fraz: 'frazione',
  s: 'san',
  st: 'santa',
};

/** Lower case, no accents or apostrophes, punctuation as spaces, single spaces. */
export function normaliseStreet(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’'`´]/g, ' ')
    .replace(/(\p{L})\.(\p{L})/gu, '$1$2') // p.zza → pzza, c.so → cso
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

/** The query as words, abbreviations expanded. */
function queryWords(q: string): string[] {
  return normaliseStreet(q)
    .split(' ')
    .filter(Boolean)
    .map((w) => ABBREVIATIONS[w] ?? w);
}

function index(list: readonly StreetTuple[]): IndexedStreet[] {
  return list.map(([name, lat, lon, area]) => {
    const key = normaliseStreet(name);
    const words = key.split(' ');
    const bare = STREET_TYPES.has(words[0]!) && words.length > 1 ? words.slice(1).join(' ') : key;
    return { name, lat, lon, area, key, bare, words };
  });
}

const lists = new Map<string, IndexedStreet[]>();
const biella = index(BIELLA_STREETS);
lists.set('biella', biella);
lists.set('biella-demo', biella);

/** Give a comune (by tenant slug) a street list, or take it away with null (tests; other comuni's data). */
export function setStreetList(tenantSlug: string, list: readonly StreetTuple[] | null): void {
  if (list) lists.set(tenantSlug, index(list));
  else lists.delete(tenantSlug);
}

/** Whether the comune has a street list at all (otherwise the address is free text). */
export function hasStreetList(tenantSlug: string | null): boolean {
  return !!tenantSlug && (lists.get(tenantSlug)?.length ?? 0) > 0;
}

export const STREET_QUERY_MAX = 80;
export const STREET_LIMIT_MAX = 50;

/**
 * Streets of the comune matching `q`, best first: the whole name starts with the query ("via pie" → Via Pietro
 * Micca), then the name without its type ("pietro" → Via Pietro Micca), then every query word starts a word of
 * the name ("micca" → Via Pietro Micca), then the query appears anywhere. Ties in alphabetical order.
 */
export function searchStreets(tenantSlug: string | null, q: string, limit = 10): Street[] {
  if (!tenantSlug) return [];
  const list = lists.get(tenantSlug);
  if (!list) return [];
  const words = queryWords(q.slice(0, STREET_QUERY_MAX));
  if (!words.length) return [];
  const phrase = words.join(' ');
  const max = Math.max(1, Math.min(limit, STREET_LIMIT_MAX));
  const ranked: { s: IndexedStreet; rank: number }[] = [];
  for (const s of list) {
    let rank: number;
    if (s.key.startsWith(phrase)) rank = 0;
    else if (s.bare.startsWith(phrase)) rank = 1;
    else if (words.every((w) => s.words.some((sw) => sw.startsWith(w)))) rank = 2;
    else if (s.key.includes(phrase)) rank = 3;
    else continue;
    ranked.push({ s, rank });
  }
  ranked.sort((a, b) => a.rank - b.rank || a.s.key.localeCompare(b.s.key, 'it'));
  return ranked.slice(0, max).map(({ s }) => ({ name: s.name, lat: s.lat, lon: s.lon, ...(s.area ? { area: s.area } : {}) }));
}

/** The street of the list whose name is exactly `name` once normalised (a picked or fully typed name), or null. */
export function findStreet(tenantSlug: string | null, name: string): Street | null {
  if (!tenantSlug) return null;
  const key = normaliseStreet(name);
  if (!key) return null;
  const s = lists.get(tenantSlug)?.find((x) => x.key === key);
  return s ? { name: s.name, lat: s.lat, lon: s.lon, ...(s.area ? { area: s.area } : {}) } : null;
}

// ── JSON API for the autocomplete ────────────────────────────────────────────────────────────────────────────

const StreetsQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: STREET_QUERY_MAX, description: 'What the citizen typed (case and accents do not matter).' }),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: STREET_LIMIT_MAX, default: 10 })),
  },
  { additionalProperties: false },
);

const StreetItem = Type.Object({
  name: Type.String(),
  lat: Type.Number(),
  lon: Type.Number(),
  area: Type.Optional(Type.String()),
});

const StreetsReply = Type.Object({ items: Type.Array(StreetItem) });

/** GET /api/v1/reports/streets?q= — the comune's streets matching q, for the report form's autocomplete. */
export async function streetsApi(app: FastifyInstance): Promise<void> {
  app.get(
    '/api/v1/reports/streets',
    {
      schema: {
        tags: ['reports'],
        summary: 'Search the comune’s streets',
        description: 'Streets and squares of the comune matching `q` (prefix matches first), with an approximate centroid. Empty for a comune without a street list.',
        querystring: StreetsQuery,
        response: { 200: StreetsReply, 400: Type.Ref('Problem'), 404: Type.Ref('Problem') },
      },
    },
    async (req, reply) => {
      if (!req.tenant) throw httpProblem('not-found');
      const { q, limit } = req.query as Static<typeof StreetsQuery>;
      reply.header('cache-control', 'public, max-age=3600');
      return { items: searchStreets(req.tenant.slug, q, limit ?? 10) };
    },
  );
}
