// Levenberg–Marquardt for small bound-constrained nonlinear least squares (n ≤ ~10 parameters,
// m ≤ ~50 residuals), as used by calibration and its profile likelihoods.
// Why our own: ml-levenberg-marquardt 5.1 (mljs), tried first, accepts every step without a gain
// test; on the PK calibration it used its 200 iterations and stopped in a flip-flop local minimum.
// This is the textbook method with Marquardt's diagonal scaling, a gain-ratio test and Nielsen's
// damping update (Madsen, Nielsen & Tingleff, "Methods for non-linear least squares problems",
// 2004, Algorithm 3.16), projected onto box bounds. The linear algebra is the engine's LU.

import { luFactor, luSolve } from '../ode/linalg/lu.js';

export interface LmOptions {
  lower: ArrayLike<number>;
  upper: ArrayLike<number>;
  maxIterations?: number;
  /** finite-difference step for the Jacobian (central differences) */
  h?: number;
  /** stop when the gradient's largest component falls below this */
  gradientTolerance?: number;
  /** stop when a step changes no parameter by more than this */
  stepTolerance?: number;
}

export interface LmResult {
  x: Float64Array;
  residuals: Float64Array;
  /** Σ r² */
  cost: number;
  iterations: number;
  converged: boolean;
  reason: string;
}

export type ResidualFunction = (x: Float64Array) => Float64Array;

function sumSquares(r: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < r.length; i++) s += r[i]! * r[i]!;
  return s;
}

function clamp(x: Float64Array, lo: ArrayLike<number>, hi: ArrayLike<number>): Float64Array {
  for (let i = 0; i < x.length; i++) x[i] = Math.min(Math.max(x[i]!, lo[i]!), hi[i]!);
  return x;
}

/** Central-difference Jacobian (one-sided at a bound), row-major m×n. */
function jacobian(f: ResidualFunction, x: Float64Array, m: number, h: number, lo: ArrayLike<number>, hi: ArrayLike<number>): Float64Array {
  const n = x.length;
  const J = new Float64Array(m * n);
  for (let j = 0; j < n; j++) {
    const xp = Float64Array.from(x);
    const xm = Float64Array.from(x);
    xp[j] = Math.min(x[j]! + h, hi[j]!);
    xm[j] = Math.max(x[j]! - h, lo[j]!);
    const span = xp[j]! - xm[j]!;
    if (span <= 0) continue;
    const rp = f(xp);
    const rm = f(xm);
    for (let i = 0; i < m; i++) J[i * n + j] = (rp[i]! - rm[i]!) / span;
  }
  return J;
}

export function levenbergMarquardt(f: ResidualFunction, x0: ArrayLike<number>, options: LmOptions): LmResult {
  const { lower, upper } = options;
  const maxIt = options.maxIterations ?? 200;
  const h = options.h ?? 1e-5;
  const gTol = options.gradientTolerance ?? 1e-9;
  const sTol = options.stepTolerance ?? 1e-10;
  const n = x0.length;
  let x = clamp(Float64Array.from(x0), lower, upper);
  let r = f(x);
  const m = r.length;
  let cost = sumSquares(r);
  if (!Number.isFinite(cost)) throw new RangeError('the residuals are not finite at the starting point');
  let mu = -1;
  let nu = 2;
  const A = new Float64Array(n * n);
  const g = new Float64Array(n);
  const piv = new Int32Array(n);
  let J = jacobian(f, x, m, h, lower, upper);
  let it = 0;
  let reason = 'maximum iterations reached';
  let converged = false;

  const normalEquations = () => {
    A.fill(0);
    g.fill(0);
    for (let i = 0; i < m; i++) {
      const ri = r[i]!;
      for (let a = 0; a < n; a++) {
        const ja = J[i * n + a]!;
        g[a] = g[a]! + ja * ri;
        for (let b = 0; b < n; b++) A[a * n + b] = A[a * n + b]! + ja * J[i * n + b]!;
      }
    }
  };
  normalEquations();
  for (let a = 0; a < n; a++) mu = Math.max(mu, A[a * n + a]!);
  mu = 1e-3 * Math.max(mu, 1e-12);

  for (; it < maxIt; it++) {
    // projected gradient: components pushing against an active bound do not count
    let gmax = 0;
    for (let a = 0; a < n; a++) {
      const atLo = x[a]! <= lower[a]! && g[a]! > 0;
      const atHi = x[a]! >= upper[a]! && g[a]! < 0;
      if (!atLo && !atHi) gmax = Math.max(gmax, Math.abs(g[a]!));
    }
    if (gmax < gTol) {
      reason = 'gradient below tolerance';
      converged = true;
      break;
    }
    const M = Float64Array.from(A);
    for (let a = 0; a < n; a++) M[a * n + a] = M[a * n + a]! + mu * Math.max(A[a * n + a]!, 1e-12);
    const delta = Float64Array.from(g, (v) => -v);
    if (luFactor(M, n, piv) !== 0) {
      mu *= nu;
      nu *= 2;
      continue;
    }
    luSolve(M, n, piv, delta);
    const xNew = clamp(Float64Array.from(x, (v, i) => v + delta[i]!), lower, upper);
    let stepMax = 0;
    for (let a = 0; a < n; a++) {
      delta[a] = xNew[a]! - x[a]!;
      stepMax = Math.max(stepMax, Math.abs(delta[a]!));
    }
    if (stepMax < sTol) {
      reason = 'step below tolerance';
      converged = true;
      break;
    }
    const rNew = f(xNew);
    const costNew = sumSquares(rNew);
    // predicted reduction from the linear model r + Jδ (exact for clamped steps too)
    let linearCost = 0;
    for (let i = 0; i < m; i++) {
      let ri = r[i]!;
      for (let a = 0; a < n; a++) ri += J[i * n + a]! * delta[a]!;
      linearCost += ri * ri;
    }
    const predicted = cost - linearCost;
    const rho = Number.isFinite(costNew) && predicted > 0 ? (cost - costNew) / predicted : -1;
    if (rho > 0) {
      x = xNew;
      r = rNew;
      const improvement = cost - costNew;
      cost = costNew;
      J = jacobian(f, x, m, h, lower, upper);
      normalEquations();
      mu *= Math.max(1 / 3, 1 - (2 * rho - 1) ** 3);
      nu = 2;
      if (improvement <= 1e-14 * Math.max(cost, 1e-300)) {
        reason = 'no further improvement';
        converged = true;
        it++;
        break;
      }
    } else {
      mu *= nu;
      nu *= 2;
      if (mu > 1e16) {
        reason = 'damping exhausted';
        converged = true;
        break;
      }
    }
  }
  return { x, residuals: r, cost, iterations: it, converged, reason };
}
