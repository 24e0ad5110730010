// Starting the workbench for real (`ldn serve`): choose the database (DATABASE_URL → PostgreSQL,
// else PGlite in --data-dir / LDN_DATA_DIR / ./.ldn-data), apply migrations, build the app,
// listen, and shut down cleanly (jobs stopped, connections closed, database closed) on demand.
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { buildServer, type BuildOptions } from './app.js';
import { openDatabase, type Database } from './db/client.js';

export interface StartOptions {
  port: number;
  host: string;
  /** PGlite data directory (ignored when databaseUrl is set) */
  dataDir?: string;
  databaseUrl?: string;
  logger?: BuildOptions['logger'];
  rateLimit?: BuildOptions['rateLimit'];
  webDist?: string;
  /** worker threads for simulate/compare (default: one per core, at most 4) */
  simulateWorkers?: number;
}

export interface RunningServer {
  url: string;
  database: Database;
  close(): Promise<void>;
}

/** --data-dir, else LDN_DATA_DIR, else ./.ldn-data */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(flag ?? (env.LDN_DATA_DIR !== undefined && env.LDN_DATA_DIR !== '' ? env.LDN_DATA_DIR : '.ldn-data'));
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const database = await openDatabase(options.databaseUrl !== undefined && options.databaseUrl !== '' ? { url: options.databaseUrl } : { dataDir: options.dataDir ?? resolveDataDir(undefined) });
  let app;
  try {
    app = await buildServer({ database, logger: options.logger ?? false, simulateWorkers: options.simulateWorkers ?? Math.min(4, availableParallelism()), ...(options.rateLimit !== undefined ? { rateLimit: options.rateLimit } : {}), ...(options.webDist !== undefined ? { webDist: options.webDist } : {}) });
    await app.listen({ port: options.port, host: options.host });
  } catch (e) {
    await app?.close().catch(() => undefined);
    await database.close();
    throw e;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    database,
    close() {
      closing ??= (async () => {
        await app.close();
        await database.close();
      })();
      return closing;
    },
  };
}
