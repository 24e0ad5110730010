// dat.bcg (Colditz et al. 1994) as 2x2 tables, loaded from the R fixture, plus the fixture's typed shape.
import type { TwoByTwoStudy } from '../../src/index.js';
import { loadFixture } from './helpers.js';

export interface FitFx {
  beta: number;
  se: number;
  zval: number;
  pval: number;
  ci_lb: number;
  ci_ub: number;
  tau2: number;
  se_tau2: number | null;
  I2: number;
  H2: number;
  QE: number;
  QEp: number;
  k: number;
  pi_lb: number;
  pi_ub: number;
  tau2_ci?: [number, number];
  I2_ci?: [number, number];
  H2_ci?: [number, number];
  pi_hts?: [number, number];
}
export interface TestFx {
  beta: number;
  se: number;
  zval: number;
  pval: number;
  ci_lb: number;
  ci_ub: number;
  pi_lb?: number;
  pi_ub?: number;
}
export interface MhFx {
  beta: number;
  se: number;
  zval: number;
  pval: number;
  ci_lb: number;
  ci_ub: number;
  QE: number;
  QEp: number;
  I2: number;
  H2: number;
  weights: number[];
  TA?: number;
  TAp?: number;
  CMH_metafor_3_8?: number;
  revman_re: { tau2: number; beta: number; se: number; zval: number; ci_lb: number; ci_ub: number };
}
export interface SubsetFx {
  estimate: number[];
  se: number[];
  ci_lb: number[];
  ci_ub: number[];
  Q: number[];
  tau2: number[];
  I2: number[];
  H2: number[];
  zval?: number[];
  pval?: number[];
  Qp?: number[];
  order?: number[];
}
export interface BcgFx {
  data: { trial: number; author: string; year: number; tpos: number; tneg: number; cpos: number; cneg: number; ablat: number; alloc: string }[];
  RR: Record<string, FitFx | TestFx> & { yi: number[]; vi: number[] };
  OR: Record<string, FitFx | TestFx> & { yi: number[]; vi: number[] };
  RD: Record<string, FitFx | TestFx> & { yi: number[]; vi: number[] };
  PETO: Record<string, FitFx | TestFx> & { yi: number[]; vi: number[] };
  MH: { RR: MhFx; OR: MhFx; RD: MhFx };
  PETO_model: { beta: number; se: number; zval: number; pval: number; ci_lb: number; ci_ub: number; QE: number; QEp: number; I2: number; H2: number; weights: number[] };
  CMH: { corrected: number; uncorrected: number };
  subgroups: {
    groups: { group: string; k: number; beta: number; se: number; ci_lb: number; ci_ub: number; tau2: number; QE: number; QEp: number; I2: number }[];
    Q_between: number;
    Q_between_df: number;
    Q_between_p: number;
  };
  leave1out_REML: SubsetFx;
  leave1out_DL: SubsetFx;
  cumul_REML: SubsetFx;
  cumul_DL: SubsetFx;
}

export const bcg = loadFixture<BcgFx>('bcg.json');
export const bcgTables: TwoByTwoStudy[] = bcg.data.map((d) => ({
  study: `${d.author} ${d.year}`,
  events1: d.tpos,
  total1: d.tpos + d.tneg,
  events2: d.cpos,
  total2: d.cpos + d.cneg,
}));
export const fit = (m: string, measure: 'RR' | 'OR' | 'RD' | 'PETO' = 'RR'): FitFx => bcg[measure][m] as FitFx;
export const testFit = (m: string, measure: 'RR' | 'OR' | 'RD' | 'PETO' = 'RR'): TestFx => bcg[measure][m] as TestFx;
