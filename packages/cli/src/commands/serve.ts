// `ldn serve`: the workbench as one process: the web app and the HTTP API on one port, on the
// embedded database (PGlite in --data-dir, LDN_DATA_DIR or ./.ldn-data) or on PostgreSQL when
// DATABASE_URL is set. Migrations are applied at start; the URL is printed; SIGINT/SIGTERM stop
// it cleanly (jobs ended, connections closed, database closed). `npm start` runs this.
import type { Command } from 'commander';
import { resolveDataDir, startServer, type RunningServer } from '@ldn/server';
import { UsageError } from '../errors.js';
import { parseNumberOption } from '../options.js';

export const DEFAULT_PORT = 8080;

export interface ServeFlags {
  port?: string;
  host: string;
  dataDir?: string;
}

export interface ServeContext {
  env?: NodeJS.ProcessEnv;
  /** resolves the command when aborted (tests); otherwise SIGINT/SIGTERM do */
  signal?: AbortSignal;
  print?: (line: string) => void;
  /** called once the server listens */
  onListening?: (server: RunningServer) => void;
}

/** --port, else PORT, else 8080; 0 picks a free port. */
export function resolvePort(flag: string | undefined, env: NodeJS.ProcessEnv): number {
  if (flag !== undefined) return parseNumberOption('--port', flag, { min: 0, max: 65535, integer: true });
  if (env.PORT !== undefined && env.PORT !== '') return parseNumberOption('PORT', env.PORT, { min: 0, max: 65535, integer: true });
  return DEFAULT_PORT;
}

export async function serve(flags: ServeFlags, ctx: ServeContext = {}): Promise<void> {
  const env = ctx.env ?? process.env;
  const print = ctx.print ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const port = resolvePort(flags.port, env);
  const databaseUrl = env.DATABASE_URL !== undefined && env.DATABASE_URL !== '' ? env.DATABASE_URL : undefined;
  const dataDir = resolveDataDir(flags.dataDir, env);
  // LDN_RATE_LIMIT: requests per minute per client (default 1200; 0 turns the limit off, e.g. for a benchmark)
  // LDN_SIMULATE_WORKERS: worker threads for simulate/compare (default: one per core, at most 4; 0 = on the event loop)
  const workers = env.LDN_SIMULATE_WORKERS !== undefined && env.LDN_SIMULATE_WORKERS !== '' ? parseNumberOption('LDN_SIMULATE_WORKERS', env.LDN_SIMULATE_WORKERS, { min: 0, max: 64, integer: true }) : undefined;
  const limit = env.LDN_RATE_LIMIT !== undefined && env.LDN_RATE_LIMIT !== '' ? parseNumberOption('LDN_RATE_LIMIT', env.LDN_RATE_LIMIT, { min: 0, max: 1e9, integer: true }) : undefined;
  let server: RunningServer;
  try {
    server = await startServer({
      port,
      host: flags.host,
      ...(databaseUrl !== undefined ? { databaseUrl } : { dataDir }),
      logger: { level: 'warn', stream: process.stderr },
      ...(workers !== undefined ? { simulateWorkers: workers } : {}),
      ...(limit !== undefined ? { rateLimit: limit === 0 ? (false as const) : { max: limit, timeWindow: '1 minute' } } : {}),
    });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE') throw new UsageError(`port ${port} on ${flags.host} is in use; choose another with --port or PORT`);
    if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND') throw new UsageError(`--host ${flags.host} is not an address of this machine`);
    if (err.code === 'EACCES') throw new UsageError(`port ${port} needs more privileges; use a port above 1023`);
    if (databaseUrl !== undefined) throw new Error(`cannot use the PostgreSQL database of DATABASE_URL: ${err.message}`);
    throw new Error(`cannot open the embedded database in ${dataDir}: ${err.message}`);
  }
  print(`LDN Workbench running at ${server.url} (database: ${server.database.kind} at ${server.database.location})`);
  ctx.onListening?.(server);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      ctx.signal?.removeEventListener('abort', stop);
      resolve();
    };
    if (ctx.signal !== undefined) {
      if (ctx.signal.aborted) return stop();
      ctx.signal.addEventListener('abort', stop);
    } else {
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    }
  });
  await server.close();
  print('LDN Workbench stopped');
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the workbench: the web app and the HTTP API on one port, on the embedded database (or PostgreSQL with DATABASE_URL)')
    .option('--port <n>', `port (default: PORT, else ${DEFAULT_PORT}; 0 picks a free one)`)
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--data-dir <dir>', 'embedded database directory (default: LDN_DATA_DIR, else ./.ldn-data)')
    .action(async (flags: ServeFlags) => {
      await serve(flags);
    });
}
