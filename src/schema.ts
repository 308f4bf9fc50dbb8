// The whole database schema: core tables plus every module's schema.ts (drizzle-kit reads this file).
export * from './core/db/schema.ts';
export * from './modules/site/schema.ts';
export * from './modules/reports/schema.ts';
