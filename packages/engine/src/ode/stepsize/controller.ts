// The interface between a solver and its step-size controller. As in diffrax, choosing the next
// step is a separate concern from advancing the solution: every adaptive solver produces an error
// norm and asks a controller whether to accept the step and how large the next one should be.
// Controllers are small mutable objects, created once per `integrate` call by a factory, so that
// deciding a step allocates nothing.

export interface StepSizeController {
  /** Called once at the start of every integration (segment); forgets the step history. */
  reset(hmax: number): void;
  /**
   * Judges a step of size `h` whose scaled error norm is `err` (accept when err <= 1). Returns
   * true to accept. Either way the step to try next is then in `hNext` (never above hmax).
   * `err` may be +Infinity (a stage overflowed): the step is then rejected with the largest cut.
   */
  decide(h: number, err: number): boolean;
  /** the step size proposed by the last call to `decide` */
  readonly hNext: number;
}

/** Makes a fresh controller; solvers call it once per `integrate` call. */
export type ControllerFactory = () => StepSizeController;
