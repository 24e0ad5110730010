// Model predictions of the calibration targets: the simulations the targets describe (a 50 mg
// single dose for the PK targets; single doses of 2–50 mg for the PET targets), computed with
// the ordinary `simulate` so that calibration and use run the very same model.

import { phaseHalfLife } from '../nca/nca.js';
import { simulate } from '../simulate.js';
import type { ParameterSet } from '../parameters/types.js';
import type { CalibrationTarget } from './targets.js';
import { DEFAULT_PET_TIME_H } from './targets.js';

export interface PredictOptions {
  set: ParameterSet;
  values: Readonly<Record<string, number>>;
  petTimeH?: number;
}

function singleDose(opts: PredictOptions, doseMg: number, times: Float64Array | number[]) {
  return simulate({
    schedule: { doses: [{ time_h: 0, dose_mg: doseMg, kind: 'scheduled' }], firstDoseClockH: 0 },
    days: times[times.length - 1]! / 24,
    times,
    parameters: opts.set,
    overrides: opts.values,
    control: { rtol: 1e-9, atol: 1e-12 },
  });
}

/** Peak of sampled data refined by a parabola through the highest point and its neighbours. */
export function refinedPeak(t: ArrayLike<number>, c: ArrayLike<number>): { tmax: number; cmax: number } {
  let k = 0;
  for (let i = 1; i < c.length; i++) if (c[i]! > c[k]!) k = i;
  if (k === 0 || k === c.length - 1) return { tmax: t[k]!, cmax: c[k]! };
  const [t0, t1, t2] = [t[k - 1]!, t[k]!, t[k + 1]!];
  const [c0, c1, c2] = [c[k - 1]!, c[k]!, c[k + 1]!];
  const denom = (t0 - t1) * (t0 - t2) * (t1 - t2);
  const a = (t2 * (c1 - c0) + t1 * (c0 - c2) + t0 * (c2 - c1)) / denom;
  const b = (t2 * t2 * (c0 - c1) + t1 * t1 * (c2 - c0) + t0 * t0 * (c1 - c2)) / denom;
  if (!(a < 0)) return { tmax: t1, cmax: c1 };
  const tm = -b / (2 * a);
  const c0p = c1 - a * t1 * t1 - b * t1; // the parabola a·t² + b·t + c0p through the three points
  return { tmax: tm, cmax: a * tm * tm + b * tm + c0p };
}

const PK_TIMES = (() => {
  const t: number[] = [];
  for (let i = 0; i < 200; i++) t.push(i * 0.02); // 0–4 h finely, for Tmax
  for (let x = 4; x <= 96 + 1e-9; x += 1) t.push(x);
  return Float64Array.from(t);
})();

export function predictPk(opts: PredictOptions): Record<string, number> {
  const tr = singleDose(opts, 50, PK_TIMES);
  const t = tr.time_h;
  const ntx = tr.series.naltrexone_ng_ml!;
  const ntb = tr.series.naltrexol_ng_ml!;
  const pn = refinedPeak(t, ntx);
  const pb = refinedPeak(t, ntb);
  return {
    ntx_cmax_50: pn.cmax,
    ntx_tmax_50: pn.tmax,
    ntb_cmax_50: pb.cmax,
    ntb_tmax_50: pb.tmax,
    ntx_t12_dominant: phaseHalfLife(t, ntx, 2, 12),
    ntx_t12_terminal: phaseHalfLife(t, ntx, 36, 72),
    ntb_t12: phaseHalfLife(t, ntb, 24, 72),
    ntb_t12_iv: (Math.LN2 * opts.values.Vm!) / opts.values.CLm!,
  };
}

export function predictOccupancy(opts: PredictOptions): Record<string, number> {
  const tPet = opts.petTimeH ?? DEFAULT_PET_TIME_H;
  const out: Record<string, number> = {};
  const at = (dose: number) => 100 * singleDose(opts, dose, [0, tPet]).series.mu_occupancy![1]!;
  const occ = { 2: at(2), 5: at(5), 15: at(15), 50: at(50) };
  out.rabiner_2mg = occ[2];
  out.rabiner_5mg_1 = out.rabiner_5mg_2 = out.rabiner_5mg_3 = occ[5];
  out.rabiner_15mg = occ[15];
  out.rabiner_50mg_1 = out.rabiner_50mg_2 = occ[50];
  const lee = singleDose(opts, 50, [0, 1, 48, 72, 120, 168]).series.mu_occupancy!;
  const ref = lee[1]!;
  out.lee_48h = (100 * lee[2]!) / ref;
  out.lee_72h = (100 * lee[3]!) / ref;
  out.lee_120h = (100 * lee[4]!) / ref;
  out.lee_168h = (100 * lee[5]!) / ref;
  return out;
}

export function predictTargets(targets: readonly CalibrationTarget[], opts: PredictOptions): number[] {
  const stages = new Set(targets.map((t) => t.stage));
  const all: Record<string, number> = { ...(stages.has('pk') ? predictPk(opts) : {}), ...(stages.has('occupancy') ? predictOccupancy(opts) : {}) };
  return targets.map((t) => {
    const v = all[t.id];
    if (v === undefined) throw new RangeError(`no prediction for calibration target ${t.id}`);
    return v;
  });
}
