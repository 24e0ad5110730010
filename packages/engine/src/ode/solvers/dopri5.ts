// Dormand–Prince 5(4), the explicit workhorse for non-stiff PK/PD systems: seven stages with the
// "first same as last" property (six right-hand-side evaluations per step), the 4th-order
// embedded solution for error control, and the 4th-order continuous extension of Shampine (1986)
// as given in Hairer, Nørsett & Wanner, Solving ODEs I, §II.6 (the DOPRI5 code's "dense output").
// Written here from the published tableau: there is no maintained, allocation-free TypeScript
// implementation with dense output to depend on, and this loop is the inner loop of population
// simulations.
//
// Tableau: Dormand & Prince (1980), J. Comput. Appl. Math. 6:19–26; error coefficients and dense
// output coefficients d_i as in Hairer's dopri5.f.

import type { DenseStep, OdeSystem, SegmentResult, Solver, StepControl } from '../types.js';
import type { ControllerFactory } from '../stepsize/controller.js';
import { PIController } from '../stepsize/pi.js';
import { initialStep } from '../stepsize/initial-step.js';
import { errorNorm, firstNonFinite, resolveControl, throwNonFiniteRhs } from '../stepsize/tolerance.js';
import { checkSegment, guardStep } from './segment.js';

const NAME = 'dopri5';

const C2 = 1 / 5;
const C3 = 3 / 10;
const C4 = 4 / 5;
const C5 = 8 / 9;
const A21 = 1 / 5;
const A31 = 3 / 40;
const A32 = 9 / 40;
const A41 = 44 / 45;
const A42 = -56 / 15;
const A43 = 32 / 9;
const A51 = 19372 / 6561;
const A52 = -25360 / 2187;
const A53 = 64448 / 6561;
const A54 = -212 / 729;
const A61 = 9017 / 3168;
const A62 = -355 / 33;
const A63 = 46732 / 5247;
const A64 = 49 / 176;
const A65 = -5103 / 18656;
// 5th-order weights (also row 7 of the tableau: FSAL)
const A71 = 35 / 384;
const A73 = 500 / 1113;
const A74 = 125 / 192;
const A75 = -2187 / 6784;
const A76 = 11 / 84;
// error = 5th-order minus 4th-order weights
const E1 = 71 / 57600;
const E3 = -71 / 16695;
const E4 = 71 / 1920;
const E5 = -17253 / 339200;
const E6 = 22 / 525;
const E7 = -1 / 40;
// continuous extension (Shampine 1986, in Hairer's form)
const D1 = -12715105075 / 11282082432;
const D3 = 87487479700 / 32700410799;
const D4 = -10690763975 / 1880347072;
const D5 = 701980252875 / 199316789632;
const D6 = -1453857185 / 822651844;
const D7 = 69997945 / 29380423;

/** stage abscissae, indexed by stage number - 1, for error messages */
const STAGE_C = [0, C2, C3, C4, C5, 1, 1] as const;

/**
 * The dense output of the current step. One object per integration, updated in place after every
 * accepted step (the solver swaps buffers rather than copying, so the references change): it is
 * valid only during the `onStep` callback. The interpolation coefficients are computed on first
 * use, so steps with no output time in them cost nothing extra.
 */
class Dopri5DenseStep implements DenseStep {
  t0 = 0;
  t1 = 0;
  h = 0;
  ready = false;
  /** state at t0 and t1, and the stage derivatives of the step */
  y0: Float64Array;
  y1: Float64Array;
  k1: Float64Array;
  k3: Float64Array;
  k4: Float64Array;
  k5: Float64Array;
  k6: Float64Array;
  k7: Float64Array;
  private readonly r2: Float64Array;
  private readonly r3: Float64Array;
  private readonly r4: Float64Array;
  private readonly r5: Float64Array;

  constructor(private readonly n: number) {
    const empty = new Float64Array(0);
    this.y0 = this.y1 = this.k1 = this.k3 = this.k4 = this.k5 = this.k6 = this.k7 = empty;
    this.r2 = new Float64Array(n);
    this.r3 = new Float64Array(n);
    this.r4 = new Float64Array(n);
    this.r5 = new Float64Array(n);
  }

  interpolate(t: number, out: Float64Array): void {
    if (!this.ready) this.prepare();
    const n = this.n;
    const theta = (t - this.t0) / this.h;
    const theta1 = 1 - theta;
    const { y0, r2, r3, r4, r5 } = this;
    for (let i = 0; i < n; i++) {
      out[i] = y0[i]! + theta * (r2[i]! + theta1 * (r3[i]! + theta * (r4[i]! + theta1 * r5[i]!)));
    }
  }

  private prepare(): void {
    const { n, h, y0, y1, k1, k3, k4, k5, k6, k7, r2, r3, r4, r5 } = this;
    for (let i = 0; i < n; i++) {
      const ydiff = y1[i]! - y0[i]!;
      const bspl = h * k1[i]! - ydiff;
      r2[i] = ydiff;
      r3[i] = bspl;
      r4[i] = ydiff - h * k7[i]! - bspl;
      r5[i] = h * (D1 * k1[i]! + D3 * k3[i]! + D4 * k4[i]! + D5 * k5[i]! + D6 * k6[i]! + D7 * k7[i]!);
    }
    this.ready = true;
  }
}

export interface Dopri5Options {
  /** step-size controller; default Hairer's PI controller (beta 0.04) */
  controller?: ControllerFactory;
}

const defaultController: ControllerFactory = () => new PIController({ exponent: 1 / 5, beta: 0.04 });

/** Makes a Dormand–Prince 5(4) solver, optionally with another step-size controller. */
export function createDopri5(options: Dopri5Options = {}): Solver {
  const makeController = options.controller ?? defaultController;

  function integrate(
    system: OdeSystem,
    t0: number,
    y0: Float64Array,
    t1: number,
    control: StepControl,
    onStep: (step: DenseStep) => void,
  ): SegmentResult {
    const n = system.dimension;
    checkSegment(NAME, n, y0, t0, t1);
    const { rtol, atol, h0, hmax, maxSteps } = resolveControl(control, n, NAME);

    // all work arrays of this integration; y/y1 and k1/k7 are swapped, never copied, per step
    let y = Float64Array.from(y0);
    let y1 = new Float64Array(n);
    let k1 = new Float64Array(n);
    let k7 = new Float64Array(n);
    const ys = new Float64Array(n);
    const k2 = new Float64Array(n);
    const k3 = new Float64Array(n);
    const k4 = new Float64Array(n);
    const k5 = new Float64Array(n);
    const k6 = new Float64Array(n);
    const err = new Float64Array(n);
    const dense = new Dopri5DenseStep(n);
    dense.k3 = k3;
    dense.k4 = k4;
    dense.k5 = k5;
    dense.k6 = k6;
    const controller = makeController();
    controller.reset(hmax);

    system.rhs(t0, y, k1);
    let nfev = 1;
    const bad = firstNonFinite(k1, n);
    if (bad >= 0) throwNonFiniteRhs(NAME, t0, bad, k1[bad]!);

    let h: number;
    if (h0 !== undefined) {
      h = Math.min(h0, hmax);
    } else {
      h = initialStep(system, t0, y, k1, 5, hmax, atol, rtol, y1, k2);
      nfev++;
    }

    let t = t0;
    let accepted = 0;
    let rejected = 0;
    let hLast = h;

    for (;;) {
      guardStep(NAME, accepted + rejected, maxSteps, t, t1, h, 'the problem may be stiff (try rodas4) or need a larger control.maxSteps');
      const hUntruncated = h;
      let last = false;
      if (t + 1.01 * h >= t1) {
        h = t1 - t;
        last = true;
      }

      // stages 2..7 (k1 = f(t, y) is known: first same as last); coefficients times h as locals
      const a21 = h * A21;
      const a31 = h * A31, a32 = h * A32;
      const a41 = h * A41, a42 = h * A42, a43 = h * A43;
      const a51 = h * A51, a52 = h * A52, a53 = h * A53, a54 = h * A54;
      const a61 = h * A61, a62 = h * A62, a63 = h * A63, a64 = h * A64, a65 = h * A65;
      const a71 = h * A71, a73 = h * A73, a74 = h * A74, a75 = h * A75, a76 = h * A76;
      const e1 = h * E1, e3 = h * E3, e4 = h * E4, e5 = h * E5, e6 = h * E6, e7 = h * E7;
      for (let i = 0; i < n; i++) ys[i] = y[i]! + a21 * k1[i]!;
      system.rhs(t + C2 * h, ys, k2);
      for (let i = 0; i < n; i++) ys[i] = y[i]! + a31 * k1[i]! + a32 * k2[i]!;
      system.rhs(t + C3 * h, ys, k3);
      for (let i = 0; i < n; i++) ys[i] = y[i]! + a41 * k1[i]! + a42 * k2[i]! + a43 * k3[i]!;
      system.rhs(t + C4 * h, ys, k4);
      for (let i = 0; i < n; i++) ys[i] = y[i]! + a51 * k1[i]! + a52 * k2[i]! + a53 * k3[i]! + a54 * k4[i]!;
      system.rhs(t + C5 * h, ys, k5);
      for (let i = 0; i < n; i++) {
        ys[i] = y[i]! + a61 * k1[i]! + a62 * k2[i]! + a63 * k3[i]! + a64 * k4[i]! + a65 * k5[i]!;
      }
      const tNew = last ? t1 : t + h;
      system.rhs(tNew, ys, k6);
      for (let i = 0; i < n; i++) {
        y1[i] = y[i]! + a71 * k1[i]! + a73 * k3[i]! + a74 * k4[i]! + a75 * k5[i]! + a76 * k6[i]!;
      }
      system.rhs(tNew, y1, k7);
      nfev += 6;
      for (let i = 0; i < n; i++) {
        err[i] = e1 * k1[i]! + e3 * k3[i]! + e4 * k4[i]! + e5 * k5[i]! + e6 * k6[i]! + e7 * k7[i]!;
      }
      let errNorm = errorNorm(err, y, y1, atol, rtol, n);
      if (Number.isNaN(errNorm)) errNorm = diagnoseNaN([k1, k2, k3, k4, k5, k6, k7], n, t, h);

      if (controller.decide(h, errNorm)) {
        accepted++;
        dense.t0 = t;
        dense.t1 = tNew;
        dense.h = h;
        dense.y0 = y;
        dense.y1 = y1;
        dense.k1 = k1;
        dense.k7 = k7;
        dense.ready = false;
        onStep(dense);
        const yOld = y;
        y = y1;
        y1 = yOld;
        const kOld = k1;
        k1 = k7; // first same as last
        k7 = kOld;
        t = tNew;
        if (last) {
          // the natural step, not the one shortened to land on t1
          hLast = h < hUntruncated ? hUntruncated : controller.hNext;
          break;
        }
        h = controller.hNext;
      } else {
        rejected++;
        h = controller.hNext;
      }
    }

    return { y, hLast, accepted, rejected, rhsEvaluations: nfev, jacobianEvaluations: 0 };
  }

  return { name: NAME, order: 5, stiff: false, integrate };
}

/**
 * Slow path, taken only when the error norm is NaN: finds the first stage whose derivative is not
 * finite. NaN there is the right-hand side's fault and is reported; an infinite derivative is
 * treated as an overflow from too large a step, so the step is rejected (returns +Infinity).
 */
function diagnoseNaN(stages: readonly Float64Array[], n: number, t: number, h: number): number {
  for (let s = 0; s < stages.length; s++) {
    const k = stages[s]!;
    const i = firstNonFinite(k, n);
    if (i >= 0) {
      if (Number.isNaN(k[i]!)) throwNonFiniteRhs(NAME, t + STAGE_C[s]! * h, i, k[i]!);
      return Infinity;
    }
  }
  return Infinity;
}

/** Dormand–Prince 5(4) with Hairer's PI step-size control and 4th-order dense output. */
export const dopri5: Solver = createDopri5();
