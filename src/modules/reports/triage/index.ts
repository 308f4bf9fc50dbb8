/**
 * AI triage of a citizen's report, in-process and offline: category (with alternatives), priority, office and
 * likely duplicates — the answer of POST /api/v1/reports/triage. Pure: the caller supplies the tenant's model,
 * categories, office mapping and the open reports near the point.
 */
import { DEFAULT_CATEGORIES } from './categories.ts';
import { classify, type TriageModel } from './classifier.ts';
import { assessPriority, type PriorityLevel, type PriorityRule } from './priority.ts';
import { rankDuplicates, type DuplicateOptions, type OpenReport } from './similarity.ts';

export { DEFAULT_CATEGORIES, CATEGORY_CODES, defaultCategory, isCategoryCode } from './categories.ts';
export type { CategoryCode, CategoryDefinition, OfficeHint } from './categories.ts';
export { train, classify, isTriageModel } from './classifier.ts';
export type { TriageModel, TrainingExample, TrainOptions, Prediction } from './classifier.ts';
export { assessPriority, PRIORITY_RULES, PRIORITY_LEVELS } from './priority.ts';
export type { PriorityLevel, PriorityRule, PriorityResult } from './priority.ts';
export { rankDuplicates, textSimilarity, haversineMeters } from './similarity.ts';
export type { OpenReport, DuplicateMatch, DuplicateOptions, DuplicateCandidate } from './similarity.ts';
export { SEED_CORPUS } from './corpus/index.ts';
export type { SeedExample } from './corpus/index.ts';

export interface TriageInput {
  description: string;
  title?: string;
  lat?: number;
  lon?: number;
}

export interface TriageContext {
  /** The office that handles a category (the tenant's mapping). */
  officeFor: (categoryCode: string) => { id: string; name: string };
  /** Open reports to look for duplicates in (typically those within the radius, from a geo query). */
  openReports?: readonly OpenReport[];
  /** The tenant's categories and their names; default: DEFAULT_CATEGORIES. */
  categories?: ReadonlyArray<{ code: string; name: { it: string } | string }>;
  /** How many alternatives to return after the best category (default 2). */
  alternatives?: number;
  /** Alternatives below this confidence are left out (default 0.05). */
  minAlternativeConfidence?: number;
  duplicates?: DuplicateOptions;
  /** A tenant's own priority rules (default PRIORITY_RULES). */
  priorityRules?: readonly PriorityRule[];
}

export interface CategorySuggestion {
  code: string;
  name: string;
  confidence: number;
}

/** Exactly the JSON body of POST /api/v1/reports/triage. */
export interface TriageResponse {
  category: CategorySuggestion;
  alternatives: CategorySuggestion[];
  priority: PriorityLevel;
  office: { id: string; name: string };
  duplicates: Array<{ id: string; title: string; distanceMeters: number; similarity: number; status: string }>;
}

const roundConfidence = (c: number): number => Math.round(c * 1000) / 1000;

/** Suggests category, alternatives, priority, office and duplicates for a report being written. */
export function triage(model: TriageModel, input: TriageInput, context: TriageContext): TriageResponse {
  const categories = context.categories ?? DEFAULT_CATEGORIES;
  const names = new Map(categories.map((c) => [c.code, typeof c.name === 'string' ? c.name : c.name.it]));
  // Only the tenant's categories are offered; confidences are renormalised over them.
  const ranked = classify(model, input).filter((p) => names.has(p.code));
  const total = ranked.reduce((sum, p) => sum + p.confidence, 0) || 1;
  const suggestions: CategorySuggestion[] = ranked.map((p) => ({
    code: p.code,
    name: names.get(p.code) ?? p.code,
    confidence: roundConfidence(p.confidence / total),
  }));
  const fallbackCode = names.has('altro') ? 'altro' : (categories[0]?.code ?? 'altro');
  const best = suggestions[0] ?? { code: fallbackCode, name: names.get(fallbackCode) ?? fallbackCode, confidence: 0 };
  const alternatives = suggestions
    .slice(1, 1 + (context.alternatives ?? 2))
    .filter((s) => s.confidence >= (context.minAlternativeConfidence ?? 0.05));
  const duplicates = rankDuplicates({ ...input, category: best.code }, context.openReports ?? [], context.duplicates).map(
    ({ id, title, distanceMeters, similarity, status }) => ({ id, title, distanceMeters, similarity, status }),
  );
  return {
    category: best,
    alternatives,
    priority: assessPriority(input, context.priorityRules).level,
    office: context.officeFor(best.code),
    duplicates,
  };
}
