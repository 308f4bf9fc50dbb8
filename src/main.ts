import 'dotenv/config';
import { loadConfigOrExit } from './core/config/index.ts';
import { createLogger } from './core/logger.ts';
import { createContext } from './core/boot.ts';
import { buildApp } from './app.ts';
import { modules } from './modules.ts';
import { startJobRunner, type JobRunner } from './core/jobs/runner.ts';
import { PgliteLockedError } from './core/db/pglite-lock.ts';

/** Boot: config → database → migrations → HTTP (+ job workers unless RUN_WORKERS=false); graceful shutdown. */
const config = loadConfigOrExit();
const log = createLogger(config.logLevel, !config.isProduction && process.stdout.isTTY);

const started = Date.now();
let ctx: Awaited<ReturnType<typeof createContext>>;
try {
  ctx = await createContext({ config, log, modules });
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
log.info({ ms: Date.now() - started, url: config.baseUrl, database: ctx.database.kind }, 'piazza is ready');
if (config.runWorkers) runner = await startJobRunner(ctx);
