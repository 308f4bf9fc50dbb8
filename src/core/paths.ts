import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The installation's root folder (where package.json and migrations/ live), found by walking up from this
 * file, so it is the same whether the code runs from src/ (tsx, tests) or from the bundle in dist/.
 */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'migrations', 'meta', '_journal.json')) && existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('piazza: cannot find the installation folder (migrations/ next to package.json)');
    dir = up;
  }
}

export const PROJECT_ROOT = findRoot();
