// The inverse-variance meta-analysis model (metafor's rma.uni without moderators), written by hand: common
// (equal) effect and random effects with the tau^2 estimators of ./tau2.ts; Wald z tests or Knapp-Hartung
// ("knha") and metafor's "adhoc" variant; Cochran's Q with metafor's I^2 and H^2 (from tau^2 and the
// typical within-study variance); prediction intervals (metafor's default, or Higgins-Thompson-Spiegelhalter
// t(k-2)); the Q-profile CI for tau^2 with I^2 and H^2 from it. Matches metafor 3.8 to ~1e-9 on dat.bcg.
import { pchisqUpper, pnorm2, pt2, qchisq, qnorm, qt } from '../stats/distributions.js';
import { EvidenceInputError, requireLevel } from '../stats/errors.js';
import { R_UNIROOT_TOL, uniroot } from '../stats/roots.js';
import { estimateTau2, qeFunc, TAU2_METHODS, weightedQ, type Tau2Control, type Tau2Method } from './tau2.js';
import type { EffectSizes, Measure, PooledFit } from './types.js';

export type RmaMethod = 'EE' | 'FE' | Tau2Method;
export type RmaTest = 'z' | 't' | 'knha' | 'adhoc';
export type PredictionIntervalType = 'metafor' | 'hts';

export interface RmaOptions {
  /** 'EE'/'FE' = common effect; otherwise the tau^2 estimator (default 'REML', as metafor) */
  method?: RmaMethod;
  /** 'z' (default), 't', 'knha' (Knapp-Hartung) or 'adhoc' (Knapp-Hartung, never narrower than z) */
  test?: RmaTest;
  /** shorthand for test: 'knha' */
  knha?: boolean;
  /** confidence level (default 0.95) */
  level?: number;
  /** fix tau^2 at this value instead of estimating it */
  tau2?: number;
  /** 'metafor' (default): z, or t(k-1) with knha/t/adhoc; 'hts': Higgins-Thompson-Spiegelhalter t(k-2) */
  predictionInterval?: PredictionIntervalType;
  /** compute the Q-profile CI of tau^2, I^2, H^2 (default true for random-effects models) */
  qprofile?: boolean;
  control?: Tau2Control;
  /** internal: allow k = 1 (tau^2 = 0), as metafor does inside cumul() and for single-study subgroups */
  allowSingleStudy?: boolean;
}

export interface RmaFit extends PooledFit {
  model: 'IV';
  method: RmaMethod;
  test: RmaTest;
  tau: number;
  seTau2: number;
  /** typical within-study variance (k-1)/tr(P) used for I^2 and H^2 */
  vt: number;
  predictionInterval: PredictionIntervalType;
  iterations: number;
  warnings: string[];
}

/** Yi/vi input: an escalc result, or bare arrays. */
export interface RmaInput {
  yi: readonly number[];
  vi: readonly number[];
  studies?: readonly string[];
  dropped?: readonly boolean[];
  measure?: Measure;
}

const sum = (a: readonly number[]): number => a.reduce((s, v) => s + v, 0);

/** Minimum number of studies for a model (random effects and Knapp-Hartung need 2, HTS intervals 3). */
export function minimumStudies(method: RmaMethod, test: RmaTest, pi: PredictionIntervalType): number {
  if (pi === 'hts') return 3;
  if (method !== 'EE' && method !== 'FE') return 2;
  return test === 'z' ? 1 : 2;
}

interface Prepared {
  yi: number[];
  vi: number[];
  studies: string[];
  omitted: string[];
}

function prepare(input: RmaInput): Prepared {
  const n = input.yi.length;
  if (input.vi.length !== n) throw new EvidenceInputError(`yi has ${n} values but vi has ${input.vi.length}`, 'vi');
  const yi: number[] = [];
  const vi: number[] = [];
  const studies: string[] = [];
  const omitted: string[] = [];
  for (let i = 0; i < n; i++) {
    const name = input.studies?.[i] ?? `Study ${i + 1}`;
    if (input.dropped?.[i] === true) {
      omitted.push(name);
      continue;
    }
    const y = input.yi[i] as number;
    const v = input.vi[i] as number;
    if (!Number.isFinite(y)) throw new EvidenceInputError(`${y} is not a finite number`, 'yi', i + 1, name);
    if (!Number.isFinite(v)) throw new EvidenceInputError(`${v} is not a finite number`, 'vi', i + 1, name);
    if (!(v > 0)) throw new EvidenceInputError(`${v} must be > 0`, 'vi', i + 1, name);
    yi.push(y);
    vi.push(v);
    studies.push(name);
  }
  return { yi, vi, studies, omitted };
}

/** Q-profile CI for tau^2 (metafor confint.rma.uni, type "QP"), searched on [0, max(100, 10 tau^2)]. */
export function qprofileTau2(yi: readonly number[], vi: readonly number[], tau2: number, level = 0.95): [number, number] {
  const k = yi.length;
  const df = k - 1;
  const alpha = 1 - level;
  const tau2Min = Math.min(0, tau2);
  const tau2Max = Math.max(100, tau2 * 10, tau2Min * 10);
  const critU = qchisq(1 - alpha / 2, df);
  const critL = qchisq(alpha / 2, df);
  const qMax = qeFunc(tau2Max, yi, vi);
  const qMin = qeFunc(tau2Min, yi, vi);
  let lb = NaN;
  let ub = NaN;
  if (qMin < critL) {
    lb = tau2Min;
    ub = tau2Min;
  } else if (qMax > critL) ub = tau2Max;
  else ub = uniroot((t) => qeFunc(t, yi, vi) - critL, tau2Min, tau2Max, R_UNIROOT_TOL, 1000).root;
  if (qMax > critU) {
    lb = tau2Max;
    ub = tau2Max;
  } else if (qMin < critU) lb = tau2Min;
  else lb = uniroot((t) => qeFunc(t, yi, vi) - critU, tau2Min, tau2Max, R_UNIROOT_TOL, 1000).root;
  return [lb, ub];
}

/**
 * Fits the intercept-only meta-analysis model to yi/vi (metafor::rma). Studies marked dropped (e.g. by
 * escalc's drop00) are left out and listed in `omitted`.
 */
export function rma(input: RmaInput | EffectSizes, options: RmaOptions = {}): RmaFit {
  const method: RmaMethod = options.method ?? 'REML';
  const test: RmaTest = options.knha === true ? 'knha' : (options.test ?? 'z');
  const level = options.level ?? 0.95;
  requireLevel(level);
  const piType = options.predictionInterval ?? 'metafor';
  if (method !== 'EE' && method !== 'FE' && !TAU2_METHODS.includes(method)) {
    throw new EvidenceInputError(`"${String(method)}" is not a known method`, 'method');
  }
  const { yi, vi, studies, omitted } = prepare(input);
  const k = yi.length;
  const need = minimumStudies(method, test, piType);
  if (k === 0) throw new EvidenceInputError('no studies with an estimable effect size', 'k');
  if (k < need && !(options.allowSingleStudy === true && k >= 1 && piType !== 'hts')) {
    throw new EvidenceInputError(
      `${k} ${k === 1 ? 'study is' : 'studies are'} too few for ${method}${test !== 'z' ? ` with ${test}` : ''}${piType === 'hts' ? ' and an HTS prediction interval' : ''}; at least ${need} needed`,
      'k',
    );
  }
  const fixedEffect = method === 'EE' || method === 'FE';
  const warnings: string[] = [];
  let tau2 = 0;
  let seTau2 = NaN;
  let iterations = 0;
  if (!fixedEffect) {
    if (options.tau2 !== undefined) {
      if (!(options.tau2 >= 0)) throw new EvidenceInputError(`${options.tau2} must be >= 0`, 'tau2');
      tau2 = options.tau2;
    } else if (k >= 2) {
      const est = estimateTau2(method, yi, vi, options.control);
      tau2 = est.tau2;
      seTau2 = est.seTau2;
      iterations = est.iterations;
      if (est.warning !== undefined) warnings.push(est.warning);
    }
  }

  const w = vi.map((v) => 1 / (v + tau2));
  const sw = sum(w);
  const estimate = sum(w.map((wi, i) => wi * (yi[i] as number))) / sw;
  let vb = 1 / sw;
  if (test === 'knha' || test === 'adhoc') {
    const rss = sum(w.map((wi, i) => wi * ((yi[i] as number) - estimate) ** 2));
    let s2w = rss <= 2.220446049250313e-16 ? 0 : rss / (k - 1);
    if (test === 'adhoc') s2w = Math.max(1, s2w);
    vb *= s2w;
    if (fixedEffect) warnings.push('Knapp-Hartung is not meant for a common-effect model (as metafor warns)');
  }
  const se = Math.sqrt(vb);
  const statistic = estimate / se;
  const tDist = test !== 'z';
  const df = tDist ? k - 1 : null;
  const p = tDist ? (k > 1 ? pt2(statistic, k - 1) : NaN) : pnorm2(statistic);
  const crit = tDist ? (k > 1 ? qt(1 - (1 - level) / 2, k - 1) : NaN) : qnorm(1 - (1 - level) / 2);

  // heterogeneity, always around the common-effect estimate with 1/vi weights
  let Q = 0;
  let Qp = 1;
  let I2 = 0;
  let H2 = 1;
  let vt = 0;
  if (k > 1) {
    const wFE = vi.map((v) => 1 / v);
    const swFE = sum(wFE);
    Q = Math.max(0, weightedQ(yi, wFE).Q);
    Qp = pchisqUpper(Q, k - 1);
    vt = (k - 1) / (swFE - sum(wFE.map((x) => x * x)) / swFE);
    if (fixedEffect) {
      I2 = Q > 0 ? Math.max(0, (100 * (Q - (k - 1))) / Q) : 0;
      H2 = Q / (k - 1);
    } else {
      I2 = (100 * tau2) / (vt + tau2);
      H2 = tau2 / vt + 1;
    }
  }

  let piCrit = crit;
  if (piType === 'hts') piCrit = qt(1 - (1 - level) / 2, k - 2);
  const piSe = Math.sqrt(vb + tau2);

  let tau2Ci: [number, number] | null = null;
  let I2Ci: [number, number] | null = null;
  let H2Ci: [number, number] | null = null;
  if (!fixedEffect && options.tau2 === undefined && k > 1 && options.qprofile !== false) {
    tau2Ci = qprofileTau2(yi, vi, tau2, level);
    I2Ci = [(100 * tau2Ci[0]) / (vt + tau2Ci[0]), (100 * tau2Ci[1]) / (vt + tau2Ci[1])];
    H2Ci = [tau2Ci[0] / vt + 1, tau2Ci[1] / vt + 1];
  }

  return {
    model: 'IV',
    measure: input.measure ?? 'GEN',
    method,
    test,
    k,
    estimate,
    se,
    statistic,
    df,
    p,
    ciLower: estimate - crit * se,
    ciUpper: estimate + crit * se,
    tau2,
    tau: Math.sqrt(tau2),
    seTau2,
    tau2Ci,
    I2,
    I2Ci,
    H2,
    H2Ci,
    Q,
    Qdf: Math.max(0, k - 1),
    Qp,
    vt,
    piLower: estimate - piCrit * piSe,
    piUpper: estimate + piCrit * piSe,
    predictionInterval: piType,
    level,
    studies,
    yi,
    vi,
    weights: w.map((x) => (100 * x) / sw),
    omitted,
    iterations,
    warnings,
  };
}
