// A faithful port of R's uniroot() (src/library/stats/src/zeroin.c, R_zeroin2: Brent's method as in
// Brent 1973 / netlib zeroin). metafor finds the PM/PMM tau^2 and the Q-profile confidence bounds with
// uniroot(tol = .Machine$double.eps^0.25), and R's fisher.test finds its conditional MLE and exact CI the
// same way; those published numbers are only as precise as that tolerance, so matching them to 1e-8
// requires taking exactly the same steps, not merely finding the root more precisely.

const DBL_EPSILON = 2.220446049250313e-16;
/** R's default uniroot tolerance, .Machine$double.eps^0.25. */
export const R_UNIROOT_TOL = Math.pow(DBL_EPSILON, 0.25);

export interface UnirootResult {
  root: number;
  iterations: number;
  /** Estimated precision |c - b| as R reports it; -1 when the iteration limit was hit. */
  estimPrec: number;
  converged: boolean;
}

/**
 * Root of f in [lower, upper] with f(lower) and f(upper) of opposite sign (or zero), following R's uniroot
 * step for step. Throws when the end points do not bracket a root (as R does).
 */
export function uniroot(
  f: (x: number) => number,
  lower: number,
  upper: number,
  tol: number = R_UNIROOT_TOL,
  maxiter = 1000,
): UnirootResult {
  let a = lower;
  let b = upper;
  let fa = f(a);
  let fb = f(b);
  if (Number.isNaN(fa) || Number.isNaN(fb)) throw new Error('uniroot: f() is NaN at an end point');
  if (fa * fb > 0) throw new Error('uniroot: f() values at end points not of opposite sign');
  let c = a;
  let fc = fa;
  if (fa === 0) return { root: a, iterations: 0, estimPrec: 0, converged: true };
  if (fb === 0) return { root: b, iterations: 0, estimPrec: 0, converged: true };
  let maxit = maxiter + 1;
  const maxitStart = maxit;
  while (maxit--) {
    const prevStep = b - a;
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tolAct = 2 * DBL_EPSILON * Math.abs(b) + tol / 2;
    let newStep = (c - b) / 2;
    if (Math.abs(newStep) <= tolAct || fb === 0) {
      return { root: b, iterations: maxitStart - maxit - 1, estimPrec: Math.abs(c - b), converged: true };
    }
    if (Math.abs(prevStep) >= tolAct && Math.abs(fa) > Math.abs(fb)) {
      let p: number;
      let q: number;
      const cb = c - b;
      if (a === c) {
        const t1 = fb / fa;
        p = cb * t1;
        q = 1.0 - t1;
      } else {
        q = fa / fc;
        const t1 = fb / fc;
        const t2 = fb / fa;
        p = t2 * (cb * q * (q - t1) - (b - a) * (t1 - 1.0));
        q = (q - 1.0) * (t1 - 1.0) * (t2 - 1.0);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (p < 0.75 * cb * q - Math.abs(tolAct * q) / 2 && p < Math.abs((prevStep * q) / 2)) newStep = p / q;
    }
    if (Math.abs(newStep) < tolAct) newStep = newStep > 0 ? tolAct : -tolAct;
    a = b;
    fa = fb;
    b += newStep;
    fb = f(b);
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
    }
  }
  return { root: b, iterations: maxiter, estimPrec: -1, converged: false };
}
