// Builds dist/main.js and dist/worker.js from src/ with esbuild, so `npm start` runs plain JavaScript.
// Only drizzle-orm is bundled: its package.json has hundreds of export entries and Node re-reads it for
// every module it loads, which alone cost over a second at start-up. Every other package stays external.
// `node scripts/build.mjs --if-stale` rebuilds only when a file in src/ or migrations/ is newer than dist/.
import { build } from 'esbuild';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const entries = ['src/main.ts', 'src/worker.ts'];
const outputs = ['dist/main.js', 'dist/worker.js'];

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

import { rmSync } from 'node:fs';
if (process.argv.includes('--if-stale') && outputs.every((o) => existsSync(o))) {
  const built = Math.min(...outputs.map((o) => statSync(o).mtimeMs));
  if (newest('src') <= built && statSync('package.json').mtimeMs <= built) process.exit(0);
}

const started = Date.now();
rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: entries,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  target: 'node24',
  sourcemap: 'linked',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  logLevel: 'warning',
  plugins: [
    {
      name: 'externals-but-drizzle',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) => {
          if (args.path === 'drizzle-orm' || args.path.startsWith('drizzle-orm/')) return undefined;
          return { path: args.path, external: true };
        });
      },
    },
  ],
});
console.log(`piazza: built dist/ in ${Date.now() - started} ms`);
