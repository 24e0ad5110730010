// Pearson's chi-square test of independence for a 2x2 table with and without Yates' continuity correction,
// as R's chisq.test computes it (correction min(0.5, |O - E|) per cell). Papers often report one of the two
// without saying which; the consistency checks recompute both.
import { pchisqUpper } from './distributions.js';
import { EvidenceInputError, requireCount } from './errors.js';

export interface ChisqResult {
  statistic: number;
  df: number;
  p: number;
  correct: boolean;
  /** expected counts a, b, c, d under independence */
  expected: [number, number, number, number];
}

/** Table layout as in fisherExactTest: a, b = group 1 events/non-events; c, d = group 2. */
export function chisqTest2x2(a: number, b: number, c: number, d: number, correct = true): ChisqResult {
  const obs = [a, b, c, d];
  const names = ['a', 'b', 'c', 'd'];
  obs.forEach((v, i) => requireCount(v, names[i] as string));
  const n = a + b + c + d;
  const r1 = a + b;
  const r2 = c + d;
  const c1 = a + c;
  const c2 = b + d;
  if (r1 === 0 || r2 === 0 || c1 === 0 || c2 === 0) {
    throw new EvidenceInputError('a row or column total is 0, so the chi-square test is undefined', 'table');
  }
  const e: [number, number, number, number] = [(r1 * c1) / n, (r1 * c2) / n, (r2 * c1) / n, (r2 * c2) / n];
  let yates = 0;
  if (correct) {
    yates = 0.5;
    for (let i = 0; i < 4; i++) yates = Math.min(yates, Math.abs((obs[i] as number) - (e[i] as number)));
  }
  let statistic = 0;
  for (let i = 0; i < 4; i++) {
    const ei = e[i] as number;
    const dev = Math.abs((obs[i] as number) - ei) - yates;
    statistic += (dev * dev) / ei;
  }
  return { statistic, df: 1, p: pchisqUpper(statistic, 1), correct, expected: e };
}
