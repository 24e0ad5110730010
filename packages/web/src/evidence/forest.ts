// Forest plots of the evidence base for one condition: every between-arm effect a study reports
// with a confidence interval, grouped by effect measure (ratios on a log axis), plus risk ratios
// computed here from per-arm event counts when a study gives counts but no effect. Rows are never
// pooled: the outcomes and scales differ between studies, and a diamond would suggest a summary the
// evidence does not support. Each row says where its number comes from (as reported, derived in the
// record, computed here), beside the study's evidence level.
import { escalc, valueOf, type Arm, type EvidenceLevel, type NumberValue, type Study } from '@ldn/evidence';

export type ForestMeasure = 'RR' | 'OR' | 'RD' | 'MD' | 'SMD' | 'cohen_d' | 'effect_size' | 'median_difference' | 'percent_difference';
export type RowOrigin = 'reported' | 'derived' | 'computed';

export interface ForestEntry {
  studyId: string;
  studyLabel: string;
  evidenceLevel: EvidenceLevel;
  outcome: string;
  outcomeId: string;
  timepoint?: string;
  /** arm labels, treated first */
  arms: [string, string];
  /** their ids (for the record's texts in the reader's language) */
  armIds: [string, string];
  /** on the analysis scale (log for RR/OR) */
  estimate: number;
  ciLower: number;
  ciUpper: number;
  origin: RowOrigin;
  /** counts behind a computed RR, e.g. "3/20 vs 9/20" */
  counts?: string;
  /** the same counts as numbers (treated arm first), for a meta-analysis the reader sets up */
  cells?: { events1: number; total1: number; events2: number; total2: number };
}

export interface ForestGroup {
  measure: ForestMeasure;
  scale: 'log' | 'linear';
  entries: ForestEntry[];
}

export interface ForestSkip {
  studyId: string;
  studyLabel: string;
  outcome: string;
  measure: string;
  reason: 'no_ci' | 'not_found';
}

const RATIO = new Set(['RR', 'OR']);
const TREATED = new Set<Arm['role']>(['ldn', 'naltrexone']);

const usable = (n: NumberValue | undefined): n is Exclude<NumberValue, { status: 'not_found' }> => n !== undefined && n.status !== 'not_found';

function originOf(...ns: (NumberValue | undefined)[]): RowOrigin {
  return ns.some((n) => n?.status === 'derived') ? 'derived' : 'reported';
}

function armLabel(study: Study, id: string): string {
  return study.arms.find((a) => a.id === id)?.label ?? id;
}

/** Effects with intervals (and computed RRs) of the given studies, by measure, plus what could not be drawn. */
export function forestGroups(studies: readonly Study[]): { groups: ForestGroup[]; skipped: ForestSkip[] } {
  const byMeasure = new Map<ForestMeasure, ForestEntry[]>();
  const skipped: ForestSkip[] = [];
  const add = (m: ForestMeasure, e: ForestEntry): void => {
    const list = byMeasure.get(m) ?? [];
    list.push(e);
    byMeasure.set(m, list);
  };
  for (const study of studies) {
    for (const outcome of study.outcomes) {
      const base = { studyId: study.id, studyLabel: study.label, evidenceLevel: study.evidenceLevel, outcome: outcome.name, outcomeId: outcome.id, ...(outcome.timepoint !== undefined ? { timepoint: outcome.timepoint } : {}) };
      let hasEffect = false;
      for (const c of outcome.comparisons) {
        const eff = c.effect;
        if (!eff || c.arms.length !== 2) continue;
        hasEffect = true;
        const measure: ForestMeasure = eff.measure;
        if (!usable(eff.estimate)) {
          skipped.push({ studyId: study.id, studyLabel: study.label, outcome: outcome.name, measure, reason: 'not_found' });
          continue;
        }
        if (!usable(eff.ciLower) || !usable(eff.ciUpper)) {
          skipped.push({ studyId: study.id, studyLabel: study.label, outcome: outcome.name, measure, reason: 'no_ci' });
          continue;
        }
        const tr = RATIO.has(measure) ? Math.log : (x: number) => x;
        const [est, lo, hi] = [valueOf(eff.estimate)!, valueOf(eff.ciLower)!, valueOf(eff.ciUpper)!].map(tr) as [number, number, number];
        if (![est, lo, hi].every(Number.isFinite)) continue;
        add(measure, { ...base, arms: [armLabel(study, c.arms[0]!), armLabel(study, c.arms[1]!)], armIds: [c.arms[0]!, c.arms[1]!], estimate: est, ciLower: lo, ciUpper: hi, origin: originOf(eff.estimate, eff.ciLower, eff.ciUpper) });
      }
      if (hasEffect) continue;
      // counts in two arms (treated vs comparator) and no effect reported: a risk ratio computed here
      const withCounts = outcome.results.filter((r) => usable(r.events) && usable(r.total));
      const treated = withCounts.find((r) => TREATED.has(study.arms.find((a) => a.id === r.arm)?.role ?? 'other'));
      const control = withCounts.find((r) => r !== treated && !TREATED.has(study.arms.find((a) => a.id === r.arm)?.role ?? 'other'));
      if (!treated || !control) continue;
      const e1 = valueOf(treated.events)!;
      const n1 = valueOf(treated.total)!;
      const e2 = valueOf(control.events)!;
      const n2 = valueOf(control.total)!;
      try {
        const es = escalc({ measure: 'RR', studies: [{ study: study.label, events1: e1, total1: n1, events2: e2, total2: n2 }] });
        const yi = es.yi[0]!;
        const se = Math.sqrt(es.vi[0]!);
        if (!Number.isFinite(yi) || !Number.isFinite(se)) continue;
        add('RR', {
          ...base,
          arms: [armLabel(study, treated.arm), armLabel(study, control.arm)],
          armIds: [treated.arm, control.arm],
          estimate: yi,
          ciLower: yi - 1.959963984540054 * se,
          ciUpper: yi + 1.959963984540054 * se,
          origin: 'computed',
          counts: `${e1}/${n1} vs ${e2}/${n2}`,
          cells: { events1: e1, total1: n1, events2: e2, total2: n2 },
        });
      } catch {
        /* counts that escalc refuses (events > total) are not drawn */
      }
    }
  }
  const order: ForestMeasure[] = ['RR', 'OR', 'RD', 'MD', 'SMD', 'cohen_d', 'effect_size', 'median_difference', 'percent_difference'];
  const groups = order.flatMap((m) => {
    const entries = byMeasure.get(m);
    return entries && entries.length > 0 ? [{ measure: m, scale: RATIO.has(m) ? ('log' as const) : ('linear' as const), entries }] : [];
  });
  return { groups, skipped };
}

/** Shortens a label to `max` characters with an ellipsis (forest-plot columns have fixed widths). */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

