// Must be the first import of each entry (main.tsx, sim.worker.ts). zod 4 compiles object parsers
// with `new Function` when it can, deciding when each schema is created; the server's CSP forbids
// eval, so the attempt is blocked and Chromium reports a CSP violation on every page load. Telling
// zod not to try, before @ldn/engine creates its schemas, keeps the console clean (parsing is the
// same, only not JIT-compiled).
import { config } from 'zod';

config({ jitless: true });
