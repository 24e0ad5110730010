// Everything that is not the API: the web app's build (packages/web/dist) with a fallback to its
// index.html for client-side routes, or, before the web app is built, a plain page that says how
// to build it. Unknown /api paths get a JSON 404 in the API's error shape.
import { existsSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { ErrorBody } from '../errors.js';

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>LDN Workbench</title></head>
<body><h1>LDN Workbench</h1>
<p>The API is running: see <a href="/api/docs">/api/docs</a> and <a href="/api/openapi.json">/api/openapi.json</a>.</p>
<p>The web app is not built yet. Build it with <code>npm run build -w @ldn/web</code> (or <code>npm install</code> at the top of the repository) and restart <code>ldn serve</code>.</p>
</body></html>
`;

export function registerWeb(app: FastifyInstance, webDist: string): void {
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    if (path === '/api' || path.startsWith('/api/') || (req.method !== 'GET' && req.method !== 'HEAD')) {
      const body: ErrorBody = { error: { code: 'not_found', message: `no endpoint ${req.method} ${path.length > 200 ? `${path.slice(0, 200)}…` : path}; the endpoints are listed at /api/openapi.json`, field: null } };
      return reply.code(404).type('application/json; charset=utf-8').send(body);
    }
    // a missing asset (a path that names a file) is a 404: answering it with index.html would
    // make the browser load HTML as a script or stylesheet
    if (/\.[A-Za-z0-9]{1,8}$/.test(path)) return reply.code(404).type('text/plain; charset=utf-8').send(`not found: ${path.length > 200 ? `${path.slice(0, 200)}…` : path}`);
    if (existsSync(`${webDist}/index.html`)) return reply.type('text/html; charset=utf-8').sendFile('index.html', webDist);
    return reply.type('text/html; charset=utf-8').send(NOT_BUILT);
  });
}
