// The solvers every generic test runs against.
import { dopri5, rodas4 } from '../../src/ode/index.js';
import type { Solver } from '../../src/ode/index.js';

export const SOLVERS: readonly Solver[] = [dopri5, rodas4];
export const SOLVER_CASES = SOLVERS.map((s) => [s.name, s] as const);
