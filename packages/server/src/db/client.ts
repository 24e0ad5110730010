// Opens the one database the server uses: embedded PostgreSQL (PGlite) in a data directory by
// default, so nothing has to be installed, or a PostgreSQL server when a URL is given
// (DATABASE_URL). Both are driven through drizzle with the same schema, and the same SQL
// migrations (packages/server/drizzle/) are applied here at start. On PostgreSQL the migration
// runs under an advisory lock, so several instances can start against one database at once.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema.js';

export type Schema = typeof schema;
/** The drizzle database both back ends are used through. */
export type AppDb = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  /** the data directory (PGlite) or the server URL without its password (PostgreSQL) */
  readonly location: string;
  readonly db: AppDb;
  /** resolves when the database answers a query; rejects otherwise */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** a postgres:// URL: use PostgreSQL */
  url?: string;
  /** PGlite data directory (created if missing); default ./.ldn-data */
  dataDir?: string;
  /** PGlite in memory (tests) */
  memory?: boolean;
  /** apply the migrations (default true) */
  migrate?: boolean;
}

/** packages/server/drizzle, from src/db or dist/db alike */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../drizzle', import.meta.url));

const MIGRATION_LOCK = 7_246_001; // pg_advisory_lock key of the migration (any fixed number)

/** The URL with its password replaced, for logs and /api/health. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres (unparsable URL)';
  }
}

export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const doMigrate = options.migrate !== false;
  if (options.url !== undefined && options.url !== '') {
    const pool = new pg.Pool({ connectionString: options.url, max: 10, connectionTimeoutMillis: 5000 });
    // an idle client's network error must not crash the process; queries report it themselves
    pool.on('error', () => undefined);
    if (doMigrate) {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
        await migratePg(drizzlePg({ client, schema }), { migrationsFolder: MIGRATIONS_DIR });
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
        client.release();
      }
    }
    const db = drizzlePg({ client: pool, schema }) as unknown as AppDb;
    let closed = false;
    return {
      kind: 'postgres',
      location: redactUrl(options.url),
      db,
      async ping() {
        await db.execute(sql`select 1`);
      },
      async close() {
        if (closed) return;
        closed = true;
        await pool.end();
      },
    };
  }
  let location = 'memory';
  let client: PGlite;
  if (options.memory === true) client = new PGlite();
  else {
    location = resolve(options.dataDir ?? '.ldn-data');
    mkdirSync(location, { recursive: true });
    client = new PGlite(location);
  }
  await client.waitReady;
  const pdb = drizzlePglite({ client, schema });
  if (doMigrate) await migratePglite(pdb, { migrationsFolder: MIGRATIONS_DIR });
  const db = pdb as unknown as AppDb;
  return {
    kind: 'pglite',
    location,
    db,
    async ping() {
      if (client.closed) throw new Error('the embedded database is closed');
      await client.query('select 1');
    },
    async close() {
      if (!client.closed) await client.close();
    },
  };
}
