import type { CategoryCode } from '../categories.ts';

export type Priority = 'bassa' | 'media' | 'alta' | 'urgente';

/** One hand-written example of what a citizen might write. */
export interface SeedExample {
  category: CategoryCode;
  text: string;
  title?: string;
  /** Set only when the example clearly calls for a priority other than the ordinary one ("media"). */
  priority?: Priority;
}

type Item = string | { text: string; title?: string; priority?: Priority };

/** Builds a category's examples from plain strings or { text, title?, priority? } objects. */
export function seed(category: CategoryCode, items: Item[]): SeedExample[] {
  return items.map((item) => (typeof item === 'string' ? { category, text: item } : { category, ...item }));
}
