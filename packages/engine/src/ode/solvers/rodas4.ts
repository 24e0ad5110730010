// RODAS4, an L-stable, stiffly accurate Rosenbrock method of order 4 with an embedded order-3
// estimate and a 3rd-order continuous extension (Hairer & Wanner, Solving ODEs II, 2nd ed.,
// §IV.7, Table 7.2 and §VI.3). Used for stiff systems (fast binding/receptor kinetics, very
// different absorption and elimination rates). We write our own because no stiff solver installs
// from npm here, and the engine must run in the browser without native code. A Rosenbrock method
// needs no Newton iteration: each step solves six linear systems with one LU factorisation of
// (1/(hγ))·I − J, using our small dense LU (../linalg/lu.ts).
//
// Tableau source: subroutine ROCOE (METH = 1) of Hairer & Wanner's RODAS Fortran code, rodas.f
// (http://www.unige.ch/~hairer/software.html), seen via the KPP port of that code, and checked
// against OrdinaryDiffEq.jl's Rodas4Tableau (src/tableaus/rosenbrock_tableaus.jl), which gives the
// same values. The code's form of the method (W-transformed, Solving ODEs II eq. (7.4')):
//   (1/(hγ) I − J) k_i = f(t + c_i h, y + Σ_{j<i} a_ij k_j) + Σ_{j<i} (c_ij/h) k_j + h d_i ∂f/∂t
//   y_emb = y + Σ a_5j k_j + k5   (order 3),   y1 = y_emb + k6   (order 4),   err = k6
// Dense output: y(t0 + θh) = (1−θ) y0 + θ (y1 + (1−θ)(q1 + θ q2)), q1 = Σ h2j k_j, q2 = Σ h3j k_j.
// The order conditions are checked numerically in test/ode/convergence-order.test.ts.

import { SolverError } from '../types.js';
import type { DenseStep, OdeSystem, SegmentResult, Solver, StepControl } from '../types.js';
import type { ControllerFactory } from '../stepsize/controller.js';
import { PredictiveController } from '../stepsize/predictive.js';
import { initialStep } from '../stepsize/initial-step.js';
import { errorNorm, firstNonFinite, resolveControl, throwNonFiniteRhs } from '../stepsize/tolerance.js';
import { checkSegment, guardStep } from './segment.js';
import { luFactor, luSolve } from '../linalg/lu.js';
import { FdJacobianWork, finiteDifferenceJacobian } from '../linalg/jacobian.js';

const NAME = 'rodas4';
const EPS = Number.EPSILON;

const GAMMA = 0.25;
const C2 = 0.386;
const C3 = 0.21;
const C4 = 0.63;
const D1 = 0.25;
const D2 = -0.1043;
const D3 = 0.1035;
const D4 = -0.3620000000000023e-1;
const A21 = 0.1544e1;
const A31 = 0.9466785280815826;
const A32 = 0.2557011698983284;
const A41 = 0.3314825187068521e1;
const A42 = 0.2896124015972201e1;
const A43 = 0.9986419139977817;
const A51 = 0.1221224509226641e1;
const A52 = 0.6019134481288629e1;
const A53 = 0.1253708332932087e2;
const A54 = -0.687886036105895;
const C21 = -0.56688e1;
const C31 = -0.2430093356833875e1;
const C32 = -0.2063599157091915;
const C41 = -0.1073529058151375;
const C42 = -0.9594562251023355e1;
const C43 = -0.2047028614809616e2;
const C51 = 0.7496443313967647e1;
const C52 = -0.1024680431464352e2;
const C53 = -0.3399990352819905e2;
const C54 = 0.117089089320616e2;
const C61 = 0.8083246795921522e1;
const C62 = -0.7981132988064893e1;
const C63 = -0.3152159432874371e2;
const C64 = 0.1631930543123136e2;
const C65 = -0.6058818238834054e1;
// continuous extension
const H21 = 0.1012623508344586e2;
const H22 = -0.7487995877610167e1;
const H23 = -0.3480091861555747e2;
const H24 = -0.7992771707568823e1;
const H25 = 0.1025137723295662e1;
const H31 = -0.6762803392801253;
const H32 = 0.6087714651680015e1;
const H33 = 0.1643084320892478e2;
const H34 = 0.2476722511418386e2;
const H35 = -0.6594389125716872e1;

/** a step whose LU fails this many times in a row (halving h each time) is an error */
const MAX_SINGULAR = 5;

/** Dense output of the current step; valid only during the `onStep` callback (see dopri5.ts). */
class Rodas4DenseStep implements DenseStep {
  t0 = 0;
  t1 = 0;
  h = 0;
  ready = false;
  y0: Float64Array;
  y1: Float64Array;
  private readonly q1: Float64Array;
  private readonly q2: Float64Array;

  constructor(
    private readonly n: number,
    private readonly k1: Float64Array,
    private readonly k2: Float64Array,
    private readonly k3: Float64Array,
    private readonly k4: Float64Array,
    private readonly k5: Float64Array,
  ) {
    this.y0 = this.y1 = new Float64Array(0);
    this.q1 = new Float64Array(n);
    this.q2 = new Float64Array(n);
  }

  interpolate(t: number, out: Float64Array): void {
    if (!this.ready) this.prepare();
    const { n, y0, y1, q1, q2 } = this;
    const theta = (t - this.t0) / this.h;
    const theta1 = 1 - theta;
    for (let i = 0; i < n; i++) {
      out[i] = theta1 * y0[i]! + theta * (y1[i]! + theta1 * (q1[i]! + theta * q2[i]!));
    }
  }

  private prepare(): void {
    const { n, k1, k2, k3, k4, k5, q1, q2 } = this;
    for (let i = 0; i < n; i++) {
      q1[i] = H21 * k1[i]! + H22 * k2[i]! + H23 * k3[i]! + H24 * k4[i]! + H25 * k5[i]!;
      q2[i] = H31 * k1[i]! + H32 * k2[i]! + H33 * k3[i]! + H34 * k4[i]! + H35 * k5[i]!;
    }
    this.ready = true;
  }
}

export interface Rodas4Options {
  /** step-size controller; default the predictive (Gustafsson) controller of RODAS */
  controller?: ControllerFactory;
  /**
   * 'auto' (default): the system's analytic Jacobian when it has one, else finite differences.
   * 'finite-difference': always finite differences (to test or distrust an analytic Jacobian).
   */
  jacobian?: 'auto' | 'finite-difference';
}

const defaultController: ControllerFactory = () => new PredictiveController({ exponent: 1 / 4 });

/** Makes a RODAS4 solver, optionally with another controller or forced finite-difference Jacobians. */
export function createRodas4(options: Rodas4Options = {}): Solver {
  const makeController = options.controller ?? defaultController;
  const forceFd = options.jacobian === 'finite-difference';

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
    const analytic = !forceFd && system.jacobian !== undefined;
    const autonomous = system.autonomous === true;

    // all work arrays of this integration
    let y = Float64Array.from(y0);
    let ynew = new Float64Array(n);
    const fy = new Float64Array(n); // f(t, y) at the step start
    const ft = new Float64Array(n); // ∂f/∂t at the step start
    const dy = new Float64Array(n); // stage right-hand side
    const ys = new Float64Array(n); // stage point
    const tmp = new Float64Array(n);
    const k1 = new Float64Array(n);
    const k2 = new Float64Array(n);
    const k3 = new Float64Array(n);
    const k4 = new Float64Array(n);
    const k5 = new Float64Array(n);
    const k6 = new Float64Array(n);
    const jac = new Float64Array(n * n);
    const lu = new Float64Array(n * n);
    const piv = new Int32Array(n);
    const fdWork = new FdJacobianWork(analytic ? 0 : n);
    const dense = new Rodas4DenseStep(n, k1, k2, k3, k4, k5);
    const controller = makeController();
    controller.reset(hmax);

    let nfev = 0;
    let njac = 0;
    /** evaluates f at a stage point; NaN is an error, ±Infinity marks the step as overflowed */
    let overflow = false;
    const stageRhs = (t: number, at: Float64Array, out: Float64Array): void => {
      system.rhs(t, at, out);
      nfev++;
      const i = firstNonFinite(out, n);
      if (i >= 0) {
        if (Number.isNaN(out[i]!)) throwNonFiniteRhs(NAME, t, i, out[i]!);
        overflow = true;
      }
    };

    let t = t0;
    system.rhs(t, y, fy);
    nfev++;
    const bad = firstNonFinite(fy, n);
    if (bad >= 0) throwNonFiniteRhs(NAME, t, bad, fy[bad]!);

    let h: number;
    if (h0 !== undefined) {
      h = Math.min(h0, hmax);
    } else {
      h = initialStep(system, t, y, fy, 4, hmax, atol, rtol, ys, dy);
      nfev++;
    }

    let accepted = 0;
    let rejected = 0;
    let singular = 0;
    let hLast = h;
    let fresh = true; // f, J and ∂f/∂t must be (re)computed at (t, y)

    for (;;) {
      guardStep(NAME, accepted + rejected, maxSteps, t, t1, h, 'increase control.maxSteps or loosen the tolerances');

      if (fresh) {
        // f(t, y) is in fy; the Jacobian and ∂f/∂t at the step start
        if (analytic) {
          system.jacobian!(t, y, jac);
        } else {
          nfev += finiteDifferenceJacobian(system, t, y, fy, atol, jac, fdWork);
        }
        njac++;
        const badJ = firstNonFinite(jac, n * n);
        if (badJ >= 0) {
          throw new SolverError(
            `${NAME}: the ${analytic ? 'analytic' : 'finite-difference'} Jacobian has ${String(jac[badJ])} ` +
              `at t=${t} in entry [${Math.floor(badJ / n)}][${badJ % n}] (∂f_${Math.floor(badJ / n)}/∂y_${badJ % n})`,
          );
        }
        if (!autonomous) {
          const delta = Math.sqrt(EPS * Math.max(1e-5, Math.abs(t)));
          system.rhs(t + delta, y, tmp);
          nfev++;
          for (let i = 0; i < n; i++) ft[i] = (tmp[i]! - fy[i]!) / delta;
        }
        fresh = false;
      }

      const hUntruncated = h;
      let last = false;
      if (t + 1.01 * h >= t1) {
        h = t1 - t;
        last = true;
      }

      // E = I/(hγ) − J, factorised
      const fac = 1 / (h * GAMMA);
      for (let i = 0; i < n * n; i++) lu[i] = -jac[i]!;
      for (let i = 0; i < n; i++) lu[i * n + i] = lu[i * n + i]! + fac;
      if (luFactor(lu, n, piv) !== 0) {
        singular++;
        if (singular >= MAX_SINGULAR) {
          throw new SolverError(
            `${NAME}: the matrix I/(hγ) − J is singular at t=${t} after ${MAX_SINGULAR} step-size halvings`,
          );
        }
        rejected++;
        h = 0.5 * hUntruncated;
        continue;
      }
      singular = 0;
      overflow = false;

      const hd1 = h * D1;
      const hd2 = h * D2;
      const hd3 = h * D3;
      const hd4 = h * D4;
      const ih = 1 / h;
      // stage 1
      for (let i = 0; i < n; i++) k1[i] = autonomous ? fy[i]! : fy[i]! + hd1 * ft[i]!;
      luSolve(lu, n, piv, k1);
      // stage 2
      for (let i = 0; i < n; i++) ys[i] = y[i]! + A21 * k1[i]!;
      stageRhs(t + C2 * h, ys, dy);
      for (let i = 0; i < n; i++) {
        k2[i] = dy[i]! + ih * (C21 * k1[i]!) + (autonomous ? 0 : hd2 * ft[i]!);
      }
      luSolve(lu, n, piv, k2);
      // stage 3
      for (let i = 0; i < n; i++) ys[i] = y[i]! + A31 * k1[i]! + A32 * k2[i]!;
      stageRhs(t + C3 * h, ys, dy);
      for (let i = 0; i < n; i++) {
        k3[i] = dy[i]! + ih * (C31 * k1[i]! + C32 * k2[i]!) + (autonomous ? 0 : hd3 * ft[i]!);
      }
      luSolve(lu, n, piv, k3);
      // stage 4
      for (let i = 0; i < n; i++) ys[i] = y[i]! + A41 * k1[i]! + A42 * k2[i]! + A43 * k3[i]!;
      stageRhs(t + C4 * h, ys, dy);
      for (let i = 0; i < n; i++) {
        k4[i] = dy[i]! + ih * (C41 * k1[i]! + C42 * k2[i]! + C43 * k3[i]!) + (autonomous ? 0 : hd4 * ft[i]!);
      }
      luSolve(lu, n, piv, k4);
      // stage 5 (at t + h; its point is the start of the embedded solution)
      const tNew = last ? t1 : t + h;
      for (let i = 0; i < n; i++) ys[i] = y[i]! + A51 * k1[i]! + A52 * k2[i]! + A53 * k3[i]! + A54 * k4[i]!;
      stageRhs(tNew, ys, dy);
      for (let i = 0; i < n; i++) {
        k5[i] = dy[i]! + ih * (C51 * k1[i]! + C52 * k2[i]! + C53 * k3[i]! + C54 * k4[i]!);
      }
      luSolve(lu, n, piv, k5);
      // stage 6 at the embedded solution; the new solution is y_emb + k6
      for (let i = 0; i < n; i++) ys[i] = ys[i]! + k5[i]!;
      stageRhs(tNew, ys, dy);
      for (let i = 0; i < n; i++) {
        k6[i] = dy[i]! + ih * (C61 * k1[i]! + C62 * k2[i]! + C63 * k3[i]! + C64 * k4[i]! + C65 * k5[i]!);
      }
      luSolve(lu, n, piv, k6);
      for (let i = 0; i < n; i++) ynew[i] = ys[i]! + k6[i]!;

      let errNorm = errorNorm(k6, y, ynew, atol, rtol, n);
      // NaN here can only come from overflow in the linear algebra: reject like an overflow
      if (overflow || Number.isNaN(errNorm)) errNorm = Infinity;

      if (controller.decide(h, errNorm)) {
        accepted++;
        dense.t0 = t;
        dense.t1 = tNew;
        dense.h = h;
        dense.y0 = y;
        dense.y1 = ynew;
        dense.ready = false;
        onStep(dense);
        const yOld = y;
        y = ynew;
        ynew = yOld;
        t = tNew;
        if (last) {
          hLast = h < hUntruncated ? hUntruncated : controller.hNext;
          break;
        }
        h = controller.hNext;
        system.rhs(t, y, fy);
        nfev++;
        const badF = firstNonFinite(fy, n);
        if (badF >= 0) {
          if (Number.isNaN(fy[badF]!)) throwNonFiniteRhs(NAME, t, badF, fy[badF]!);
          throw new SolverError(`${NAME}: the right-hand side is ${String(fy[badF])} at t=${t} in component ${badF}`);
        }
        fresh = true;
      } else {
        rejected++;
        h = controller.hNext;
      }
    }

    return { y, hLast, accepted, rejected, rhsEvaluations: nfev, jacobianEvaluations: njac };
  }

  return { name: NAME, order: 4, stiff: true, integrate };
}

/** RODAS4 (Hairer & Wanner) with the predictive step-size controller and 3rd-order dense output. */
export const rodas4: Solver = createRodas4();
