// One virtual patient from (seed, index): covariates, then parameters. Each patient draws a fixed
// layout from its own stream (random.ts): four uniforms for the covariates (weight, age, hepatic
// status, hepatic multiplier), then one normal per entry of VARIABILITY, in order, whether or not
// that entry is varied or its module is switched on. So changing one assumption, the covariate
// options or the active modules never shifts the other draws: patient 17 keeps the same η for CL
// whether or not the cohort includes hepatic impairment or the TLR4 module.
//
// Order of application: typical value → covariates (weight and age on CL; hepatic impairment on F
// and CL) → between-patient variability (η) on the individual typical value.

import { detExp, detExpit, detLogit } from './detmath.js';
import { PatientStream } from './random.js';
import { VARIABILITY, type ParameterVariability } from './variability.js';
import { clearanceFactor, covariateMedian, hepaticMultiplier, sampleCovariate, type CovariateOptions } from './covariates.js';

export interface VirtualPatient {
  index: number;
  weight_kg: number;
  age_y: number;
  hepatic: boolean;
  /** naltrexone exposure multiplier from hepatic impairment (1 when not impaired) */
  hepatic_multiplier: number;
  /** individual values of every parameter that differs from the typical set (varied or covariate-shifted) */
  values: Record<string, number>;
}

/** uniforms drawn before the normals (weight, age, hepatic status, hepatic multiplier) */
export const COVARIATE_DRAWS = 4;

function need(values: Readonly<Record<string, number>>, id: string): number {
  const v = values[id];
  if (v === undefined || !Number.isFinite(v)) throw new RangeError(`population: the parameter set lacks ${id}`);
  return v;
}

/**
 * Samples patient `index` of the cohort with this seed. `typical` holds the parameter set's values
 * (core and every module); `spec` is the variability (default VARIABILITY).
 */
export function samplePatient(seed: number, index: number, typical: Readonly<Record<string, number>>, covariates: CovariateOptions, spec: readonly ParameterVariability[] = VARIABILITY): VirtualPatient {
  const stream = new PatientStream(seed, index);
  const uWeight = stream.uniform();
  const uAge = stream.uniform();
  const uHepatic = stream.uniform();
  const uMultiplier = stream.uniform();
  const eta = new Float64Array(spec.length);
  for (let k = 0; k < spec.length; k++) eta[k] = stream.normal();

  const weight = sampleCovariate(covariates.weight, uWeight);
  const age = sampleCovariate(covariates.age, uAge);
  const hepatic = uHepatic < covariates.hepaticFraction;
  const multiplier = hepatic ? hepaticMultiplier(uMultiplier) : 1;

  // individual typical values (covariates)
  const fa = need(typical, 'fa');
  const F = need(typical, 'F');
  const fmSys = need(typical, 'fmSys');
  const f6bn = need(typical, 'f6bn');
  let clTyp = need(typical, 'CL') * clearanceFactor(weight, age, covariateMedian(covariates.weight), covariateMedian(covariates.age));
  let fTyp = F;
  if (hepatic) {
    const root = Math.sqrt(multiplier);
    fTyp = F * root;
    if (!(fTyp < fa)) throw new RangeError(`population: hepatic impairment would raise F to ${fTyp} (√${multiplier} × ${F}), above the absorbed fraction fa = ${fa}`);
    clTyp /= root;
  }
  if (!(clTyp > 0)) throw new RangeError(`population: naltrexone clearance of patient ${index} is not positive (${clTyp} L/h; weight ${weight} kg, age ${age} years)`);

  const values: Record<string, number> = { CL: clTyp, F: fTyp };
  const individual = (id: string) => values[id] ?? need(typical, id);
  let f6bnSpec = -1;
  for (let k = 0; k < spec.length; k++) {
    const v = spec[k]!;
    if (v.kind === 'none') continue;
    const z = v.omega * eta[k]!;
    if (v.interval === 'naltrexol-feasible') {
      f6bnSpec = k; // needs the individual F, fa and fmSys: after the loop
      continue;
    }
    const base = individual(v.parameter);
    if (v.kind === 'lognormal') values[v.parameter] = base * detExp(z);
    else if (v.kind === 'normal') values[v.parameter] = base + z;
    else if (v.interval === 'absorbed') {
      const cap = individual('fa');
      values[v.parameter] = cap * detExpit(detLogit(base / cap) + z);
    } else values[v.parameter] = detExpit(detLogit(base) + z);
  }
  if (f6bnSpec >= 0) {
    const v = spec[f6bnSpec]!;
    // position of the typical f6bn in the typical patient's feasible interval
    const lo0 = fmSys * F;
    const hi0 = fa - (1 - fmSys) * F;
    const theta = detLogit((f6bn - lo0) / (hi0 - lo0));
    const Fi = individual('F');
    const fai = individual('fa');
    const fmi = individual('fmSys');
    const lo = fmi * Fi;
    const hi = fai - (1 - fmi) * Fi;
    values[v.parameter] = lo + (hi - lo) * detExpit(theta + v.omega * eta[f6bnSpec]!);
  }
  return { index, weight_kg: weight, age_y: age, hepatic, hepatic_multiplier: multiplier, values };
}
