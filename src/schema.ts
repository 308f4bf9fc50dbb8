// The whole database schema: core tables plus every module's schema.ts (drizzle-kit reads this file).
export * from './core/db/schema.ts';
