// The contract between problems and solvers. A system of ODEs is data (a dimension and a
// right-hand side); a solver is a method that advances any system; `solve` (solve.ts) is the one
// entry point that handles output times and discontinuities (doses). Kept apart so that a model
// never knows which method integrates it, as in diffrax's terms / solvers / step-size controllers.

/** dy/dt = f(t, y). Implementations write into `dydt` and must not keep references to `y`. */
export interface OdeSystem {
  readonly dimension: number;
  rhs(t: number, y: Float64Array, dydt: Float64Array): void;
  /**
   * Optional analytic Jacobian ∂f/∂y, row-major n×n (jac[i*n+j] = ∂f_i/∂y_j). Stiff solvers use
   * it when present and fall back to finite differences otherwise.
   */
  jacobian?(t: number, y: Float64Array, jac: Float64Array): void;
  /**
   * Optional: true when f does not depend on t (doses are events, so PK models usually are).
   * Rosenbrock solvers then skip the finite-difference ∂f/∂t, one right-hand-side evaluation per
   * step. Default false; claiming it for a time-dependent f makes Rosenbrock steps inaccurate.
   */
  readonly autonomous?: boolean;
}

/** Error control and step limits shared by every adaptive solver. */
export interface StepControl {
  /** relative tolerance (per component) */
  rtol: number;
  /** absolute tolerance, scalar or per component */
  atol: number | Float64Array;
  /** initial step; chosen automatically (Hairer's algorithm) when absent */
  h0?: number;
  /** largest step allowed */
  hmax?: number;
  /** maximum accepted + rejected steps per segment before giving up */
  maxSteps?: number;
}

/** One accepted step, with an interpolant valid on [t0, t1]. */
export interface DenseStep {
  readonly t0: number;
  readonly t1: number;
  /** writes y(t) for t in [t0, t1] into `out` */
  interpolate(t: number, out: Float64Array): void;
}

export interface SegmentResult {
  /** the state at the segment's end */
  y: Float64Array;
  /** the last accepted step size, a good first step for the next segment */
  hLast: number;
  accepted: number;
  rejected: number;
  rhsEvaluations: number;
  jacobianEvaluations: number;
}

/** A numerical method. Solvers are stateless objects; all work state lives inside `integrate`. */
export interface Solver {
  readonly name: string;
  /** order of the propagated solution */
  readonly order: number;
  readonly stiff: boolean;
  /**
   * Integrates from t0 to t1 (t1 > t0), calling `onStep` after every accepted step. Throws
   * `SolverError` when the step size underflows or `maxSteps` is exceeded. The `DenseStep` passed
   * to `onStep` is one object reused for every step: it is valid only during the callback. The
   * last step ends exactly at t1. `y0` is not modified.
   */
  integrate(
    system: OdeSystem,
    t0: number,
    y0: Float64Array,
    t1: number,
    control: StepControl,
    onStep: (step: DenseStep) => void,
  ): SegmentResult;
}

/** A discontinuity: at `time` the state is changed (a dose enters a compartment) and integration restarts. */
export interface OdeEvent {
  time: number;
  apply(y: Float64Array): void;
}

export class SolverError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SolverError';
  }
}
