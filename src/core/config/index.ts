import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/**
 * The one schema of piazza's environment. Decoded once at boot by loadConfig();
 * everything else receives the typed Config object.
 */
const Bool = Type.Union([Type.Literal('true'), Type.Literal('false'), Type.Literal('1'), Type.Literal('0')], {
  description: 'true or false',
});

const EnvSchema = Type.Object({
  PORT: Type.Optional(Type.String({ pattern: '^[0-9]{1,5}$', description: 'a TCP port number (1–65535)' })),
  HOST: Type.Optional(Type.String({ minLength: 1, description: 'an interface address such as 0.0.0.0 or 127.0.0.1' })),
  BASE_URL: Type.Optional(
    Type.String({ pattern: '^https?://[^\\s/]+(/.*)?$', description: 'an absolute http(s) URL, e.g. https://comune.example.it' }),
  ),
  DATABASE_URL: Type.Optional(
    Type.String({ pattern: '^postgres(ql)?://', description: 'a PostgreSQL URL, postgres://user:pass@host:5432/db' }),
  ),
  DATA_DIR: Type.Optional(Type.String({ minLength: 1, description: 'a directory path' })),
  PIAZZA_ENV: Type.Optional(
    Type.Union([Type.Literal('development'), Type.Literal('production')], {
      description: '"development" or "production"',
    }),
  ),
  SESSION_SECRET: Type.Optional(Type.String({ minLength: 32, description: 'a random secret of at least 32 characters' })),
  SMTP_URL: Type.Optional(Type.String({ pattern: '^smtps?://', description: 'an SMTP URL, smtp://user:pass@host:587' })),
  MAIL_FROM: Type.Optional(Type.String({ minLength: 3, description: 'a sender such as "Comune <noreply@comune.it>"' })),
  DELIVERY_MODE: Type.Optional(
    Type.Union([Type.Literal('sink'), Type.Literal('smtp')], { description: '"sink" or "smtp"' }),
  ),
  SEED_DEMO: Type.Optional(Bool),
  DEFAULT_TENANT: Type.Optional(Type.String({ pattern: '^[a-z0-9-]+$', description: 'a tenant slug' })),
  RATE_LIMIT_PER_MINUTE: Type.Optional(Type.String({ pattern: '^[1-9][0-9]*$', description: 'a positive integer' })),
  TRUST_PROXY: Type.Optional(Bool),
  LOG_LEVEL: Type.Optional(
    Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)), {
      description: 'one of fatal, error, warn, info, debug, trace, silent',
    }),
  ),
  RUN_WORKERS: Type.Optional(Bool),
  METRICS_TOKEN: Type.Optional(Type.String({ minLength: 16, description: 'a token of at least 16 characters' })),
  UPLOAD_MAX_BYTES: Type.Optional(Type.String({ pattern: '^[1-9][0-9]*$', description: 'a positive integer (bytes)' })),
  AI_BASE_URL: Type.Optional(Type.String({ pattern: '^https?://', description: 'an http(s) URL' })),
});

type Env = Static<typeof EnvSchema>;

export interface Config {
  env: 'development' | 'production';
  isProduction: boolean;
  port: number;
  host: string;
  baseUrl: string;
  databaseUrl: string | undefined;
  dataDir: string;
  sessionSecret: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  deliveryMode: 'sink' | 'smtp';
  seedDemo: boolean;
  defaultTenant: string | undefined;
  rateLimitPerMinute: number;
  trustProxy: boolean;
  logLevel: string;
  runWorkers: boolean;
  metricsToken: string | undefined;
  uploadMaxBytes: number;
  aiBaseUrl: string | undefined;
  /** true when cookies must carry the Secure flag (BASE_URL is https). */
  secureCookies: boolean;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Every variable piazza reads (.env.example documents each one). */
export const KNOWN = Object.keys(EnvSchema.properties) as (keyof Env)[];

function bool(v: string | undefined, dflt: boolean): boolean {
  if (v === undefined) return dflt;
  return v === 'true' || v === '1';
}

/**
 * Decode the environment. Throws ConfigError naming every bad variable and what it expects.
 * Empty strings count as unset, so `FOO=` in an .env file means "use the default".
 */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const raw: Record<string, string> = {};
  for (const key of KNOWN) {
    const v = source[key];
    if (v !== undefined && v !== '') raw[key] = v;
  }
  const problems: string[] = [];
  for (const err of Value.Errors(EnvSchema, raw)) {
    const name = err.path.replace(/^\//, '');
    const schema = (EnvSchema.properties as Record<string, { description?: string }>)[name];
    problems.push(`${name}=${JSON.stringify(raw[name] ?? '')} is invalid: expected ${schema?.description ?? err.message}`);
  }
  const env = raw as Env;
  const port = env.PORT === undefined ? 3000 : Number(env.PORT);
  if (env.PORT !== undefined && (port < 1 || port > 65535)) {
    problems.push(`PORT=${JSON.stringify(env.PORT)} is invalid: expected a TCP port number (1–65535)`);
  }
  if (problems.length > 0) throw new ConfigError(dedupe(problems));

  const pEnv = env.PIAZZA_ENV ?? 'development';
  const isProduction = pEnv === 'production';
  const dataDir = resolve(env.DATA_DIR ?? './data');
  const baseUrl = (env.BASE_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
  const deliveryMode = env.DELIVERY_MODE ?? (isProduction ? 'smtp' : 'sink');

  if (isProduction) {
    if (!env.SESSION_SECRET) problems.push('SESSION_SECRET is required in production: expected a random secret of at least 32 characters');
    if (!env.BASE_URL) problems.push('BASE_URL is required in production: expected the public https URL of the site');
    else if (!baseUrl.startsWith('https://')) problems.push(`BASE_URL=${JSON.stringify(env.BASE_URL)} is invalid in production: expected an https URL`);
    if (deliveryMode === 'smtp' && !env.SMTP_URL) problems.push('SMTP_URL is required when DELIVERY_MODE is smtp (the production default): expected an SMTP URL, or set DELIVERY_MODE=sink');
    if (bool(env.SEED_DEMO, false)) problems.push('SEED_DEMO=true is not allowed in production: demo data and demo logins exist only in development');
  } else if (deliveryMode === 'smtp' && !env.SMTP_URL) {
    problems.push('SMTP_URL is required when DELIVERY_MODE=smtp: expected an SMTP URL such as smtp://localhost:1025');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    env: pEnv,
    isProduction,
    port,
    host: env.HOST ?? '0.0.0.0',
    baseUrl,
    databaseUrl: env.DATABASE_URL,
    dataDir,
    sessionSecret: env.SESSION_SECRET ?? developmentSecret(dataDir),
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM ?? 'piazza <noreply@localhost>',
    deliveryMode,
    seedDemo: bool(env.SEED_DEMO, !isProduction),
    defaultTenant: env.DEFAULT_TENANT,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE ? Number(env.RATE_LIMIT_PER_MINUTE) : 300,
    trustProxy: bool(env.TRUST_PROXY, false),
    logLevel: env.LOG_LEVEL ?? 'info',
    runWorkers: bool(env.RUN_WORKERS, true),
    metricsToken: env.METRICS_TOKEN,
    uploadMaxBytes: env.UPLOAD_MAX_BYTES ? Number(env.UPLOAD_MAX_BYTES) : 10 * 1024 * 1024,
    aiBaseUrl: env.AI_BASE_URL,
    secureCookies: baseUrl.startsWith('https://'),
  };
}

function dedupe(xs: string[]): string[] {
  return [...new Set(xs)];
}

/** Development only: a random secret generated once and kept in the data dir, so sessions survive restarts. */
function developmentSecret(dataDir: string): string {
  const file = join(dataDir, '.session-secret');
  if (existsSync(file)) {
    const s = readFileSync(file, 'utf8').trim();
    if (s.length >= 32) return s;
  }
  mkdirSync(dataDir, { recursive: true });
  const s = randomBytes(32).toString('base64url');
  writeFileSync(file, s + '\n', { mode: 0o600 });
  return s;
}

/** Load config or exit the process with a readable report and a non-zero code. */
export function loadConfigOrExit(source: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(source);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`piazza: cannot start.\n${err.message}\nSee .env.example for every variable and its default.`);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
}
