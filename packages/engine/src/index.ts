// @ldn/engine: the isomorphic simulation engine (browser and Node). One entry point per concept:
// regimens → dose schedules, `simulate`, `summarize`, NCA, the LDN model and its parameter sets,
// calibration, and the generic ODE core.
export * from './ode/index.js';
export * from './units.js';
export * from './parameters/types.js';
export * from './parameters/sources.js';
export * from './model/types.js';
export * from './models/ldn/model.js';
export * from './models/ldn/parameters.js';
export { CALIBRATION } from './models/ldn/calibration.js';
export * from './regimen/clock.js';
export * from './regimen/schema.js';
export * from './regimen/expand.js';
export * from './regimen/nonmem.js';
export * from './simulate.js';
export * from './summary.js';
export * from './nca/nca.js';
export * from './nca/occupancy.js';
export * from './calibrate/index.js';
export * from './run.js';
export * from './models/modules/types.js';
export * from './models/ldn/compose.js';
export { reboundModule } from './models/rebound/module.js';
export { tlr4Module } from './models/tlr4/module.js';
export { ogfModule } from './models/ogf/module.js';
export * from './hypotheses.js';
export * from './symbolic/index.js';
export * from './compare.js';
export * from './models/ldn/equations.js';
export * from './sensitivity/index.js';
export * from './reports.js';
export * from './population/index.js';
export * from './format.js';
