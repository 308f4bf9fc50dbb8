/**
 * Duplicate detection: text similarity (cosine over the same word and character n-gram features the
 * classifier uses, with sublinear term frequency) combined with category and distance. Pure functions: the
 * caller passes the open reports (e.g. those a radius query returned) and the current time.
 */
import { reportFeatureCounts } from './text.ts';

export interface ReportText {
  title?: string | null;
  description: string;
}

type Vector = Map<string, number>;

/**
 * The weighted vector of a report's text. Word features count more than single character n-grams, so two
 * reports sharing "lampione spento" look closer than two sharing only "via".
 */
export function textVector(input: ReportText): Vector {
  const v: Vector = new Map();
  let norm = 0;
  for (const [f, tf] of reportFeatureCounts(input)) {
    const weight = (f.startsWith('c:') ? 1 : 3) * (1 + Math.log(tf));
    v.set(f, weight);
    norm += weight * weight;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [f, w] of v) v.set(f, w / norm);
  return v;
}

/** Cosine similarity of two vectors from textVector (0 … 1). */
export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [f, w] of small) {
    const other = large.get(f);
    if (other !== undefined) dot += w * other;
  }
  return Math.min(1, Math.max(0, dot));
}

/** Text similarity of two reports (0 … 1). */
export function textSimilarity(a: ReportText, b: ReportText): number {
  return cosine(textVector(a), textVector(b));
}

const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance in metres (haversine). */
export function haversineMeters(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface OpenReport {
  id: string;
  title: string;
  description: string;
  category: string;
  lat: number;
  lon: number;
  createdAt: Date | string;
  status: string;
}

export interface DuplicateCandidate {
  title?: string | null;
  description: string;
  /** The category the candidate was classified in (or chose). */
  category?: string | null;
  lat?: number | null;
  lon?: number | null;
}

export interface DuplicateOptions {
  /** Only reports within this distance (default 75 m). */
  radiusMeters?: number;
  /** Only reports created within this many days before `now` (default 60). */
  windowDays?: number;
  /** The current time (default: now). */
  now?: Date;
  /** At most this many results (default 5). */
  limit?: number;
  /** Reports whose text similarity is below this are kept only when their category matches (default 0.2). */
  minSimilarity?: number;
  /** Statuses that are not open: reports in them are never offered (default resolved, closed, rejected, duplicate, forwarded). */
  closedStatuses?: readonly string[];
}

export interface DuplicateMatch {
  id: string;
  title: string;
  distanceMeters: number;
  similarity: number;
  status: string;
  /** The ranking score (0 … 1): 0.6 text similarity + 0.25 same category + 0.15 closeness. */
  score: number;
}

const DAY_MS = 86_400_000;
const CLOSED = ['resolved', 'closed', 'rejected', 'duplicate', 'forwarded'];

/**
 * Open reports near the candidate that may describe the same problem, best first. A candidate without a
 * position has no duplicates (the radius is what makes a match meaningful).
 */
export function rankDuplicates(candidate: DuplicateCandidate, openReports: readonly OpenReport[], options: DuplicateOptions = {}): DuplicateMatch[] {
  const radius = options.radiusMeters ?? 75;
  const windowDays = options.windowDays ?? 60;
  const now = (options.now ?? new Date()).getTime();
  const limit = options.limit ?? 5;
  const minSimilarity = options.minSimilarity ?? 0.2;
  const closed = new Set(options.closedStatuses ?? CLOSED);
  if (candidate.lat == null || candidate.lon == null || !Number.isFinite(candidate.lat) || !Number.isFinite(candidate.lon)) return [];
  const { lat, lon } = candidate;
  const vector = textVector(candidate);
  const matches: DuplicateMatch[] = [];
  for (const r of openReports) {
    if (closed.has(r.status)) continue;
    const created = new Date(r.createdAt).getTime();
    if (!Number.isFinite(created) || now - created > windowDays * DAY_MS || created - now > DAY_MS) continue;
    const distance = haversineMeters(lat, lon, r.lat, r.lon);
    if (!(distance <= radius)) continue;
    const similarity = cosine(vector, textVector({ title: r.title, description: r.description }));
    const sameCategory = candidate.category != null && candidate.category === r.category;
    if (similarity < minSimilarity && !sameCategory) continue;
    const score = 0.6 * similarity + (sameCategory ? 0.25 : 0) + 0.15 * (1 - distance / radius);
    matches.push({
      id: r.id,
      title: r.title,
      distanceMeters: Math.round(distance),
      similarity: Math.round(similarity * 1000) / 1000,
      status: r.status,
      score: Math.round(score * 1000) / 1000,
    });
  }
  return matches.sort((a, b) => b.score - a.score || a.distanceMeters - b.distanceMeters || (a.id < b.id ? -1 : 1)).slice(0, limit);
}
