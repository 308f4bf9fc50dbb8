import 'dotenv/config';
import { loadConfigOrExit } from './core/config/index.ts';
import { openOwnDatabase } from './core/db/open.ts';
import { PgliteLockedError } from './core/db/pglite-lock.ts';
import type { JobRunner } from './core/jobs/runner.ts';

/** Boot: config → database → migrations → HTTP (+ job workers unless RUN_WORKERS=false); graceful shutdown. */
const started = Date.now();
const config = loadConfigOrExit();

// Open the database while the web stack loads: opening an embedded PGlite is the slowest step of a start.
const opening = openOwnDatabase(config);
opening.catch(() => undefined);
const [{ createLogger }, { createContext }, { buildApp }, { modules }, { startJobRunner }] = await Promise.all([
  import('./core/logger.ts'),
  import('./core/boot.ts'),
  import('./app.ts'),
  import('./modules.ts'),
  import('./core/jobs/runner.ts'),
]);
const log = createLogger(config.logLevel, !config.isProduction && process.stdout.isTTY);

let ctx: Awaited<ReturnType<typeof createContext>>;
try {
  ctx = await createContext({ config, log, modules, database: await opening, seed: 'deferred' });
} catch (err) {
  if (err instanceof PgliteLockedError) {
    console.error(`piazza: cannot start. ${err.message}`);
    process.exit(75); // EX_TEMPFAIL
  }
  throw err;
}
const app = await buildApp(ctx);
let runner: JobRunner | undefined;

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down: draining requests');
  const force = setTimeout(() => {
    log.error('shutdown took too long, exiting');
    process.exit(1);
  }, 15_000);
  force.unref();
  try {
    await app.close();
    await runner?.stop();
    await ctx.database.close();
    log.info('bye');
    process.exit(0);
  } catch (err) {
    log.error({ err }, 'error during shutdown');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

try {
  await app.listen({ port: config.port, host: config.host });
} catch (err) {
  log.error({ err }, `cannot listen on ${config.host}:${config.port}`);
  await ctx.database.close();
  process.exit(1);
}
log.info({ ms: Date.now() - started, uptimeMs: Math.round(process.uptime() * 1000), url: config.baseUrl, database: ctx.database.kind }, 'piazza is ready');
if (config.runWorkers) {
  // Serve first: the workers' start-up queries would otherwise queue in front of the first requests on an
  // embedded database's single connection. Jobs are asynchronous, so a second's delay changes nothing.
  setTimeout(() => {
    if (stopping) return;
    startJobRunner(ctx)
      .then((r) => {
        runner = r;
        if (stopping) void r.stop();
      })
      .catch((err: unknown) => log.error({ err }, 'job workers failed to start'));
  }, 1_000).unref();
}
if (ctx.pendingSeed) {
  // A restart with demo data: top up module demo content (idempotent) a moment after the first requests,
  // so it does not queue in front of them on the embedded database's single connection.
  const topUp = ctx.pendingSeed;
  setTimeout(() => void topUp().catch((err: unknown) => log.error({ err }, 'demo data top-up failed')), 3_000).unref();
}
