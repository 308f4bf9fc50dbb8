/**
 * Cold start: time from spawning `src/main.ts` (what `npm start` runs) with an EXISTING embedded
 * database to the first 200 on /health. Usage: npm run bench:cold-start [-- --runs 10]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { freePort } from '../e2e/harness.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '10' } } });
const runs = Number(values.runs);
const dataDir = mkdtempSync(join(tmpdir(), 'piazza-bench-'));

async function once(): Promise<number> {
  const port = await freePort();
  const t0 = performance.now();
  // exactly what `npm start` runs once its prestart build is current
  const proc = spawn(process.execPath, ['bin/start.mjs'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: 'ignore',
  });
  let ms = -1;
  for (;;) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/health`);
      if (r.status === 200) {
        ms = performance.now() - t0;
        break;
      }
    } catch {
      /* not yet */
    }
    if (proc.exitCode !== null) throw new Error('server exited');
    await new Promise((r) => setTimeout(r, 10));
  }
  await new Promise<void>((resolve) => {
    proc.once('exit', () => resolve());
    proc.kill('SIGTERM');
  });
  return ms;
}

console.log('preparing: first start creates and seeds the embedded database…');
const first = await once();
console.log(`first start (creates the database): ${first.toFixed(0)} ms`);
const times: number[] = [];
for (let i = 0; i < runs; i++) times.push(await once());
times.sort((a, b) => a - b);
const pct = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]!;
console.log(`cold start with existing database, ${runs} runs: median ${pct(50).toFixed(0)} ms, p95 ${pct(95).toFixed(0)} ms, min ${times[0]!.toFixed(0)} ms, max ${times[times.length - 1]!.toFixed(0)} ms`);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}`);
rmSync(dataDir, { recursive: true, force: true });
