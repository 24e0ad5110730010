// Leave-one-out and cumulative meta-analysis of the inverse-variance model (metafor's leave1out() and
// cumul()): the same method and test refitted to each subset, so readers can see which study drives the
// result and how the evidence accumulated over time.
import { EvidenceInputError } from '../stats/errors.js';
import { rma, type RmaFit, type RmaInput, type RmaOptions } from './rma.js';
import type { EffectSizes } from './types.js';

export interface SubsetFit {
  /** the study left out (leave-one-out) or the last one added (cumulative) */
  study: string;
  fit: RmaFit;
}

function usable(input: RmaInput | EffectSizes): { yi: number[]; vi: number[]; studies: string[] } {
  const yi: number[] = [];
  const vi: number[] = [];
  const studies: string[] = [];
  input.yi.forEach((y, i) => {
    if (input.dropped?.[i] === true) return;
    yi.push(y);
    vi.push(input.vi[i] as number);
    studies.push(input.studies?.[i] ?? `Study ${i + 1}`);
  });
  return { yi, vi, studies };
}

/** Refits the model k times, each time without one study (needs k >= 3 for random effects). */
export function leaveOneOut(input: RmaInput | EffectSizes, options: RmaOptions = {}): SubsetFit[] {
  const { yi, vi, studies } = usable(input);
  if (yi.length < 2) throw new EvidenceInputError(`${yi.length} studies are too few for leave-one-out; at least 2 needed`, 'k');
  return studies.map((s, i) => {
    const keep = (_v: unknown, j: number): boolean => j !== i;
    const sub = { yi: yi.filter(keep), vi: vi.filter(keep), studies: studies.filter(keep), measure: input.measure ?? 'GEN' };
    return { study: s, fit: rma(sub, { ...options, allowSingleStudy: true }) };
  });
}

/**
 * Cumulative meta-analysis: fits the first 1, 2, ..., k studies in the given order (indices into the
 * usable studies; default input order). The first step is the single study with tau^2 = 0, as metafor.
 */
export function cumulative(input: RmaInput | EffectSizes, options: RmaOptions = {}, order?: readonly number[]): SubsetFit[] {
  const { yi, vi, studies } = usable(input);
  const ord = order ?? [...yi.keys()];
  if (ord.length !== yi.length || new Set(ord).size !== ord.length || ord.some((i) => !(i >= 0 && i < yi.length))) {
    throw new EvidenceInputError('order must be a permutation of the study indices', 'order');
  }
  return ord.map((_i, step) => {
    const idx = ord.slice(0, step + 1);
    const sub = {
      yi: idx.map((j) => yi[j] as number),
      vi: idx.map((j) => vi[j] as number),
      studies: idx.map((j) => studies[j] as string),
      measure: input.measure ?? 'GEN',
    };
    return { study: studies[ord[step] as number] as string, fit: rma(sub, { ...options, allowSingleStudy: true }) };
  });
}
