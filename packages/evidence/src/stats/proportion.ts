// Confidence intervals for a single proportion x/n, as R computes them: the exact Clopper-Pearson interval
// of binom.test, and the Wilson score interval of prop.test with and without its continuity correction.
// Evidence records often report "k of n responded"; these intervals are what a reviewer recomputes.
import { qbeta, qnorm } from './distributions.js';
import { EvidenceInputError, requireCount, requireLevel } from './errors.js';

export type ProportionCiMethod = 'wilson' | 'wilson-cc' | 'clopper-pearson' | 'wald';

export interface ProportionCi {
  x: number;
  n: number;
  estimate: number;
  lower: number;
  upper: number;
  method: ProportionCiMethod;
  level: number;
}

function check(x: number, n: number): void {
  requireCount(x, 'events');
  requireCount(n, 'total');
  if (n === 0) throw new EvidenceInputError('0 is not a valid total; a proportion needs n >= 1', 'total');
  if (x > n) throw new EvidenceInputError(`${x} events exceed the total ${n}`, 'events');
}

/**
 * CI for x/n. `wilson` is prop.test(x, n, correct = FALSE); `wilson-cc` is prop.test's default (Yates
 * continuity correction, min(0.5, |x - n/2|)); `clopper-pearson` is binom.test; `wald` is p +/- z sqrt(p(1-p)/n)
 * clipped to [0, 1] (for comparison only).
 */
export function proportionCi(x: number, n: number, method: ProportionCiMethod = 'wilson', level = 0.95): ProportionCi {
  check(x, n);
  requireLevel(level);
  const p = x / n;
  const alpha = 1 - level;
  let lower: number;
  let upper: number;
  if (method === 'clopper-pearson') {
    lower = x === 0 ? 0 : qbeta(alpha / 2, x, n - x + 1);
    upper = x === n ? 1 : qbeta(1 - alpha / 2, x + 1, n - x);
  } else if (method === 'wald') {
    const h = qnorm(1 - alpha / 2) * Math.sqrt((p * (1 - p)) / n);
    lower = Math.max(0, p - h);
    upper = Math.min(1, p + h);
  } else {
    // R stats:::prop.test, k = 1 branch
    const z = qnorm(1 - alpha / 2);
    const yates = method === 'wilson-cc' ? Math.min(0.5, Math.abs(x - n * 0.5)) : 0;
    const z22n = (z * z) / (2 * n);
    let pc = p + yates / n;
    const pu = pc >= 1 ? 1 : (pc + z22n + z * Math.sqrt((pc * (1 - pc)) / n + z22n / (2 * n))) / (1 + 2 * z22n);
    pc = p - yates / n;
    const pl = pc <= 0 ? 0 : (pc + z22n - z * Math.sqrt((pc * (1 - pc)) / n + z22n / (2 * n))) / (1 + 2 * z22n);
    lower = Math.max(pl, 0);
    upper = Math.min(pu, 1);
  }
  return { x, n, estimate: p, lower, upper, method, level };
}
