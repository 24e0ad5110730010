// What each active hypothesis predicts for a regimen, in words and numbers, beside its evidence
// grade: the regimen summary clinicians and researchers read. It also classifies the regimen's
// μ blockade as intermittent or sustained (hours per day above 50 % occupancy on the last simulated
// day), the property on which H1 and H3 depend.

import type { HypothesisId, HypothesisModule } from './models/modules/types.js';
import { HYPOTHESIS_MODULES } from './models/ldn/compose.js';
import { hoursAbove, occupancyMetrics } from './nca/occupancy.js';
import type { Trajectory } from './simulate.js';

/** Blockade above 50% μ occupancy for fewer hours a day than this is "intermittent". */
export const INTERMITTENT_MAX_HOURS = 12;

export interface BlockadeSummary {
  window_h: [number, number];
  hours_above_50: number;
  hours_above_90: number;
  pattern: 'intermittent' | 'sustained' | 'none';
  text: string;
}

export interface HypothesisPrediction {
  id: HypothesisId;
  title: string;
  evidence_grade: string;
  evidence: string;
  /** the prediction in one or two sentences with the numbers */
  text: string;
  numbers: Record<string, number>;
}

const f = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '–');
const pct = (x: number, d = 0) => `${(100 * x).toFixed(d)}%`;

function lastDay(traj: Trajectory): [number, number] {
  const end = traj.time_h[traj.time_h.length - 1]!;
  return [Math.max(0, end - 24), end];
}

function series(traj: Trajectory, id: string): Float64Array {
  const s = traj.series[id];
  if (!s) throw new RangeError(`the trajectory has no output ${id}; was the module switched on?`);
  return s;
}

/** The output at the last time (on or before the end) that falls on clock time `clockH`, interpolated linearly. */
function valueAtClock(traj: Trajectory, id: string, clockH: number): { value: number; time_h: number } {
  const t = traj.time_h;
  const s = series(traj, id);
  const end = t[t.length - 1]!;
  const back = ((((traj.firstDoseClockH + end - clockH) % 24) + 24) % 24);
  const at = end - back;
  if (at < t[0]!) return { value: NaN, time_h: NaN };
  let i = 0;
  while (i + 1 < t.length && t[i + 1]! <= at) i++;
  if (i + 1 >= t.length || t[i] === at) return { value: s[i]!, time_h: at };
  const w = (at - t[i]!) / (t[i + 1]! - t[i]!);
  return { value: s[i]! + w * (s[i + 1]! - s[i]!), time_h: at };
}

function mean(traj: Trajectory, id: string, [a, b]: [number, number]): number {
  return occupancyMetrics(traj.time_h, series(traj, id), a, b).mean;
}

export function blockadeSummary(traj: Trajectory): BlockadeSummary {
  const w = lastDay(traj);
  const mu = series(traj, 'mu_occupancy');
  const h50 = hoursAbove(traj.time_h, mu, 0.5, w[0], w[1]);
  const h90 = hoursAbove(traj.time_h, mu, 0.9, w[0], w[1]);
  const pattern = h50 <= 0 ? 'none' : h50 < INTERMITTENT_MAX_HOURS ? 'intermittent' : 'sustained';
  const text =
    pattern === 'none'
      ? 'μ occupancy stays below 50% all day: no blockade in the sense of the intermittent-blockade hypotheses.'
      : `μ occupancy is above 50% for ${f(h50)} h and above 90% for ${f(h90)} h of the last simulated day: ${pattern} blockade (intermittent means under ${INTERMITTENT_MAX_HOURS} h a day).`;
  return { window_h: w, hours_above_50: h50, hours_above_90: h90, pattern, text };
}

function predictRebound(traj: Trajectory, m: HypothesisModule): HypothesisPrediction {
  const w = lastDay(traj);
  const morning = valueAtClock(traj, 'beta_endorphin_rel', 8);
  const signalMean = mean(traj, 'mu_signal_rel', w);
  const above = hoursAbove(traj.time_h, series(traj, 'mu_signal_rel'), 1, w[0], w[1]);
  const mor = series(traj, 'mor_density_rel');
  const morEnd = mor[mor.length - 1]!;
  const endoMean = mean(traj, 'beta_endorphin_rel', w);
  const text =
    `β-endorphin at 08:00 on the last day is ×${f(morning.value, 2)} of no drug (day mean ×${f(endoMean, 2)}); μ receptors ×${f(morEnd, 2)}. ` +
    `Net μ signalling averages ${pct(signalMean)} of no drug over the last day and exceeds it for ${f(above)} h (a rebound needs it above 100%).`;
  return {
    id: m.id,
    title: m.title,
    evidence_grade: m.evidence.grade,
    evidence: m.evidence.summary,
    text,
    numbers: { beta_endorphin_0800_rel: morning.value, beta_endorphin_day_mean_rel: endoMean, mor_density_rel: morEnd, mu_signal_day_mean_rel: signalMean, mu_signal_hours_above_baseline: above },
  };
}

function predictTlr4(traj: Trajectory, m: HypothesisModule, values: Readonly<Record<string, number>>): HypothesisPrediction {
  const w = lastDay(traj);
  const unbound = series(traj, 'naltrexone_unbound_nM');
  const peak = Math.max(...unbound);
  const ic50nM = values['tlr4.ic50Naltrexone']! * 1000;
  const gap = ic50nM / peak;
  const inhibitionPeak = Math.max(...series(traj, 'tlr4_inhibition'));
  const il6Base = values['tlr4.il6Baseline']!;
  const il6Change = mean(traj, 'il6_pg_ml', w) / il6Base - 1;
  const tnfChange = mean(traj, 'tnf_pg_ml', w) / values['tlr4.tnfBaseline']! - 1;
  const text =
    `Peak unbound naltrexone ${f(peak, 2)} nM against a TLR4 IC50 of ${f(ic50nM / 1000, 1)} µM: ${Math.round(gap).toLocaleString('en-US')}-fold below. ` +
    `Peak TLR4 inhibition ${(100 * inhibitionPeak).toPrecision(2)}%; IL-6 ${(100 * il6Change).toPrecision(2)}%, TNF-α ${(100 * tnfChange).toPrecision(2)}% over the last day (observed in 8 patients on 4.5 mg: IL-6 −35%, Parkitny 2017).`;
  return {
    id: m.id,
    title: m.title,
    evidence_grade: m.evidence.grade,
    evidence: m.evidence.summary,
    text,
    numbers: { peak_unbound_naltrexone_nM: peak, tlr4_ic50_nM: ic50nM, concentration_gap_fold: gap, peak_tlr4_inhibition: inhibitionPeak, il6_change: il6Change, tnf_change: tnfChange },
  };
}

function predictOgf(traj: Trajectory, m: HypothesisModule): HypothesisPrediction {
  const w = lastDay(traj);
  const blockadeHours = hoursAbove(traj.time_h, series(traj, 'ogfr_blockade'), 0.5, w[0], w[1]);
  const g = series(traj, 'growth_rate_rel');
  const growth = g[g.length - 1]!;
  const effect = growth < 0.98 ? 'inhibits' : growth > 1.02 ? 'stimulates' : 'leaves unchanged';
  const text =
    `OGF receptor blocked ${f(blockadeHours)} h on the last day; the OGF–OGFr model ${effect} cell growth (rate ×${f(growth, 2)} of no drug). ` +
    (effect === 'stimulates' ? 'That is the opposite of the intended effect: it needs intermittent, not sustained, blockade.' : effect === 'inhibits' ? 'Inhibition requires the blockade to stay intermittent.' : '');
  return {
    id: m.id,
    title: m.title,
    evidence_grade: m.evidence.grade,
    evidence: m.evidence.summary,
    text: text.trim(),
    numbers: { ogfr_blockade_hours: blockadeHours, growth_rate_rel: growth },
  };
}

/** Predictions of every module present in the trajectory. */
export function predictHypotheses(traj: Trajectory, hypotheses: readonly HypothesisId[], values: Readonly<Record<string, number>>): HypothesisPrediction[] {
  return hypotheses.map((id) => {
    const m = HYPOTHESIS_MODULES[id];
    if (id === 'rebound') return predictRebound(traj, m);
    if (id === 'tlr4') return predictTlr4(traj, m, values);
    return predictOgf(traj, m);
  });
}
