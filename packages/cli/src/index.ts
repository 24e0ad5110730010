export { main } from './main.js';
export { buildProgram } from './program.js';
export { UsageError, EXIT } from './errors.js';
