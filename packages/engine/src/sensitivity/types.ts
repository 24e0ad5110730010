// The contract shared by the sensitivity methods (local, Morris, Sobol'): a function from named
// parameter values to named scalar metrics, the parameters with their plausible ranges and the
// scale on which each is sampled, and the bookkeeping every method needs (mapping the unit
// hypercube onto the ranges, counting model evaluations, naming the point when a model run fails).
// Nothing here knows about pharmacokinetics; sensitivity/ldn.ts applies it to the LDN model.

/**
 * `log`: the parameter is sampled log-uniformly between low and high, and steps are multiplicative
 * (for rate constants, volumes, potencies: quantities known to a factor, not to an increment).
 * `linear`: sampled uniformly, for quantities that may be zero or negative (test functions).
 */
export type ParameterScale = 'log' | 'linear';

export interface SensitivityParameter {
  readonly id: string;
  /** plausible range [low, high]; log scale needs low > 0 */
  readonly low: number;
  readonly high: number;
  /** base point of the local sensitivities (default: the centre of the range on its scale) */
  readonly base?: number;
  /** default `log` */
  readonly scale?: ParameterScale;
  readonly label?: string;
  readonly unit?: string;
}

/** The model as the methods see it: parameter values in, named metrics out. */
export type MetricFunction = (values: Readonly<Record<string, number>>) => Readonly<Record<string, number>>;

export interface SensitivityProblem {
  readonly parameters: readonly SensitivityParameter[];
  readonly fn: MetricFunction;
  /** values passed to fn unchanged, besides the varied parameters */
  readonly fixed?: Readonly<Record<string, number>>;
  /** metrics analysed, in this order (default: every metric fn returns, in its order) */
  readonly metrics?: readonly string[];
}

/** called with the fraction of model evaluations done (0–1) and the stage under way */
export type ProgressCallback = (fraction: number, stage: string) => void;

export class SensitivityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SensitivityError';
  }
}

export function scaleOf(p: SensitivityParameter): ParameterScale {
  return p.scale ?? 'log';
}

/** Checks ids, ranges and scales; `needRange` refuses degenerate ranges (the global methods). */
export function validateParameters(parameters: readonly SensitivityParameter[], needRange: boolean): void {
  if (parameters.length === 0) throw new SensitivityError('no parameters to vary');
  const seen = new Set<string>();
  for (const p of parameters) {
    if (seen.has(p.id)) throw new SensitivityError(`parameter ${p.id} is listed twice`);
    seen.add(p.id);
    if (!Number.isFinite(p.low) || !Number.isFinite(p.high) || p.low > p.high) throw new SensitivityError(`parameter ${p.id}: range [${p.low}, ${p.high}] is not an interval of finite numbers`);
    if (needRange && p.low === p.high) throw new SensitivityError(`parameter ${p.id}: range [${p.low}, ${p.high}] is a single point; leave it out of a global analysis`);
    if (scaleOf(p) === 'log' && !(p.low > 0)) throw new SensitivityError(`parameter ${p.id}: log scale needs a positive range (got [${p.low}, ${p.high}]); use scale 'linear'`);
    if (p.base !== undefined && !Number.isFinite(p.base)) throw new SensitivityError(`parameter ${p.id}: base value ${p.base} is not finite`);
  }
}

/** The value at position u ∈ [0, 1] of the parameter's range, on its scale. */
export function fromUnit(p: SensitivityParameter, u: number): number {
  if (scaleOf(p) === 'log') return Math.exp(Math.log(p.low) + u * (Math.log(p.high) - Math.log(p.low)));
  return p.low + u * (p.high - p.low);
}

export function baseValue(p: SensitivityParameter): number {
  return p.base ?? fromUnit(p, 0.5);
}

/**
 * Wraps the model: counts evaluations, fixes the metric order on the first call, and turns a
 * failure or a missing / non-finite metric into a SensitivityError that names the point.
 */
export class Evaluator {
  evaluations = 0;
  metrics: string[] | undefined;
  private readonly problem: SensitivityProblem;

  constructor(problem: SensitivityProblem) {
    this.problem = problem;
    this.metrics = problem.metrics ? [...problem.metrics] : undefined;
    if (this.metrics && this.metrics.length === 0) throw new SensitivityError('the list of metrics is empty');
  }

  evaluate(values: Readonly<Record<string, number>>): Float64Array {
    const point = { ...this.problem.fixed, ...values };
    let out: Readonly<Record<string, number>>;
    this.evaluations++;
    try {
      out = this.problem.fn(point);
    } catch (e) {
      throw new SensitivityError(`the model failed at ${describePoint(values)}: ${(e as Error).message}`);
    }
    if (!this.metrics) {
      this.metrics = Object.keys(out);
      if (this.metrics.length === 0) throw new SensitivityError('the model returned no metrics');
    }
    const y = new Float64Array(this.metrics.length);
    this.metrics.forEach((m, i) => {
      const v = out[m];
      if (v === undefined || !Number.isFinite(v)) throw new SensitivityError(`metric ${m} is ${v === undefined ? 'missing' : String(v)} at ${describePoint(values)}`);
      y[i] = v;
    });
    return y;
  }

  /** the metric list (after at least one evaluation) */
  metricIds(): string[] {
    if (!this.metrics) throw new SensitivityError('no evaluation has fixed the metric list yet');
    return this.metrics;
  }
}

export function describePoint(values: Readonly<Record<string, number>>): string {
  return Object.entries(values)
    .map(([k, v]) => `${k}=${Number(v.toPrecision(4))}`)
    .join(', ');
}

/** Quantile of sorted data (linear interpolation between order statistics, R type 7). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Percentile interval of bootstrap replicates. */
export function percentileInterval(replicates: Float64Array, confidence: number): [number, number] {
  const s = Float64Array.from(replicates).sort();
  const a = (1 - confidence) / 2;
  return [quantileSorted(s, a), quantileSorted(s, 1 - a)];
}

/** Throws unless x is a whole number in [min, max]; names the option. */
export function checkInteger(name: string, x: number, min: number, max: number): void {
  if (!Number.isInteger(x) || x < min || x > max) throw new SensitivityError(`${name} must be a whole number in [${min}, ${max}] (got ${x})`);
}
