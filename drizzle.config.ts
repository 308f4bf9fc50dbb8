import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` turns schema changes into a new committed SQL migration in migrations/.
// Hand-written SQL (RLS policies, text-search configs) goes in custom migrations:
//   npx drizzle-kit generate --custom --name=<what>
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema.ts',
  out: './migrations',
  casing: 'snake_case',
});
