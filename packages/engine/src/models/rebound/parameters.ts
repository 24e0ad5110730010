// Parameters of H1 (Bihari's endorphin rebound): β-endorphin kinetics and circadian production as
// measured (literature) and as the review states them (seed), the assumed feedback from receptor
// blockade to production, and receptor up-regulation under chronic blockade. Sources:
// ../../shared/reference/pharmacology.md §0, §4. The feedback's rate constants are NOT FOUND in any
// source (§9.6): they are labelled assumptions with ranges, and the literature version is set so
// that chronic 50 mg gives the one human number (×1.6 morning β-endorphin) and LDN gives no large
// rise (mice), which the module's tests check.
import type { Parameter } from '../../parameters/types.js';

const P = (p: Parameter): Parameter => p;

export const REBOUND_LITERATURE: Record<string, Parameter> = {
  'rebound.meanEndorphin': P({ id: 'rebound.meanEndorphin', label: '24-h mean plasma β-endorphin', value: 26, unit: 'pg/mL', range: [5.8, 31], source: 'iranmanesh1989', evidence: 'primary', note: 'IRMA, 7 men sampled every 10 min for 24 h; other assays give 5.8–12 pg/mL basal (§4.1, assay heterogeneity §9.9).' }),
  'rebound.halfLife': P({ id: 'rebound.halfLife', label: 'plasma β-endorphin half-life', value: 37 / 60, unit: 'h', range: [13 / 60, 93 / 60], source: 'foley1979', evidence: 'primary', note: 'terminal t½ 37 min after i.v. human β-endorphin (Foley 1979); Reid 1981 tri-exponential 4.1/13.1/46.2 min; CSF 93 min.' }),
  'rebound.amplitude': P({ id: 'rebound.amplitude', label: 'circadian amplitude of production (fraction of the mean)', value: 0.23, unit: 'fraction', range: [0.19, 0.27], source: 'iranmanesh1989', evidence: 'primary', note: '6 ± 1 pg/mL = 23% of the 24-h mean.' }),
  'rebound.acrophase': P({ id: 'rebound.acrophase', label: 'clock time of peak production', value: 10 + 43 / 60, unit: 'h (clock)', range: [10 + 3 / 60, 11 + 23 / 60], source: 'iranmanesh1989', evidence: 'primary', note: 'acrophase 10:43 ± 40 min; Dent 1981 high 04:00–10:00, low 22:00–03:30; de Wet 1992 peak 08–09 h.' }),
  'rebound.windowFraction': P({ id: 'rebound.windowFraction', label: 'share of daily production in a narrow night window', value: 0, unit: 'fraction', range: [0, 0.9], source: 'dent1981', evidence: 'primary', note: 'no night burst: plasma β-endorphin is lowest 22:00–03:30 (Dent 1981).' }),
  'rebound.windowCentre': P({ id: 'rebound.windowCentre', label: 'clock time of the night production window', value: 3, unit: 'h (clock)', range: [2, 4], source: 'seed-review', evidence: 'unverified', note: 'used only when windowFraction > 0 (seed: "90% of endogenous endorphins are produced at about 2–4 a.m.").' }),
  'rebound.windowWidth': P({ id: 'rebound.windowWidth', label: 'SD of the night production window', value: 1 / 1.6449, unit: 'h', range: [0.3, 1.5], source: 'seed-review', evidence: 'derived', note: 'derived: 90% of a normal pulse within 02:00–04:00 means ±1 h = ±1.645 SD.' }),
  'rebound.feedbackMax': P({ id: 'rebound.feedbackMax', label: 'largest relative rise of production under blockade', value: 1, unit: 'fraction', range: [0, 2], source: 'lifesci1986', evidence: 'assumption', note: 'assumption set so that chronic 50 mg/day gives morning β-endorphin ×1.6 (19.5 vs 12.1 pg/mL, Life Sci 1986); no source gives the mechanism.' }),
  'rebound.feedbackOcc50': P({ id: 'rebound.feedbackOcc50', label: 'μ occupancy at half-maximal feedback', value: 0.9, unit: 'fraction', range: [0.3, 0.95], source: 'eneuro2021', evidence: 'assumption', note: 'assumption: high, because LDN did not change plasma β-endorphin or Pomc mRNA in mice (eNeuro 2021) while full-dose naltrexone raised it ×1.6.' }),
  'rebound.feedbackHill': P({ id: 'rebound.feedbackHill', label: 'steepness of the feedback', value: 8, unit: '–', range: [1, 12], source: 'modelling', evidence: 'assumption', note: 'assumption; with feedbackOcc50 it makes the feedback a near-threshold response to near-complete blockade.' }),
  'rebound.feedbackRate': P({ id: 'rebound.feedbackRate', label: 'rate of the production feedback', value: 0.02, unit: '1/h', range: [0.005, 0.2], source: 'modelling', evidence: 'assumption', note: 'assumption (t½ ≈ 35 h): rate constants for POMC/PENK up-regulation are NOT FOUND (pharmacology.md §9.6).' }),
  'rebound.morUpMax': P({ id: 'rebound.morUpMax', label: 'μ-receptor up-regulation at full chronic blockade', value: 0.8, unit: 'fraction', range: [0.4, 1.2], source: 'receptor-upregulation2003', evidence: 'primary', note: 'mice, chronic naltrexone: MOR +80% (autoradiography); scaled linearly with occupancy (assumption).' }),
  'rebound.dorUpMax': P({ id: 'rebound.dorUpMax', label: 'δ-receptor up-regulation at full chronic blockade', value: 0.39, unit: 'fraction', range: [0.2, 0.6], source: 'receptor-upregulation2003', evidence: 'primary', note: 'mice, chronic naltrexone: DOR +39%; driven by μ blockade here (assumption: δ occupancy by LDN is ≈1%).' }),
  'rebound.receptorRate': P({ id: 'rebound.receptorRate', label: 'rate of receptor up-regulation and its return', value: Math.LN2 / 72, unit: '1/h', range: [Math.LN2 / 336, Math.LN2 / 24], source: 'modelling', evidence: 'assumption', note: 'assumption: t½ 3 days (range 1–14 days); the time course of up-regulation is NOT FOUND.' }),
};

export const REBOUND_SEED: Record<string, Parameter> = {
  ...REBOUND_LITERATURE,
  'rebound.halfLife': P({ ...REBOUND_LITERATURE['rebound.halfLife']!, value: 20, range: [13 / 60, 20], source: 'seed-review', evidence: 'unverified', note: 'the review: "endorphin half-life ≈ 20 h"; no source for 20 h was found (pharmacology.md §0).' }),
  'rebound.amplitude': P({ ...REBOUND_LITERATURE['rebound.amplitude']!, value: 0, source: 'seed-review', evidence: 'unverified', note: 'the review describes a night burst instead of a daytime rhythm.' }),
  'rebound.windowFraction': P({ ...REBOUND_LITERATURE['rebound.windowFraction']!, value: 0.9, source: 'seed-review', evidence: 'unverified', note: 'the review: "up to 90% of endogenous endorphins are produced at about 2–4 a.m." (not supported: Dent 1981, Iranmanesh 1989).' }),
  'rebound.feedbackMax': P({ ...REBOUND_LITERATURE['rebound.feedbackMax']!, value: 2, source: 'bihari1996', evidence: 'unverified', note: 'the review (after Bihari): LDN raises endorphins "up to 300%"; read as ×3 of baseline. No peer-reviewed numbers exist.' }),
  'rebound.feedbackOcc50': P({ ...REBOUND_LITERATURE['rebound.feedbackOcc50']!, value: 0.3, source: 'seed-review', evidence: 'assumption', note: 'assumption expressing the review’s claim that brief partial blockade at night triggers the rebound.' }),
  'rebound.feedbackHill': P({ ...REBOUND_LITERATURE['rebound.feedbackHill']!, value: 2, source: 'seed-review', evidence: 'assumption', note: 'assumption (a graded response, as the review describes).' }),
  'rebound.feedbackRate': P({ ...REBOUND_LITERATURE['rebound.feedbackRate']!, value: 0.1, source: 'seed-review', evidence: 'assumption', note: 'assumption (hours: the review describes a rebound the same night).' }),
};
