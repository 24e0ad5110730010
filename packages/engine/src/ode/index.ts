// Public API of the generic ODE core: the contract (types), the one entry point (solve), the
// solvers, and the step-size controllers for callers who need to choose one.

export * from './types.js';
export { solve, DEFAULT_ATOL, DEFAULT_RTOL } from './solve.js';
export type { SolveOptions, Solution, SolveStats } from './solve.js';
export { dopri5, createDopri5 } from './solvers/dopri5.js';
export type { Dopri5Options } from './solvers/dopri5.js';
export { rodas4, createRodas4 } from './solvers/rodas4.js';
export type { Rodas4Options } from './solvers/rodas4.js';
export type { StepSizeController, ControllerFactory } from './stepsize/controller.js';
export { PIController } from './stepsize/pi.js';
export type { PIControllerOptions } from './stepsize/pi.js';
export { PredictiveController } from './stepsize/predictive.js';
export type { PredictiveControllerOptions } from './stepsize/predictive.js';
export { ConstantStepController } from './stepsize/constant.js';
