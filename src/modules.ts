import type { PiazzaModule } from './core/module.ts';
import { siteModule } from './modules/site/module.ts';
import { reportsModule } from './modules/reports/module.ts';

/** The explicit, ordered list of enabled feature modules. */
export const modules: PiazzaModule[] = [siteModule, reportsModule];
