// A safety rule of planner.md §6 as data: id, level(s), English and Ukrainian message, sources with
// their evidence levels, and a predicate over the plan context that answers pass, trip or ask.
// "ask" is what a missing fact produces: the rule engine never treats an absent fact as a pass.
import type { PlannerCondition } from '../conditions.js';
import type { Preparation } from '../compounding.js';
import type { OpioidEntry, ParsedRequest, PlanEvent } from '../inputs.js';
import type { Preset } from '../presets/index.js';
import type { SourceRef } from '../sources.js';
import type { Text } from '../text.js';
import type { Titration } from '../titration.js';

export const LEVELS = ['block', 'warn', 'info'] as const;
export type Level = (typeof LEVELS)[number];

export type Outcome =
  | { outcome: 'pass'; detail?: Text }
  /** `level` when the rule has more than one (e.g. rule 2: block under 7 days, warn at 7–10) */
  | { outcome: 'trip'; level?: Level; detail?: Text }
  /** `missing` names the request fields that would settle it */
  | { outcome: 'ask'; missing: string[]; detail?: Text };

export interface Adjustment {
  rule: 'R14' | 'R15';
  date: string;
  text: Text;
}

export interface SurgeryPause {
  date: string;
  /** last day with a dose before the surgery (≥ 72 h before it) */
  last_dose_day: string;
  /** the surgery falls inside the calendar */
  in_calendar: boolean;
}

/** Everything a rule may look at: the validated request and what the planner derived from it. */
export interface PlanContext {
  req: ParsedRequest;
  condition: PlannerCondition;
  /** the opioid entries (the list and the one-opioid shorthand merged); undefined = not stated */
  opioids: OpioidEntry[] | undefined;
  preset: Preset | undefined;
  /** who chose the schedule: the user (a preset or custom steps) or a default rule */
  chosen_by: 'user' | 'custom' | 'R08' | 'R09' | 'R10' | 'R11';
  /** the schedule before logged side effects */
  planned: Titration;
  /** the schedule after logged side effects (rules 14, 15) and the surgery pause (rule 6) */
  titration: Titration;
  adjustments: Adjustment[];
  events: PlanEvent[];
  time: string;
  calendar_days: number;
  /** last calendar date */
  end: string;
  surgery: SurgeryPause | undefined;
  preparation: Preparation;
  /** distinct dose levels of the final schedule, mg HCl */
  doses: number[];
}

export type RuleGroup = 'opioids' | 'titration' | 'compounding' | 'safety';

export interface Rule {
  /** e.g. "R01-opioid-regular"; acknowledged by the full id or its "R01" prefix */
  id: string;
  /** the rule's number in planner.md §6 */
  n: number;
  group: RuleGroup;
  /** the levels the rule can trip at, the usual one first */
  levels: readonly Level[];
  title: Text;
  message: Text;
  sources: readonly SourceRef[];
  /** the evidence level(s) as planner.md gives them, e.g. "L" or "S (label statement U)" */
  evidence: string;
  evaluate(ctx: PlanContext): Outcome;
}

export const pass = (detail?: Text): Outcome => (detail ? { outcome: 'pass', detail } : { outcome: 'pass' });
export const trip = (detail?: Text, level?: Level): Outcome => ({ outcome: 'trip', ...(level ? { level } : {}), ...(detail ? { detail } : {}) });
export const ask = (missing: string[], detail?: Text): Outcome => ({ outcome: 'ask', missing, ...(detail ? { detail } : {}) });
