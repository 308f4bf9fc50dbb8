import 'dotenv/config';
import { loadConfigOrExit } from './core/config/index.ts';
import { createLogger } from './core/logger.ts';
import { createContext } from './core/boot.ts';
import { modules } from './modules.ts';
import { startJobRunner } from './core/jobs/runner.ts';

/** `npm run worker`: job workers and schedules only, no HTTP. Run web instances with RUN_WORKERS=false. */
const config = loadConfigOrExit();
const log = createLogger(config.logLevel, !config.isProduction && process.stdout.isTTY);
const ctx = await createContext({ config: { ...config, seedDemo: false }, log, modules });
const runner = await startJobRunner(ctx);
log.info('piazza worker is running');
let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  await runner.stop();
  await ctx.database.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
