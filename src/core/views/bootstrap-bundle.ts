import { createHash } from 'node:crypto';
import { PROJECT_ROOT } from '../paths.ts';

/**
 * The part of Bootstrap Italia's JavaScript the site uses, bundled once per process with esbuild from the
 * package's own ES modules. The official bundle (1 MB, 250 KB compressed) carries every plugin plus video.js,
 * Splide and anime.js; on a mid-range phone its parsing alone kept Lighthouse performance under 90.
 * It keeps what the Modello Comuni validator reads — window.BOOTSTRAP_ITALIA_VERSION (set by init) and
 * window.bootstrap.loadFonts — and the plugins our markup uses: the collapsible navbar, collapse, accordion,
 * dropdown, navscroll (the scheda servizio's page index) and the form-input helpers.
 */
export const BOOTSTRAP_BUNDLE_PATH = '/assets/bootstrap-italia-piazza.js';

const PLUGINS = {
  loadFonts: 'fonts-loader',
  NavBarCollapsible: 'navbar-collapsible',
  NavScroll: 'navscroll',
  Collapse: 'collapse',
  Accordion: 'accordion',
  Dropdown: 'dropdown',
  Input: 'input',
  InputLabel: 'input-label',
} as const;

const ENTRY = [
  "import 'bootstrap-italia/dist/plugins/init.js';",
  ...Object.entries(PLUGINS).map(([name, file]) => `import ${name} from 'bootstrap-italia/dist/plugins/${file}.js';`),
  `window.bootstrap = Object.assign(window.bootstrap || {}, { ${Object.keys(PLUGINS).join(', ')} });`,
].join('\n');

export interface Bundle {
  code: Buffer;
  etag: string;
}

let bundle: Promise<Bundle> | null = null;

/** Built on first use (about 0.1 s) and kept in memory. */
export function bootstrapBundle(): Promise<Bundle> {
  bundle ??= import('esbuild').then(({ build }) => build({
    stdin: { contents: ENTRY, resolveDir: PROJECT_ROOT, sourcefile: 'bootstrap-italia-piazza.js', loader: 'js' },
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2020'],
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  })).then((r) => {
    const out = r.outputFiles[0];
    if (!out) throw new Error('esbuild produced no Bootstrap Italia bundle');
    const code = Buffer.from(`/*! Bootstrap Italia (BSD-3-Clause), https://italia.github.io/bootstrap-italia/ — selected plugins */\n${out.text}`);
    return { code, etag: `"${createHash('sha256').update(code).digest('base64url').slice(0, 22)}"` };
  });
  bundle.catch(() => {
    bundle = null;
  });
  return bundle;
}
