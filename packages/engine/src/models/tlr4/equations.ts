// H2 (TLR4) as equations, for SBML export: the same states, outputs and mathematics as
// module.ts. A consistency test compares the two.
import type { ParameterSet } from '../../parameters/types.js';
import type { SymbolicFragment } from '../../symbolic/model.js';
import { moduleSymbolicParameters } from '../ldn/equations.js';
import { tlr4Module } from './module.js';

const outUnit = (id: string) => tlr4Module.outputs.find((o) => o.id === id)!.unit;

export function tlr4Equations(set: ParameterSet): SymbolicFragment {
  return {
    id: 'tlr4',
    description: `${tlr4Module.title}: ${tlr4Module.claim} Evidence: ${tlr4Module.evidence.grade}.`,
    states: [
      { id: 'tlr4.il6', unit: 'pg/mL', initial: 'tlr4.il6Baseline', name: 'plasma IL-6' },
      { id: 'tlr4.tnf', unit: 'pg/mL', initial: 'tlr4.tnfBaseline', name: 'plasma TNF-α' },
    ],
    parameters: moduleSymbolicParameters(set, 'tlr4'),
    assignments: [
      { id: 'tlr4.theta', unit: 'dimensionless', math: 'naltrexone_unbound_nM / (tlr4.ic50Naltrexone * 1000) + naltrexol_unbound_nM / (tlr4.ic50Naltrexol * 1000)', name: 'TLR4 ligand load relative to the IC50s (µM → nM)' },
      { id: 'tlr4_inhibition', unit: outUnit('tlr4_inhibition'), math: 'tlr4.theta / (1 + tlr4.theta)', output: true },
      { id: 'tlr4.keep', unit: 'fraction', math: '1 - tlr4.maxInhibition * tlr4_inhibition', name: 'share of cytokine production left' },
      { id: 'il6_pg_ml', unit: outUnit('il6_pg_ml'), math: 'tlr4.il6', output: true },
      { id: 'tnf_pg_ml', unit: outUnit('tnf_pg_ml'), math: 'tlr4.tnf', output: true },
    ],
    rates: [
      { id: 'tlr4.il6', math: 'ln(2) / tlr4.il6HalfLife * (tlr4.il6Baseline * tlr4.keep - tlr4.il6)' },
      { id: 'tlr4.tnf', math: 'ln(2) / tlr4.tnfHalfLife * (tlr4.tnfBaseline * tlr4.keep - tlr4.tnf)' },
    ],
  };
}
