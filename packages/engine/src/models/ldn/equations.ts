// The LDN PK/occupancy model (model.ts) written as equations, for export (SBML) and inspection.
// Same state ids, parameter ids and outputs as model.ts; the test "symbolic LDN equations equal
// the hand-written model" (test/symbolic/ldn-equations.test.ts) compares the two at random
// parameters and states, so an edit to one without the other fails. The fractions checks of
// model.ts (f6bn ≥ fmSys·F, F + presystemic ≤ fa) are not equations: they stay in model.ts and in
// the parameter ranges, and are stated in the export's notes.

import { SOURCES } from '../../parameters/sources.js';
import type { ParameterSet } from '../../parameters/types.js';
import { composeSymbolicModel, type Provenance, type SymbolicFragment, type SymbolicModel, type SymbolicParameter } from '../../symbolic/model.js';
import { MW_NALTREXOL, MW_NALTREXONE } from '../../units.js';
import { LDN_OUTPUTS, LDN_PARAMETER_IDS, LDN_STATES, ldnModel } from './model.js';
import { LITERATURE } from './parameters.js';

/** the SBML id of the exported model */
export const LDN_SYMBOLIC_ID = 'ldn_pk_occupancy';

const COMPARTMENT_OF: Readonly<Record<string, string>> = { ntx_central: 'central', ntx_peripheral: 'peripheral', ntb_central: 'naltrexol_space' };

const RATES: Readonly<Record<(typeof LDN_STATES)[number]['id'], string>> = {
  gut: '-absorption',
  ntx_central: 'F * absorption - (k10 + k12) * ntx_central + k21 * ntx_peripheral',
  ntx_peripheral: 'k12 * ntx_central - k21 * ntx_peripheral',
  ntb_central: 'fPre * absorption + fmSys * k10 * ntx_central - kM * ntb_central',
  brain_pool: 'kIn * ntx_central - kBrainOut * brain_pool',
  eliminated_other: 'fOther * absorption + (1 - fmSys) * k10 * ntx_central',
  eliminated_ntb: 'kM * ntb_central',
  unabsorbed: 'fUnabs * absorption',
};

const DERIVED = [
  { id: 'fPre', unit: 'fraction', math: 'f6bn - fmSys * F', name: 'presystemic 6β-naltrexol formation, fraction of the dose' },
  { id: 'fOther', unit: 'fraction', math: 'fa - F - fPre', name: 'absorbed dose lost to other first-pass metabolites' },
  { id: 'fUnabs', unit: 'fraction', math: '1 - fa', name: 'fraction of the dose never absorbed' },
  { id: 'k10', unit: '1/h', math: 'CL / V1', name: 'elimination rate constant of naltrexone' },
  { id: 'k12', unit: '1/h', math: 'Q / V1', name: 'central → peripheral rate constant' },
  { id: 'k21', unit: '1/h', math: 'Q / V2', name: 'peripheral → central rate constant' },
  { id: 'kM', unit: '1/h', math: 'CLm / Vm', name: 'elimination rate constant of 6β-naltrexol' },
  { id: 'kIn', unit: '1/(L·h)', math: 'kBrainIn * fu / V1', name: 'uptake into the brain pool, nM per h per nmol in the central compartment' },
  { id: 'absorption', unit: 'nmol/h', math: 'ka * gut', name: 'absorption rate from the gut' },
  { id: 'naltrexol_unbound_nM', unit: 'nM', math: 'fuM * ntb_central / Vm', name: 'unbound plasma 6β-naltrexol' },
  { id: 'brain_naltrexol_nM', unit: 'nM', math: 'fuM * kpBrainB / Vm * ntb_central', name: 'receptor-accessible 6β-naltrexol' },
] as const;

const RECEPTORS = [
  { r: 'mu', n: 'KiMuN', b: 'KiMuB', name: 'μ' },
  { r: 'kappa', n: 'KiKappaN', b: 'KiKappaB', name: 'κ' },
  { r: 'delta', n: 'KiDeltaN', b: 'KiDeltaB', name: 'δ' },
] as const;

/** the math of each output of model.ts (LDN_OUTPUTS, same order) */
const OUTPUT_MATH: Readonly<Record<(typeof LDN_OUTPUTS)[number]['id'], string>> = {
  naltrexone_ng_ml: 'ntx_central / V1 * MW_naltrexone / 1000',
  naltrexol_ng_ml: 'ntb_central / Vm * MW_naltrexol / 1000',
  mu_occupancy: 'theta_mu / (1 + theta_mu)',
  kappa_occupancy: 'theta_kappa / (1 + theta_kappa)',
  delta_occupancy: 'theta_delta / (1 + theta_delta)',
  naltrexone_unbound_nM: 'fu * ntx_central / V1',
  brain_naltrexone_nM: 'naltrexone_unbound_nM + brain_pool',
};

export function provenanceOf(set: ParameterSet, id: string): Provenance | undefined {
  const p = set.parameters[id];
  if (!p) return undefined;
  const src = SOURCES[p.source];
  return {
    label: p.label,
    source: p.source,
    ...(src?.citation ? { citation: src.citation } : {}),
    ...(src?.doi ? { doi: src.doi } : {}),
    ...(src?.pmid ? { pmid: src.pmid } : {}),
    ...(src?.url ? { url: src.url } : {}),
    evidence: p.evidence,
    note: p.note,
    range: p.range,
  };
}

/**
 * The core as a fragment. Parameter values are not part of it (exports and compilation take
 * them from a parameter set); provenance is taken from `set` (default `literature`).
 */
export function ldnCoreEquations(set: ParameterSet = LITERATURE): SymbolicFragment {
  const parameters: SymbolicParameter[] = LDN_PARAMETER_IDS.map((id) => {
    const p = set.parameters[id];
    const prov = provenanceOf(set, id);
    return { id, unit: p?.unit ?? 'dimensionless', ...(p ? { name: p.label } : {}), ...(prov ? { provenance: prov } : {}) };
  });
  const unitsNote = 'pharmacology.md, "Unit conversions used" (packages/engine/src/units.ts)';
  parameters.push(
    { id: 'MW_naltrexone', name: 'molar mass of naltrexone base', unit: 'g/mol', value: MW_NALTREXONE, provenance: { label: 'molar mass of naltrexone base', source: 'units', evidence: 'primary', note: unitsNote } },
    { id: 'MW_naltrexol', name: 'molar mass of 6β-naltrexol', unit: 'g/mol', value: MW_NALTREXOL, provenance: { label: 'molar mass of 6β-naltrexol', source: 'units', evidence: 'primary', note: unitsNote } },
  );
  const occupancy = RECEPTORS.map(({ r, n, b, name }) => ({
    id: `theta_${r}`,
    unit: 'dimensionless',
    math: `brain_naltrexone_nM / (potency * ${n}) + brain_naltrexol_nM / (potency * ${b})`,
    name: `${name} receptor: sum of [ligand]/apparent Kd (naltrexone + 6β-naltrexol)`,
  }));
  return {
    id: 'ldn-core',
    description: ldnModel.description,
    compartments: [
      { id: 'central', name: 'central (plasma) compartment of naltrexone', unit: 'L', size: 'V1' },
      { id: 'peripheral', name: 'peripheral compartment of naltrexone', unit: 'L', size: 'V2' },
      { id: 'naltrexol_space', name: 'distribution volume of 6β-naltrexol', unit: 'L', size: 'Vm' },
    ],
    states: LDN_STATES.map((s) => ({ id: s.id, name: s.description, unit: s.unit, initial: 0, ...(COMPARTMENT_OF[s.id] ? { compartment: COMPARTMENT_OF[s.id] } : {}) })),
    parameters,
    assignments: [
      ...DERIVED.map((d) => ({ ...d })),
      ...occupancy,
      ...LDN_OUTPUTS.map((o) => ({ id: o.id, name: o.description, unit: o.unit, math: OUTPUT_MATH[o.id], output: true })),
    ],
    rates: LDN_STATES.map((s) => ({ id: s.id, math: RATES[s.id] })),
    doseTarget: ldnModel.doseState,
  };
}

/**
 * The exported model: the core plus any module fragments (hypotheses), composed with id checks.
 * A module provides `SymbolicFragment`s from its own `equations.ts`; see composeSymbolicModel.
 */
export function ldnSymbolicModel(options: { set?: ParameterSet; modules?: readonly SymbolicFragment[] } = {}): SymbolicModel {
  const modules = options.modules ?? [];
  return composeSymbolicModel(
    {
      id: modules.length ? `${LDN_SYMBOLIC_ID}_${modules.map((m) => m.id.replace(/[^A-Za-z0-9_]/g, '_')).join('_')}` : LDN_SYMBOLIC_ID,
      name: modules.length ? `${ldnModel.title} with ${modules.map((m) => m.id).join(', ')}` : ldnModel.title,
      description: [ldnModel.description, ...modules.map((m) => m.description ?? '')].filter(Boolean).join(' '),
    },
    [ldnCoreEquations(options.set), ...modules],
  );
}

/** The symbolic parameters of a hypothesis module (ids with its prefix), with their provenance. */
export function moduleSymbolicParameters(set: ParameterSet, prefix: string): SymbolicParameter[] {
  return Object.values(set.parameters)
    .filter((p) => p.id.startsWith(`${prefix}.`))
    .map((p) => {
      const prov = provenanceOf(set, p.id);
      return { id: p.id, unit: p.unit, name: p.label, ...(prov ? { provenance: prov } : {}) };
    });
}
