// Sensitivity analysis: a generic core (local derivatives, Morris screening, Sobol' indices) over
// any function from named parameters to named metrics, and its application to the LDN model.
export * from './types.js';
export * from './random.js';
export * from './sobol-sequence.js';
export * from './local.js';
export * from './morris.js';
export * from './sobol.js';
export * from './ldn.js';
