// Parameters of H3 (OGF–OGFr): the time-structure hypothesis of Zagon & McLaughlin, that the daily
// DURATION of opioid-receptor blockade sets the growth response (4–10 h/day inhibits, 24 h/day
// stimulates; pharmacology.md §4.4). Naltrexone's affinity at OGFr is NOT FOUND, and Zagon measured
// "blockade" as blocked morphine analgesia, so blockade here is a steep function of μ occupancy.
// The dynamic constants are assumptions, chosen so that the boundary between inhibition and
// stimulation falls between Zagon's inhibitory (≤10 h/day) and stimulatory (24 h/day) regimens.
import type { Parameter } from '../../parameters/types.js';

const P = (p: Parameter): Parameter => p;

export const OGF_LITERATURE: Record<string, Parameter> = {
  'ogf.blockadeOcc50': P({ id: 'ogf.blockadeOcc50', label: 'μ occupancy counted as half blockade', value: 0.5, unit: 'fraction', range: [0.3, 0.9], source: 'zagon1984', evidence: 'assumption', note: 'assumption: Zagon defined blockade as blocked morphine analgesia; naltrexone affinity at OGFr is NOT FOUND.' }),
  'ogf.blockadeHill': P({ id: 'ogf.blockadeHill', label: 'steepness of blockade in occupancy', value: 8, unit: '–', range: [2, 20], source: 'modelling', evidence: 'assumption', note: 'assumption: blockade is near all-or-none around the threshold.' }),
  'ogf.upregulationMax': P({ id: 'ogf.upregulationMax', label: 'compensatory OGF/OGFr up-regulation at full blockade', value: 2, unit: 'fraction', range: [1.5, 5], source: 'zagon1984', evidence: 'assumption', note: 'assumption: with 2, intermittent blockade inhibits below 12 h/day and stimulates above (Zagon: ≤10 h/day inhibited, 24 h/day stimulated; 1983, 1984, 1987).' }),
  'ogf.upregulationRate': P({ id: 'ogf.upregulationRate', label: 'rate of OGF/OGFr up-regulation and its return', value: Math.LN2 / 24, unit: '1/h', range: [Math.LN2 / 96, Math.LN2 / 4], source: 'modelling', evidence: 'assumption', note: 'assumption: t½ 1 day, so up-regulation reflects the daily pattern of blockade.' }),
  'ogf.growthGain': P({ id: 'ogf.growthGain', label: 'growth response per unit change of daily OGF signalling', value: 1, unit: '–', range: [0.2, 2], source: 'modelling', evidence: 'assumption', note: 'assumption: scales the size, not the direction, of the predicted effect.' }),
};

export const OGF_SEED: Record<string, Parameter> = { ...OGF_LITERATURE };
