// The 32 rules of planner.md §6 in order, and lookup by id or "Rnn" prefix.
import { COMPOUNDING_RULES } from './compounding.js';
import { OPIOID_RULES } from './opioids.js';
import { SAFETY_RULES } from './safety.js';
import { TITRATION_RULES } from './titration.js';
import type { Rule } from './types.js';

export * from './types.js';
export { LIPTAN_CAPS_MG, OPIOID_FREE_MAX_DAYS, OPIOID_FREE_MIN_DAYS, METHADONE_BUPRENORPHINE_DAYS, SURGERY_HOLD_H, lastDoseDayBeforeSurgery } from './opioids.js';
export { MAX_TRIAL_DOSE_MG, USUAL_MAX_DOSE_MG, MIN_INTERVAL_DAYS, SLEEP_ADVICE_LABEL } from './titration.js';
export { BLOCK_VOLUME_ML, WARN_VOLUME_ML } from './compounding.js';
export { RED_FLAG_TEXT } from './safety.js';

export const RULES: readonly Rule[] = [...OPIOID_RULES, ...TITRATION_RULES, ...COMPOUNDING_RULES, ...SAFETY_RULES];

/** "R02", "r02", "R02-opioid-free-interval" → the rule; undefined when unknown */
export function findRule(idOrPrefix: string): Rule | undefined {
  const key = idOrPrefix.trim().toLowerCase();
  return RULES.find((r) => r.id.toLowerCase() === key || r.id.toLowerCase().split('-')[0] === key);
}
