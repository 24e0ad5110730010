// The summary a clinician or pharmacologist reads first: exposure (NCA) and μ/κ/δ occupancy
// after the first dose and at steady state. The first-dose figures come from a separate
// simulation of that dose alone (so later doses cannot contaminate AUC0–∞ and t½); steady state
// is the last full 24 h after a dose in the simulated span, and is flagged as not reached when
// that day still differs from the day before by more than 2 %.

import { nca } from './nca/nca.js';
import { occupancyMetrics, type OccupancyMetrics } from './nca/occupancy.js';
import { simulate, type SimulateOptions, type Trajectory } from './simulate.js';

export interface FirstDoseExposure {
  cmax_ng_ml: number;
  tmax_h: number;
  auc_0_24_ng_h_ml: number;
  auc_0_inf_ng_h_ml: number;
  half_life_h: number;
}

export interface SteadyStateExposure {
  cmax_ng_ml: number;
  tmax_h: number;
  cmin_ng_ml: number;
  auc_0_24_ng_h_ml: number;
  cavg_ng_ml: number;
}

export interface OccupancyByReceptor {
  mu: OccupancyMetrics;
  kappa: OccupancyMetrics;
  delta: OccupancyMetrics;
}

export interface SimulationSummary {
  first_dose: {
    dose_mg: number;
    naltrexone: FirstDoseExposure;
    naltrexol: FirstDoseExposure;
    occupancy_0_24h: OccupancyByReceptor;
  };
  steady_state: {
    window_h: [number, number];
    reached: boolean;
    naltrexone: SteadyStateExposure;
    naltrexol: SteadyStateExposure;
    occupancy: OccupancyByReceptor;
    /** AUC0–24 at steady state / AUC0–24 after the first dose */
    accumulation_ratio: { naltrexone: number; naltrexol: number };
  } | null;
  /** why steady_state is null, when it is */
  steady_state_note?: string;
}

const DAY = 24;
const SINGLE_DOSE_DAYS = 7;

function occupancyIn(traj: Trajectory, from: number, to: number): OccupancyByReceptor {
  const t = traj.time_h;
  return {
    mu: occupancyMetrics(t, traj.series.mu_occupancy!, from, to),
    kappa: occupancyMetrics(t, traj.series.kappa_occupancy!, from, to),
    delta: occupancyMetrics(t, traj.series.delta_occupancy!, from, to),
  };
}

function firstDoseExposure(t: Float64Array, c: Float64Array): FirstDoseExposure {
  const r = nca(t, c);
  return {
    cmax_ng_ml: r.cmax,
    tmax_h: r.tmax,
    auc_0_24_ng_h_ml: nca(t, c, 0, DAY).auc,
    auc_0_inf_ng_h_ml: r.aucInf,
    half_life_h: r.halfLife,
  };
}

function steadyExposure(t: Float64Array, c: Float64Array, from: number, to: number): SteadyStateExposure {
  const r = nca(t, c, from, to);
  let cmin = Infinity;
  for (let i = 0; i < t.length; i++) if (t[i]! >= from - 1e-9 && t[i]! <= to + 1e-9) cmin = Math.min(cmin, c[i]!);
  return { cmax_ng_ml: r.cmax, tmax_h: r.tmax, cmin_ng_ml: cmin, auc_0_24_ng_h_ml: r.auc, cavg_ng_ml: r.auc / (to - from) };
}

/** Summarises a trajectory; `options` are the ones that produced it (for the first-dose run). */
export function summarize(traj: Trajectory, options: SimulateOptions): SimulationSummary {
  const first = traj.doses[0];
  if (!first) throw new RangeError('the regimen gives no dose inside the simulated span');
  const single = simulate({
    ...options,
    schedule: { doses: [{ ...first, time_h: 0 }], firstDoseClockH: traj.firstDoseClockH },
    days: SINGLE_DOSE_DAYS,
    step_h: Math.min(options.step_h ?? 0.25, 0.25),
    times: undefined,
    includeStates: false,
  });
  const st = single.time_h;
  const summary: SimulationSummary = {
    first_dose: {
      dose_mg: first.dose_mg,
      naltrexone: firstDoseExposure(st, single.series.naltrexone_ng_ml!),
      naltrexol: firstDoseExposure(st, single.series.naltrexol_ng_ml!),
      occupancy_0_24h: occupancyIn(single, 0, DAY),
    },
    steady_state: null,
  };

  const t = traj.time_h;
  const end = t[t.length - 1]!;
  const candidates = traj.doses.filter((d) => d.time_h + DAY <= end + 1e-9);
  if (traj.doses.length < 2) {
    summary.steady_state_note = 'a single dose has no steady state';
    return summary;
  }
  const last = candidates[candidates.length - 1];
  if (!last || last.time_h === 0) {
    summary.steady_state_note = 'the simulated span holds no full day after a repeated dose; simulate more days';
    return summary;
  }
  const from = last.time_h;
  const to = from + DAY;
  const nal = steadyExposure(t, traj.series.naltrexone_ng_ml!, from, to);
  const nol = steadyExposure(t, traj.series.naltrexol_ng_ml!, from, to);
  const occ = occupancyIn(traj, from, to);
  // reached: the day before (same clock window) differs by less than 2 % in the slow quantities
  let reached = false;
  if (from - DAY >= -1e-9) {
    const prevNol = nca(t, traj.series.naltrexol_ng_ml!, from - DAY, from).auc;
    const prevMu = occupancyMetrics(t, traj.series.mu_occupancy!, from - DAY, from).mean;
    reached = Math.abs(prevNol - nol.auc_0_24_ng_h_ml) <= 0.02 * nol.auc_0_24_ng_h_ml && Math.abs(prevMu - occ.mu.mean) <= 0.02 * Math.max(occ.mu.mean, 1e-12);
  }
  const scale = last.dose_mg / first.dose_mg;
  summary.steady_state = {
    window_h: [from, to],
    reached,
    naltrexone: nal,
    naltrexol: nol,
    occupancy: occ,
    accumulation_ratio: {
      naltrexone: nal.auc_0_24_ng_h_ml / (summary.first_dose.naltrexone.auc_0_24_ng_h_ml * scale),
      naltrexol: nol.auc_0_24_ng_h_ml / (summary.first_dose.naltrexol.auc_0_24_ng_h_ml * scale),
    },
  };
  if (!reached) summary.steady_state_note = 'the last simulated day still differs from the day before by more than 2 %; simulate more days for steady state';
  return summary;
}
