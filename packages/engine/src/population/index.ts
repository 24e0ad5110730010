// Virtual populations: seeded cohorts with between-patient variability and covariates, run in
// chunks that any worker (Node thread, browser Web Worker) can execute, merged into percentile
// bands and cohort summaries.
export * from './detmath.js';
export * from './random.js';
export * from './variability.js';
export * from './covariates.js';
export * from './cohort.js';
export * from './sketch.js';
export * from './run.js';
