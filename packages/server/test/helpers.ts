// Test helpers: the database back ends every DB suite runs against (PGlite always; PostgreSQL when
// TEST_DATABASE_URL is set, as .ci/run does), each test file on its own fresh database so files
// stay isolated, and a server built on it with inject() and no port.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { buildServer, type BuildOptions } from '../src/app.js';
import { openDatabase, type Database } from '../src/db/client.js';

export interface Backend {
  name: 'pglite' | 'postgres';
  /** opens a fresh, migrated database; `drop` removes it afterwards */
  open(): Promise<{ database: Database; drop: () => Promise<void> }>;
}

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? '';

const pglite: Backend = {
  name: 'pglite',
  async open() {
    const database = await openDatabase({ memory: true });
    return { database, drop: () => database.close() };
  },
};

const postgres: Backend = {
  name: 'postgres',
  async open() {
    const name = `ldn_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(TEST_DATABASE_URL);
    url.pathname = `/${name}`;
    const database = await openDatabase({ url: url.toString() });
    return {
      database,
      async drop() {
        await database.close();
        const a = new pg.Client({ connectionString: TEST_DATABASE_URL });
        await a.connect();
        await a.query(`drop database if exists ${name} with (force)`);
        await a.end();
      },
    };
  },
};

/** PGlite, plus PostgreSQL when TEST_DATABASE_URL is set. */
export const BACKENDS: Backend[] = TEST_DATABASE_URL === '' ? [pglite] : [pglite, postgres];

/** A server on a fresh database of `backend` (rate limit off unless asked for). */
export async function testServer(backend: Backend, options: Partial<BuildOptions> = {}) {
  const { database, drop } = await backend.open();
  const app = await buildServer({ database, logger: false, rateLimit: false, ...options });
  return {
    app,
    database,
    async close() {
      await app.close();
      await drop();
    },
  };
}

/** JSON body of an inject() response. */
export function json<T = Record<string, unknown>>(res: { body: string }): T {
  return JSON.parse(res.body) as T;
}
