import { defineConfig } from 'drizzle-kit';

/** The central MySQL/MariaDB schema head office queries; applied by src-main/sync/central-migrate.ts. */
export default defineConfig({
  dialect: 'mysql',
  schema: './src-main/sync/central-schema.ts',
  out: './src-main/db/migrations/central',
});
