// drizzle-kit configuration: `npm run db:generate -w @ldn/server` writes the SQL migration for a
// change of src/db/schema.ts into drizzle/. The same files migrate PGlite and PostgreSQL.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './drizzle',
});
