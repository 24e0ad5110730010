// The conditions a plan can be made for. They are the evidence base's conditions (so the plan can
// show the studies beside it) plus those that only the titration guides name: ME/CFS and long COVID
// (slower default, planner.md rule 9), Hashimoto's thyroiditis (rule 10), and "other" for a
// condition with no records. Opioid use disorder is left out on purpose: naltrexone for it is
// 50 mg/day, not LDN, and an LDN plan for a patient dependent on opioids is contraindicated
// (rule 1). "pregnancy" and "mixed" are evidence-base categories, not conditions to plan for.
import { CONDITION_LABELS, resolveCondition, type Condition } from '@ldn/evidence';
import type { Text } from './text.js';

export const PLANNER_CONDITIONS = [
  'endometriosis',
  'fibromyalgia',
  'crohns-disease',
  'ulcerative-colitis',
  'multiple-sclerosis',
  'pancreatic-cancer',
  'lymphoma',
  'hiv-aids',
  'me-cfs',
  'long-covid',
  'hashimoto',
  'other',
] as const;
export type PlannerCondition = (typeof PLANNER_CONDITIONS)[number];

const EXTRA_LABELS: Record<'me-cfs' | 'long-covid' | 'hashimoto' | 'other', Text> = {
  'me-cfs': { en: 'ME/CFS (myalgic encephalomyelitis / chronic fatigue syndrome)', uk: 'міалгічний енцефаломієліт / синдром хронічної втоми (МЕ/СХВ)' },
  'long-covid': { en: 'long COVID (post-COVID condition)', uk: 'постковідний синдром (long COVID)' },
  hashimoto: { en: "Hashimoto's thyroiditis", uk: 'автоімунний тиреоїдит Хашимото' },
  other: { en: 'other condition (not in the evidence base)', uk: 'інший стан (немає в базі доказів)' },
};

export function conditionLabel(c: PlannerCondition): Text {
  if (Object.hasOwn(EXTRA_LABELS, c)) return EXTRA_LABELS[c as keyof typeof EXTRA_LABELS];
  return CONDITION_LABELS[c as Condition];
}

/** The evidence-base condition whose studies are shown beside the plan (none for the planner-only ones). */
export function evidenceConditionOf(c: PlannerCondition): Condition | undefined {
  return Object.hasOwn(EXTRA_LABELS, c) ? undefined : (c as Condition);
}

const ALIASES: Record<string, PlannerCondition> = {
  mecfs: 'me-cfs',
  'me/cfs': 'me-cfs',
  cfs: 'me-cfs',
  me: 'me-cfs',
  'chronic-fatigue-syndrome': 'me-cfs',
  longcovid: 'long-covid',
  'long covid': 'long-covid',
  'post-covid': 'long-covid',
  'hashimotos': 'hashimoto',
  "hashimoto's": 'hashimoto',
  'hashimoto-thyroiditis': 'hashimoto',
  'autoimmune-thyroiditis': 'hashimoto',
};

/** A condition id or alias (case-insensitive; the evidence base's aliases too) → planner condition, or undefined. */
export function resolvePlannerCondition(name: string): PlannerCondition | undefined {
  const key = name.trim().toLowerCase();
  if ((PLANNER_CONDITIONS as readonly string[]).includes(key)) return key as PlannerCondition;
  // own keys only: "constructor" or "__proto__" typed as a condition are not aliases
  if (Object.hasOwn(ALIASES, key)) return ALIASES[key];
  const ev = resolveCondition(key);
  if (ev && ev.length === 1 && (PLANNER_CONDITIONS as readonly string[]).includes(ev[0]!)) return ev[0] as PlannerCondition;
  return undefined;
}
