// Every number in a model carries its provenance: a value without a source is a defect. The
// evidence levels follow ../../shared/reference (P primary, L label, S secondary, D derived,
// U unverified), plus the two kinds this project produces itself: values fitted by
// `ldn calibrate` and explicit modelling assumptions (with a plausible range to vary).

export type EvidenceLevel = 'primary' | 'label' | 'secondary' | 'derived' | 'unverified' | 'fitted' | 'assumption';

export const EVIDENCE_LEVEL_LABEL: Record<EvidenceLevel, string> = {
  primary: 'P primary source',
  label: 'L regulatory label',
  secondary: 'S secondary source',
  derived: 'D derived by arithmetic',
  unverified: 'U unverified',
  fitted: 'fitted (ldn calibrate)',
  assumption: 'modelling assumption',
};

export interface Parameter {
  /** identifier used in equations, e.g. `CL` */
  readonly id: string;
  /** what it is, in words */
  readonly label: string;
  readonly value: number;
  readonly unit: string;
  /** plausible range [low, high] used for sensitivity analysis and priors */
  readonly range: readonly [number, number];
  /** id of a source in SOURCES (sources.ts), or `calibration` for fitted values */
  readonly source: string;
  readonly evidence: EvidenceLevel;
  /** where the number comes from and why it has this value */
  readonly note: string;
}

export interface ParameterSet {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly parameters: Readonly<Record<string, Parameter>>;
}

/** plain values of a parameter set, for the right-hand side */
export function parameterValues(set: ParameterSet): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, p] of Object.entries(set.parameters)) out[k] = p.value;
  return out;
}
