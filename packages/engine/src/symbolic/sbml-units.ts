// The engine's unit strings (parameters/types.ts `unit`, StateSpec/OutputSpec `unit`) as SBML
// unit definitions, for the writer, and back, for the reader. SBML defines a unit as a product of
// (multiplier · 10^scale · kind)^exponent over base kinds (second, litre, mole, gram, …); an hour
// is (3600 s)^1. Unit strings not listed here are exported without a `units` attribute (SBML
// allows undeclared units) and kept verbatim in our annotation, so nothing is lost on reading.

export interface SbmlUnit {
  readonly kind: 'second' | 'litre' | 'mole' | 'gram' | 'dimensionless';
  readonly exponent: number;
  readonly scale: number;
  readonly multiplier: number;
}

export interface SbmlUnitDefinition {
  /** the UnitSId written in `units` attributes */
  readonly id: string;
  /** the unit as the engine writes it (also the definition's `name`) */
  readonly name: string;
  /** empty for SBML's predefined units (litre, dimensionless), which need no definition */
  readonly units: readonly SbmlUnit[];
}

const u = (kind: SbmlUnit['kind'], exponent = 1, scale = 0, multiplier = 1): SbmlUnit => ({ kind, exponent, scale, multiplier });
const HOUR = u('second', 1, 0, 3600);
const PER_HOUR = u('second', -1, 0, 3600);

const DEFINITIONS: readonly (SbmlUnitDefinition & { readonly aliases?: readonly string[] })[] = [
  { id: 'hour', name: 'h', units: [HOUR] },
  { id: 'per_hour', name: '1/h', units: [PER_HOUR] },
  { id: 'litre', name: 'L', units: [] },
  { id: 'litre_per_hour', name: 'L/h', units: [u('litre'), PER_HOUR] },
  { id: 'per_litre_per_hour', name: '1/(L·h)', units: [u('litre', -1), PER_HOUR] },
  { id: 'nmol', name: 'nmol', units: [u('mole', 1, -9)] },
  { id: 'nmol_per_hour', name: 'nmol/h', units: [u('mole', 1, -9), PER_HOUR] },
  { id: 'nM', name: 'nM', units: [u('mole', 1, -9), u('litre', -1)] },
  { id: 'ng_per_ml', name: 'ng/mL', units: [u('gram', 1, -9), u('litre', -1, -3)] },
  { id: 'pg_per_ml', name: 'pg/mL', units: [u('gram', 1, -12), u('litre', -1, -3)] },
  { id: 'g_per_mol', name: 'g/mol', units: [u('gram'), u('mole', -1)] },
  { id: 'dimensionless', name: 'dimensionless', units: [], aliases: ['fraction', '×', '1', 'ratio', 'relative'] },
];

const BY_NAME = new Map<string, SbmlUnitDefinition>();
for (const d of DEFINITIONS) for (const n of [d.name, ...(d.aliases ?? [])]) BY_NAME.set(n, d);
const BY_ID = new Map(DEFINITIONS.map((d) => [d.id, d]));

/** the SBML definition of an engine unit string, if there is one */
export function sbmlUnitOf(unit: string): SbmlUnitDefinition | undefined {
  return BY_NAME.get(unit);
}

/** the engine unit string for an SBML units id (our definitions by id; others as written) */
export function unitOfSbmlId(id: string): string {
  return BY_ID.get(id)?.name ?? id;
}
