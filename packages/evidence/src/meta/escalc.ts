// Effect sizes separate from models, like metafor's escalc(): RR, OR, RD (log scale for ratios), PETO (log
// Peto OR), MD, SMD (Hedges' g), PLO (logit proportion) and GEN (yi/vi given). Zero cells follow metafor:
// add 1/2 to every cell of a study that has a zero cell (to = "only0"), with the options add, to
// ("all" | "only0" | "if0all" | "none") and drop00; the Peto log OR needs no correction, so PETO defaults to none.
// Every input value is validated and a bad one raises EvidenceInputError naming the row (study) and field.
import { EvidenceInputError, requireCount, requireFinite, requirePositive } from '../stats/errors.js';
import { checkContinuous, hedgesJ } from '../stats/continuous.js';
import type { EffectSizes, EscalcInput, EscalcOptions, TwoByTwoStudy } from './types.js';

const label = (s: { study?: string }, i: number): string => (s.study !== undefined && s.study !== '' ? s.study : `Study ${i + 1}`);

/** Validates one dichotomous study (row is 1-based). */
export function checkTwoByTwoStudy(s: TwoByTwoStudy, row: number): void {
  const st = s.study;
  requireCount(s.events1, 'events1', row, st);
  requireCount(s.total1, 'total1', row, st);
  requireCount(s.events2, 'events2', row, st);
  requireCount(s.total2, 'total2', row, st);
  if (s.total1 === 0) throw new EvidenceInputError('0 is not a valid group size', 'total1', row, st);
  if (s.total2 === 0) throw new EvidenceInputError('0 is not a valid group size', 'total2', row, st);
  if (s.events1 > s.total1) throw new EvidenceInputError(`${s.events1} events exceed total1 = ${s.total1}`, 'events1', row, st);
  if (s.events2 > s.total2) throw new EvidenceInputError(`${s.events2} events exceed total2 = ${s.total2}`, 'events2', row, st);
}

export function escalc(input: EscalcInput, options: EscalcOptions = {}): EffectSizes {
  const n = input.studies.length;
  if (n === 0) throw new EvidenceInputError('no studies were given', 'k');
  const studies: string[] = [];
  const yi: number[] = [];
  const vi: number[] = [];
  const dropped: boolean[] = [];
  const added: number[] = [];
  const push = (name: string, y: number, v: number, drop: boolean, add: number): void => {
    studies.push(name);
    yi.push(drop ? NaN : y);
    vi.push(drop ? NaN : v);
    dropped.push(drop);
    added.push(add);
  };

  if (input.measure === 'RR' || input.measure === 'OR' || input.measure === 'RD' || input.measure === 'PETO') {
    const measure = input.measure;
    const add = options.add ?? (measure === 'PETO' ? 0 : 0.5);
    const to = options.to ?? (measure === 'PETO' && options.add === undefined ? 'none' : 'only0');
    const drop00 = options.drop00 ?? false;
    input.studies.forEach((s, i) => checkTwoByTwoStudy(s, i + 1));
    const hasZero = (s: TwoByTwoStudy): boolean =>
      s.events1 === 0 || s.events2 === 0 || s.events1 === s.total1 || s.events2 === s.total2;
    const is00 = (s: TwoByTwoStudy): boolean =>
      (s.events1 === 0 && s.events2 === 0) || (s.events1 === s.total1 && s.events2 === s.total2);
    // if0all: metafor checks for a zero cell among the studies that are not dropped
    const anyZero = input.studies.some((s) => !(drop00 && is00(s)) && hasZero(s));
    input.studies.forEach((s, i) => {
      const name = label(s, i);
      if (drop00 && is00(s)) {
        push(name, NaN, NaN, true, 0);
        return;
      }
      const inc = to === 'all' || (to === 'only0' && hasZero(s)) || (to === 'if0all' && anyZero) ? add : 0;
      const a = s.events1 + inc;
      const b = s.total1 - s.events1 + inc;
      const c = s.events2 + inc;
      const d = s.total2 - s.events2 + inc;
      const n1 = a + b;
      const n2 = c + d;
      const p1 = a / n1;
      const p2 = c / n2;
      let y: number;
      let v: number;
      if (measure === 'RR') {
        y = Math.log(p1) - Math.log(p2);
        v = 1 / a - 1 / n1 + 1 / c - 1 / n2;
      } else if (measure === 'OR') {
        y = Math.log(p1 / (1 - p1)) - Math.log(p2 / (1 - p2));
        v = 1 / a + 1 / b + 1 / c + 1 / d;
      } else if (measure === 'RD') {
        y = p1 - p2;
        v = (p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2;
      } else {
        const N = n1 + n2;
        const xt = a + c;
        const yt = b + d;
        const E = (xt * n1) / N;
        const V = (xt * yt * (n1 / N) * (n2 / N)) / (N - 1);
        y = (a - E) / V;
        v = 1 / V;
      }
      // a table whose estimate is undefined (e.g. a zero cell with no correction) is left out, not an error
      const bad = !Number.isFinite(y) || !Number.isFinite(v) || !(v > 0);
      push(name, y, v, bad, inc);
    });
    return { measure, studies, yi, vi, dropped, added, input };
  }

  if (input.measure === 'MD' || input.measure === 'SMD') {
    const measure = input.measure;
    input.studies.forEach((s, i) => {
      const row = i + 1;
      checkContinuous(s, row, s.study);
      const name = label(s, i);
      if (measure === 'MD') {
        push(name, s.mean1 - s.mean2, (s.sd1 * s.sd1) / s.n1 + (s.sd2 * s.sd2) / s.n2, false, 0);
        return;
      }
      const m = s.n1 + s.n2 - 2;
      if (m <= 1) throw new EvidenceInputError(`n1 + n2 = ${s.n1 + s.n2} is too small for an SMD (needs >= 4)`, 'n1', row, s.study);
      const sdp = Math.sqrt(((s.n1 - 1) * s.sd1 * s.sd1 + (s.n2 - 1) * s.sd2 * s.sd2) / m);
      if (!(sdp > 0)) throw new EvidenceInputError('both standard deviations are 0, so the SMD is undefined', 'sd1', row, s.study);
      const g = hedgesJ(m, options.exactJ ?? true) * ((s.mean1 - s.mean2) / sdp);
      push(name, g, 1 / s.n1 + 1 / s.n2 + (g * g) / (2 * (s.n1 + s.n2)), false, 0);
    });
    return { measure, studies, yi, vi, dropped, added, input };
  }

  if (input.measure === 'PLO') {
    const add = options.add ?? 0.5;
    const to = options.to ?? 'only0';
    input.studies.forEach((s, i) => {
      const row = i + 1;
      requireCount(s.events, 'events', row, s.study);
      requireCount(s.total, 'total', row, s.study);
      if (s.total === 0) throw new EvidenceInputError('0 is not a valid total', 'total', row, s.study);
      if (s.events > s.total) throw new EvidenceInputError(`${s.events} events exceed total = ${s.total}`, 'events', row, s.study);
    });
    const hasZero = (s: { events: number; total: number }): boolean => s.events === 0 || s.events === s.total;
    const anyZero = input.studies.some(hasZero);
    input.studies.forEach((s, i) => {
      const inc = to === 'all' || (to === 'only0' && hasZero(s)) || (to === 'if0all' && anyZero) ? add : 0;
      const x = s.events + inc;
      const m = s.total - s.events + inc;
      const p = x / (x + m);
      const y = Math.log(p / (1 - p));
      const v = 1 / x + 1 / m;
      const bad = !Number.isFinite(y) || !Number.isFinite(v);
      push(label(s, i), y, v, bad, inc);
    });
    return { measure: 'PLO', studies, yi, vi, dropped, added, input };
  }

  if (input.measure !== 'GEN') throw new EvidenceInputError(`"${String(input.measure)}" is not a known measure`, 'measure');
  const generic = input.studies;
  generic.forEach((s, i) => {
    const row = i + 1;
    requireFinite(s.yi, 'yi', row, s.study);
    requirePositive(s.vi, 'vi', row, s.study);
    push(label(s, i), s.yi, s.vi, false, 0);
  });
  return { measure: 'GEN', studies, yi, vi, dropped, added, input };
}
