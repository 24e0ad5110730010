// The published numbers the LDN model is calibrated to, as data with their sources and the
// uncertainty used to weight them (pharmacology.md §8 "Validation targets"). A target's residual
// is (predicted − observed)/σ on a linear or log scale; σ is stated, with its basis, per target.

import type { EvidenceLevel } from '../parameters/types.js';

export type CalibrationStage = 'pk' | 'occupancy';

export interface CalibrationTarget {
  readonly id: string;
  readonly stage: CalibrationStage;
  readonly description: string;
  readonly observed: number;
  readonly unit: string;
  /** residual scale: linear (σ in the target's unit) or log (σ as a log ratio, ≈ relative) */
  readonly scale: 'linear' | 'log';
  readonly sigma: number;
  readonly sigmaBasis: string;
  readonly source: string;
  readonly evidence: EvidenceLevel;
}

const PK_SIGMA = 'no dispersion is published with this summary; 10% (log scale) is the tolerance we accept for a label summary';

export const PK_TARGETS: readonly CalibrationTarget[] = [
  { id: 'ntx_cmax_50', stage: 'pk', description: 'naltrexone Cmax after 50 mg', observed: 13.3, unit: 'ng/mL', scale: 'log', sigma: 0.1, sigmaBasis: PK_SIGMA, source: 'swiss-label', evidence: 'label' },
  { id: 'ntx_tmax_50', stage: 'pk', description: 'naltrexone Tmax after 50 mg', observed: 1, unit: 'h', scale: 'linear', sigma: 0.25, sigmaBasis: 'label states Tmax "within 1 h"; ±0.25 h', source: 'fda-label', evidence: 'label' },
  { id: 'ntb_cmax_50', stage: 'pk', description: '6β-naltrexol Cmax after 50 mg', observed: 108, unit: 'ng/mL', scale: 'log', sigma: 0.1, sigmaBasis: PK_SIGMA, source: 'swiss-label', evidence: 'label' },
  { id: 'ntb_tmax_50', stage: 'pk', description: '6β-naltrexol Tmax after 50 mg', observed: 1, unit: 'h', scale: 'linear', sigma: 0.5, sigmaBasis: 'label ≈1 h; Verebey 1976 2 h after 100 mg: ±0.5 h', source: 'swiss-label', evidence: 'label' },
  { id: 'ntx_t12_dominant', stage: 'pk', description: 'naltrexone dominant half-life (log-linear fit 2–12 h)', observed: 4, unit: 'h', scale: 'log', sigma: 0.1, sigmaBasis: 'label and Meyer 1984 ≈4 h; 10%', source: 'meyer1984', evidence: 'primary' },
  { id: 'ntx_t12_terminal', stage: 'pk', description: 'naltrexone terminal half-life (log-linear fit 36–72 h)', observed: 10, unit: 'h', scale: 'log', sigma: 0.1, sigmaBasis: 'Wall 1981 8.9 h, Licko 1981 9.5–10.9 h, Verebey 1976 10.3 ± 3.3 h; 10%', source: 'licko1981', evidence: 'primary' },
  { id: 'ntb_t12_iv', stage: 'pk', description: '6β-naltrexol elimination half-life (i.v. 6β-naltrexol: ln2·Vm/CLm)', observed: 11.1, unit: 'h', scale: 'log', sigma: 0.22, sigmaBasis: 'SD 2.4 h of 10 men (CV 22%)', source: 'yancey-wrona2011', evidence: 'primary' },
  { id: 'ntb_t12', stage: 'pk', description: '6β-naltrexol half-life (log-linear fit 24–72 h)', observed: 12.5, unit: 'h', scale: 'log', sigma: 0.05, sigmaBasis: 'label 13 h, Meyer 1984 12 h, Verebey 1976 12.7 h: 5%', source: 'meyer1984', evidence: 'primary' },
];

/**
 * σ for the Rabiner points: the pooled SD of the replicate scans at one dose (5 mg: 43, 46, 58 %;
 * 50 mg: 92, 98 %), √((126 + 18)/3) = 6.9 percentage points (derived).
 */
export const RABINER_SIGMA = 6.9;

/** scan time assumed for the Rabiner points; the source says only "< 8 h" (Trøstheim 2022 Table 1) */
export const DEFAULT_PET_TIME_H = 4;

const rabiner = (dose: number, occupancyPct: number, k: number): CalibrationTarget => ({
  id: `rabiner_${dose}mg${k ? `_${k}` : ''}`,
  stage: 'occupancy',
  description: `μ occupancy < 8 h after ${dose} mg (scan time assumed ${DEFAULT_PET_TIME_H} h)`,
  observed: occupancyPct,
  unit: '%',
  scale: 'linear',
  sigma: RABINER_SIGMA,
  sigmaBasis: 'pooled SD of replicate scans at 5 and 50 mg (derived)',
  source: 'rabiner2011',
  evidence: 'primary',
});

const lee = (h: number, pct: number, sem: number, n: number): CalibrationTarget => ({
  id: `lee_${h}h`,
  stage: 'occupancy',
  description: `μ blockade ${h} h after 50 mg, % of the 1-h value (n = ${n})`,
  observed: pct,
  unit: '% of 1 h',
  scale: 'linear',
  sigma: sem,
  sigmaBasis: `SEM reported in Lee 1988 Table 2 (n = ${n})`,
  source: 'lee1988',
  evidence: 'primary',
});

export const OCCUPANCY_TARGETS: readonly CalibrationTarget[] = [
  rabiner(2, 27, 0),
  rabiner(5, 43, 1),
  rabiner(5, 46, 2),
  rabiner(5, 58, 3),
  rabiner(15, 61, 0),
  rabiner(50, 92, 1),
  rabiner(50, 98, 2),
  lee(48, 91, 6.4, 3),
  lee(72, 80, 6.3, 3),
  lee(120, 46, 7.4, 5),
  lee(168, 30, 13.8, 4),
];

export function residual(target: CalibrationTarget, predicted: number): number {
  if (target.scale === 'log') return Math.log(predicted / target.observed) / target.sigma;
  return (predicted - target.observed) / target.sigma;
}
