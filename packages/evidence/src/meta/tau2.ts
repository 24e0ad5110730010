// Estimators of the between-study variance tau^2 for the intercept-only random-effects model, written by
// hand because no npm package implements them faithfully. Each follows metafor 3.8's rma.uni() step for
// step (same starting values, Fisher-scoring updates with step halving, convergence threshold 1e-5 and at
// most 100 iterations, uniroot with tolerance eps^0.25 for the Paule-Mandel family, the REML/ML "stuck at
// a local maximum" check), so the estimates agree with metafor to ~1e-10 rather than only to the solver
// tolerance. Standard errors of tau^2 use the same formulas as metafor.
import { qchisq } from '../stats/distributions.js';
import { EvidenceInputError } from '../stats/errors.js';
import { R_UNIROOT_TOL, uniroot } from '../stats/roots.js';

export type Tau2Method = 'DL' | 'REML' | 'ML' | 'PM' | 'PMM' | 'HE' | 'SJ' | 'EB' | 'HS';
export const TAU2_METHODS: readonly Tau2Method[] = ['DL', 'REML', 'ML', 'PM', 'PMM', 'HE', 'SJ', 'EB', 'HS'];

export interface Tau2Control {
  /** convergence threshold on the change in tau^2 (metafor: 1e-5) */
  threshold?: number;
  /** maximum Fisher-scoring iterations (metafor: 100) */
  maxiter?: number;
  /** starting value for ML/REML/EB (metafor: max(0, HE estimate)) and SJ */
  tau2Init?: number;
  /** upper end of the PM/PMM search interval (metafor: max(100, 10 mad(yi)^2)) */
  tau2Max?: number;
  /** Fisher-scoring step multiplier (metafor: 1) */
  stepadj?: number;
}

export interface Tau2Estimate {
  tau2: number;
  seTau2: number;
  iterations: number;
  converged: boolean;
  /** set when REML/ML fell back to tau^2 = 0 because the log-likelihood at 0 was higher */
  warning?: string;
}

const sum = (a: readonly number[]): number => a.reduce((s, v) => s + v, 0);

function median(a: readonly number[]): number {
  const s = [...a].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** R's mad(): 1.4826 * median |x - median(x)|. */
export function mad(a: readonly number[]): number {
  const md = median(a);
  return 1.4826 * median(a.map((v) => Math.abs(v - md)));
}

/** Weighted residual quantities of the intercept-only model with weights w. */
export function weightedQ(yi: readonly number[], w: readonly number[]): { Q: number; mean: number; sw: number } {
  const sw = sum(w);
  const mean = sum(w.map((wi, i) => wi * (yi[i] as number))) / sw;
  const Q = sum(w.map((wi, i) => wi * ((yi[i] as number) - mean) ** 2));
  return { Q, mean, sw };
}

/** Dense projection P = W - w w' / sum(w) of the intercept-only model (k is small). */
function projection(w: readonly number[]): number[][] {
  const sw = sum(w);
  return w.map((wi, i) => w.map((wj, j) => (i === j ? wi : 0) - (wi * wj) / sw));
}
const trace = (P: number[][]): number => P.reduce((s, r, i) => s + (r[i] as number), 0);
const sumSq = (P: number[][]): number => P.reduce((s, r) => s + r.reduce((t, v) => t + v * v, 0), 0);
/** sum(PV * t(PV)) = tr(PVPV) with V = diag(vi) */
const trPVPV = (P: number[][], vi: readonly number[]): number =>
  P.reduce((s, r, i) => s + r.reduce((t, v, j) => t + v * v * (vi[i] as number) * (vi[j] as number), 0), 0);
/** sum(PV * P) */
const sumPVP = (P: number[][], vi: readonly number[]): number =>
  P.reduce((s, r) => s + r.reduce((t, v, j) => t + v * v * (vi[j] as number), 0), 0);

/** Residual sum of squares Y'PY of the weighted intercept model with tau^2 = t (metafor's .QE.func). */
export function qeFunc(t: number, yi: readonly number[], vi: readonly number[]): number {
  return weightedQ(yi, vi.map((v) => 1 / (v + t))).Q;
}

/**
 * tau^2 by the given method, as metafor::rma.uni(method = m) with no moderators. Requires k >= 2 and vi > 0
 * (the caller validates both).
 */
export function estimateTau2(method: Tau2Method, yiIn: readonly number[], vi: readonly number[], control: Tau2Control = {}): Tau2Estimate {
  const k = yiIn.length;
  const p = 1;
  const threshold = control.threshold ?? 1e-5;
  const maxiter = control.maxiter ?? 100;
  const stepadj = control.stepadj ?? 1;
  const tau2Min = 0;
  const ybar = sum(yiIn) / k;
  const yi = yiIn.map((y) => y - ybar); // metafor works with mean-centred y (Ymc)
  const wFE = vi.map((v) => 1 / v);
  const PFE = projection(wFE);
  const QE = weightedQ(yi, wFE).Q;
  let tau2 = 0;
  let iterations = 0;
  let converged = true;
  let warning: string | undefined;
  let seTau2: number;
  const clamp = (t: number): number => Math.max(tau2Min, t);

  // unweighted quantities shared by HE and the ML/REML/EB starting value
  const rssU = sum(yi.map((y) => (y - sum(yi) / k) ** 2));
  const trPVU = sum(vi) - sum(vi) / k;
  const heRaw = (rssU - trPVU) / (k - p);

  switch (method) {
    case 'HS': {
      tau2 = clamp((QE - k) / sum(wFE));
      const t = Math.max(tau2, 0);
      seTau2 = Math.sqrt((1 / sum(wFE) ** 2) * (2 * (k - p) + 4 * t * trace(PFE) + 2 * t * t * sumSq(PFE)));
      break;
    }
    case 'DL': {
      const trP = trace(PFE);
      tau2 = clamp((QE - (k - p)) / trP);
      const t = Math.max(tau2, 0);
      seTau2 = Math.sqrt((1 / trP ** 2) * (2 * (k - p) + 4 * t * trP + 2 * t * t * sumSq(PFE)));
      break;
    }
    case 'HE': {
      tau2 = clamp(heRaw);
      const t = Math.max(tau2, 0);
      const PU = projection(vi.map(() => 1));
      seTau2 = Math.sqrt((1 / (k - p) ** 2) * (2 * trPVPV(PU, vi) + 4 * t * trPVU + 2 * t * t * (k - p)));
      break;
    }
    case 'SJ': {
      const tau20 = control.tau2Init ?? rssU / k; // var(y) (k-1)/k
      const w0 = vi.map((v) => 1 / (v + tau20));
      const P0 = projection(w0);
      tau2 = clamp((tau20 * weightedQ(yi, w0).Q) / (k - p));
      const t = Math.max(tau2, 0);
      seTau2 = Math.sqrt(((tau20 * tau20) / (k - p) ** 2) * (2 * trPVPV(P0, vi) + 4 * t * sumPVP(P0, vi) + 2 * t * t * sumSq(P0)));
      break;
    }
    case 'PM':
    case 'PMM': {
      const target = method === 'PMM' ? qchisq(0.5, k - p) : k - p;
      const tau2Max = control.tau2Max ?? Math.max(100, 10 * mad(yiIn) ** 2);
      if (qeFunc(tau2Min, yi, vi) < target) tau2 = tau2Min;
      else if (qeFunc(tau2Max, yi, vi) > target) {
        throw new EvidenceInputError(`the ${method} estimate exceeds tau2Max = ${tau2Max}; raise control.tau2Max`, 'tau2');
      } else {
        const r = uniroot((t) => qeFunc(t, yi, vi) - target, tau2Min, tau2Max, R_UNIROOT_TOL, maxiter);
        tau2 = r.root;
        iterations = r.iterations;
        converged = r.converged;
      }
      tau2 = clamp(tau2);
      const w = vi.map((v) => 1 / (v + tau2));
      seTau2 = Math.sqrt((2 * k * k) / (k - p) / sum(w) ** 2);
      break;
    }
    case 'ML':
    case 'REML':
    case 'EB': {
      tau2 = control.tau2Init ?? Math.max(0, heRaw, tau2Min);
      let change = threshold + 1;
      while (change > threshold) {
        iterations++;
        const old = tau2;
        const w = vi.map((v) => 1 / (v + tau2));
        const sw = sum(w);
        const { mean } = weightedQ(yi, w);
        const r = yi.map((y, i) => (w[i] as number) * (y - mean)); // P y
        const yPy = sum(yi.map((y, i) => (r[i] as number) * (y - mean)));
        const yPPy = sum(r.map((v) => v * v));
        let adj: number;
        if (method === 'ML') adj = (yPPy - sw) / sum(w.map((v) => v * v));
        else if (method === 'REML') {
          const P = projection(w);
          adj = (yPPy - trace(P)) / sumSq(P);
        } else adj = ((yPy * k) / (k - p) - k) / sw;
        adj *= stepadj;
        if (Number.isNaN(adj)) adj = 0;
        while (tau2 + adj < tau2Min) adj /= 2;
        tau2 = tau2 + adj;
        change = Math.abs(old - tau2);
        if (iterations > maxiter) {
          converged = false;
          break;
        }
      }
      if (!converged) {
        throw new EvidenceInputError(`Fisher scoring for ${method} did not converge in ${maxiter} iterations`, 'tau2');
      }
      if (method === 'ML' || method === 'REML') {
        const ll = (t: number): number => {
          const w = vi.map((v) => 1 / (v + t));
          const { Q, sw } = weightedQ(yi, w);
          const base = -0.5 * sum(vi.map((v) => Math.log(v + t))) - 0.5 * Q;
          return method === 'ML' ? -0.5 * k * Math.log(2 * Math.PI) + base : -0.5 * (k - p) * Math.log(2 * Math.PI) + base - 0.5 * Math.log(sw);
        };
        if (ll(0) - ll(tau2) > R_UNIROOT_TOL && tau2 > threshold) {
          warning = 'Fisher scoring may have got stuck at a local maximum; tau2 set to 0 (as metafor)';
          tau2 = 0;
        }
      }
      tau2 = clamp(tau2);
      const w = vi.map((v) => 1 / (v + tau2));
      if (method === 'ML') seTau2 = Math.sqrt(2 / sum(w.map((v) => v * v)));
      else if (method === 'REML') seTau2 = Math.sqrt(2 / sumSq(projection(w)));
      else seTau2 = Math.sqrt((2 * k * k) / (k - p) / sum(w) ** 2);
      break;
    }
  }
  return warning === undefined ? { tau2, seTau2, iterations, converged } : { tau2, seTau2, iterations, converged, warning };
}
