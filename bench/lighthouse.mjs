/**
 * Lighthouse performance of the public site: the home page and a service card, each measured N times with the
 * mobile defaults (simulated slow 4G, mid-range phone) and with the desktop preset, in Debian's Chromium.
 * Starts the built server (`node bin/start.mjs`, as `npm start` does) in development with the demo comune on a
 * free port and a throw-away data dir; prints the median score and metrics; writes no file.
 *
 * Usage: npm run bench:lighthouse [-- --runs 3] [-- --path /altro --path /servizi/x]
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    path: { type: 'string', multiple: true },
    chrome: { type: 'string', default: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  },
});
const runs = Math.max(1, Number.parseInt(values.runs, 10) || 3);
const paths = values.path?.length ? values.path : ['/', '/servizi/carta-identita-elettronica'];

const METRICS = [
  ['first-contentful-paint', 'FCP', 'ms'],
  ['largest-contentful-paint', 'LCP', 'ms'],
  ['total-blocking-time', 'TBT', 'ms'],
  ['cumulative-layout-shift', 'CLS', ''],
  ['speed-index', 'SI', 'ms'],
];

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// What `npm start` does first: rebuild dist/ when src/ is newer.
const built = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const port = await freePort();
const base = `http://localhost:${port}`;
const dataDir = mkdtempSync(join(tmpdir(), 'piazza-lighthouse-'));
let serverOut = '';
const server = spawn(process.execPath, ['bin/start.mjs'], {
  env: {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    BASE_URL: base,
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    PIAZZA_ENV: 'development',
    SEED_DEMO: 'true',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '100000',
  },
  stdio: ['ignore', 'pipe', 'pipe'],
});
server.stdout.on('data', (d) => (serverOut += d));
server.stderr.on('data', (d) => (serverOut += d));

let chrome;
async function cleanup() {
  if (chrome) await chrome.kill();
  if (server.exitCode === null && server.signalCode === null) {
    await new Promise((resolve) => {
      server.once('exit', resolve);
      server.kill('SIGTERM');
    });
  }
  rmSync(dataDir, { recursive: true, force: true });
}

try {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited (${server.exitCode}):\n${serverOut}`);
    try {
      if ((await fetch(`${base}/ready`)).status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`server not ready in time:\n${serverOut}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  // Warm the server: each page once, and every script and stylesheet it links (some are built on first use).
  for (const p of paths) {
    const r = await fetch(base + p);
    if (r.status !== 200) throw new Error(`${p} answers ${r.status}: nothing to measure`);
    const html = await r.text();
    for (const [, src] of html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="(\/[^"]+)"/g)) await (await fetch(base + src)).arrayBuffer();
  }

  chrome = await chromeLauncher.launch({
    chromePath: values.chrome,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const version = (await (await fetch(`http://127.0.0.1:${chrome.port}/json/version`)).json()).Browser;

  console.log(`piazza Lighthouse benchmark: ${runs} run(s) per page and form factor`);
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}, ${version}`);
  for (const formFactor of ['mobile', 'desktop']) {
    for (const p of paths) {
      const results = [];
      for (let i = 0; i < runs; i++) {
        // a loaded machine sometimes loses the trace (NO_NAVSTART, NO_FCP): measure that run again, twice at most
        let lhr;
        for (let attempt = 1; ; attempt++) {
          const rr = await lighthouse(
            base + p,
            { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] },
            formFactor === 'desktop' ? desktopConfig : undefined,
          );
          if (!rr) throw new Error(`no Lighthouse result for ${p}`);
          lhr = rr.lhr;
          if (!lhr.runtimeError) break;
          if (attempt === 3) throw new Error(`${p}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
          console.log(`  (${formFactor} ${p}: ${lhr.runtimeError.code}, measuring again)`);
        }
        results.push(lhr);
      }
      const scores = results.map((l) => Math.round((l.categories.performance.score ?? 0) * 100));
      const parts = METRICS.map(([id, label, unit]) => {
        const v = median(results.map((l) => l.audits[id]?.numericValue ?? NaN));
        return `${label} ${unit === 'ms' ? `${Math.round(v)} ms` : v.toFixed(3)}`;
      });
      console.log(`\n${formFactor.padEnd(7)} ${p}: performance ${median(scores)} (runs: ${scores.join(', ')}); ${parts.join(', ')}`);
      // What Lighthouse would improve first, on the median run (by its estimated LCP/FCP savings).
      const mid = results[scores.indexOf(median(scores))] ?? results[0];
      const hints = Object.values(mid.audits)
        .filter((a) => a.score !== null && a.score < 0.9 && a.details && (a.metricSavings?.LCP || a.metricSavings?.FCP || a.metricSavings?.TBT || a.metricSavings?.CLS))
        .map((a) => ({ a, gain: (a.metricSavings.LCP ?? 0) + (a.metricSavings.FCP ?? 0) + (a.metricSavings.TBT ?? 0) + (a.metricSavings.CLS ?? 0) * 1000 }))
        .sort((x, y) => y.gain - x.gain)
        .slice(0, 5);
      for (const { a } of hints) {
        const s = a.metricSavings;
        const savings = ['FCP', 'LCP', 'TBT']
          .filter((k) => s[k])
          .map((k) => `${k} −${Math.round(s[k])} ms`)
          .concat(s.CLS ? [`CLS −${s.CLS.toFixed(3)}`] : []);
        console.log(`  · ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}: ${savings.join(', ')}`);
      }
    }
  }
} finally {
  await cleanup();
}
