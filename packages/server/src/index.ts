// @ldn/server: the HTTP API and database of LDN Workbench. `buildServer` makes the app (tests use
// it with inject()), `startServer` opens the database and listens (`ldn serve`).
export { buildServer, DEFAULT_BODY_LIMIT, DEFAULT_RATE_LIMIT, DEFAULT_WEB_DIST, type BuildOptions } from './app.js';
export { openDatabase, redactUrl, MIGRATIONS_DIR, type Database, type DatabaseOptions } from './db/client.js';
export { Repository } from './db/repository.js';
export { JobRegistry } from './jobs/registry.js';
export { startServer, resolveDataDir, type StartOptions, type RunningServer } from './listen.js';
