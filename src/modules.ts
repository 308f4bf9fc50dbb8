import type { PiazzaModule } from './core/module.ts';

/** The explicit, ordered list of enabled feature modules. */
export const modules: PiazzaModule[] = [];
