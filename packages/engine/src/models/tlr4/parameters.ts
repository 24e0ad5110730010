// Parameters of H2 (TLR4 antagonism): potencies at TLR4 in cells, and cytokine turnover with the
// one human LDN cytokine dataset as baseline. Sources: ../../shared/reference/pharmacology.md §0,
// §4.5, §5. The potencies are for the (+) enantiomer in mouse cells; the clinical (−) form had no
// TLR4 effect in human cells up to 200 µM (Cant 2017), so the literature version uses 200 µM as
// the most favourable bound, and the seed version assumes the clinical drug acts like (+)-naltrexone.
import type { Parameter } from '../../parameters/types.js';

const P = (p: Parameter): Parameter => p;

export const TLR4_LITERATURE: Record<string, Parameter> = {
  'tlr4.ic50Naltrexone': P({ id: 'tlr4.ic50Naltrexone', label: 'TLR4 IC50 of clinical (−)-naltrexone', value: 200, unit: 'µM', range: [105.5, 1000], source: 'cant2017', evidence: 'primary', note: 'no effect on TLR4-driven IL-6 at 1–200 µM in human PBMC, monocytes and pDC (Cant 2017): 200 µM is the lowest IC50 consistent with that, the most favourable value for the hypothesis.' }),
  'tlr4.ic50Naltrexol': P({ id: 'tlr4.ic50Naltrexol', label: 'TLR4 IC50 of 6β-naltrexol', value: 242.8, unit: 'µM', range: [242.8, 1000], source: 'selfridge2015', evidence: 'assumption', note: 'assumption: (−)-6β-naltrexol at least as weak as (+)-6β-naltrexol (242.8 µM, BV-2 NO readout, Selfridge 2015).' }),
  'tlr4.maxInhibition': P({ id: 'tlr4.maxInhibition', label: 'share of cytokine production driven by TLR4', value: 1, unit: 'fraction', range: [0, 1], source: 'modelling', evidence: 'assumption', note: 'assumption: all of it, the most favourable value for the hypothesis.' }),
  'tlr4.il6Baseline': P({ id: 'tlr4.il6Baseline', label: 'plasma IL-6 without drug', value: 15.0, unit: 'pg/mL', range: [1, 30], source: 'parkitny2017', evidence: 'primary', note: 'baseline of 8 women with fibromyalgia (Parkitny 2017 Table 2); fell to 9.7 pg/mL after 8 weeks of 4.5 mg (single-blind, no control).' }),
  'tlr4.tnfBaseline': P({ id: 'tlr4.tnfBaseline', label: 'plasma TNF-α without drug', value: 146.9, unit: 'pg/mL', range: [1, 200], source: 'parkitny2017', evidence: 'primary', note: 'baseline (Parkitny 2017 Table 2); 138.4 pg/mL after 8 weeks of 4.5 mg.' }),
  'tlr4.il6HalfLife': P({ id: 'tlr4.il6HalfLife', label: 'IL-6 half-life', value: 4.2, unit: 'h', range: [1, 8], source: 'cytokine-halflives', evidence: 'secondary', note: 'terminal t½ after s.c. recombinant IL-6 (Weber 1993, via indand21).' }),
  'tlr4.tnfHalfLife': P({ id: 'tlr4.tnfHalfLife', label: 'TNF-α half-life', value: 20 / 60, unit: 'h', range: [0.1, 1], source: 'cytokine-halflives', evidence: 'secondary', note: '≈20 min (Selby 1987, via indand21).' }),
};

export const TLR4_SEED: Record<string, Parameter> = {
  ...TLR4_LITERATURE,
  'tlr4.ic50Naltrexone': P({ ...TLR4_LITERATURE['tlr4.ic50Naltrexone']!, value: 105.5, source: 'wang2016', evidence: 'secondary', note: 'the review’s premise that naltrexone antagonises TLR4: IC50 of (+)-naltrexone, LPS-induced NO in BV-2 mouse microglia (Wang 2016; Selfridge 2015), applied as if the clinical (−) form acted the same.' }),
  'tlr4.ic50Naltrexol': P({ ...TLR4_LITERATURE['tlr4.ic50Naltrexol']!, source: 'selfridge2015', evidence: 'secondary', note: '(+)-6β-naltrexol, BV-2 NO readout (Selfridge 2015).' }),
};
