// The rule engine: evaluates every rule of planner.md §6 against a plan context and decides what
// may be produced. A block stops the plan; a warn stops it too until the clinician acknowledges it
// (by rule id); an info is shown; an ask lists the facts a clinician must still confirm. A rule
// that throws (it never should) is reported as an ask, so a partial or odd record can never crash
// the planner or pass silently.
import { RULES, findRule, type Level, type PlanContext, type Rule } from './rules/index.js';
import { sourceOf, type EvidenceTag } from './sources.js';
import type { Text } from './text.js';
import { PlanInputError } from './inputs.js';

export interface RuleSourceOut {
  id: string;
  citation: string;
  url?: string;
  level: EvidenceTag;
  note?: string;
}

export interface RuleResult {
  id: string;
  n: number;
  group: Rule['group'];
  outcome: 'pass' | 'trip' | 'ask';
  /** the level this result has: the trip's level, or the rule's usual level for pass and ask */
  level: Level;
  levels: Level[];
  title: Text;
  message: Text;
  detail?: Text;
  /** request fields that would settle an ask */
  missing?: string[];
  evidence: string;
  sources: RuleSourceOut[];
  /** for a tripped warn: whether the clinician acknowledged it */
  acknowledged?: boolean;
}

export type PlanStatus = 'ok' | 'blocked' | 'needs-acknowledgement';

export interface Evaluation {
  status: PlanStatus;
  results: RuleResult[];
  blocks: string[];
  /** tripped warns */
  warnings: string[];
  /** tripped warns not acknowledged */
  needs_ack: string[];
  acknowledged: string[];
  infos: string[];
  asks: string[];
}

export function ruleSources(rule: Rule): RuleSourceOut[] {
  return rule.sources.map((r) => {
    const s = sourceOf(r.source);
    return { id: s.id, citation: s.citation, ...(s.url ? { url: s.url } : {}), level: r.level, ...(r.note ? { note: r.note } : {}) };
  });
}

/** Resolves acknowledged rule ids ("R02" or the full id); an unknown id is bad input. */
export function resolveAcks(acks: readonly string[]): Set<string> {
  const out = new Set<string>();
  acks.forEach((a, i) => {
    const r = findRule(a);
    if (!r) throw new PlanInputError(`ack.${i}`, `"${a}" is not a rule id; use an id such as R02 or R02-opioid-free-interval (ldn plan rules lists them)`);
    out.add(r.id);
  });
  return out;
}

export function evaluateRule(rule: Rule, ctx: PlanContext): RuleResult {
  let o;
  try {
    o = rule.evaluate(ctx);
  } catch (e) {
    o = { outcome: 'ask' as const, missing: [], detail: { en: `the rule could not be evaluated: ${(e as Error).message}`, uk: `правило не вдалося оцінити: ${(e as Error).message}` } };
  }
  const level = o.outcome === 'trip' && o.level ? o.level : rule.levels[0]!;
  const r: RuleResult = {
    id: rule.id,
    n: rule.n,
    group: rule.group,
    outcome: o.outcome,
    level,
    levels: [...rule.levels],
    title: rule.title,
    message: rule.message,
    evidence: rule.evidence,
    sources: ruleSources(rule),
  };
  if (o.detail) r.detail = o.detail;
  if (o.outcome === 'ask') r.missing = o.missing;
  return r;
}

export function evaluateRules(ctx: PlanContext, acks: ReadonlySet<string> = new Set()): Evaluation {
  const results = RULES.map((rule) => evaluateRule(rule, ctx));
  const tripped = results.filter((r) => r.outcome === 'trip');
  const blocks = tripped.filter((r) => r.level === 'block').map((r) => r.id);
  const warns = tripped.filter((r) => r.level === 'warn');
  for (const w of warns) w.acknowledged = acks.has(w.id);
  const needs_ack = warns.filter((w) => !w.acknowledged).map((w) => w.id);
  const status: PlanStatus = blocks.length > 0 ? 'blocked' : needs_ack.length > 0 ? 'needs-acknowledgement' : 'ok';
  return {
    status,
    results,
    blocks,
    warnings: warns.map((w) => w.id),
    needs_ack,
    acknowledged: warns.filter((w) => w.acknowledged).map((w) => w.id),
    infos: tripped.filter((r) => r.level === 'info').map((r) => r.id),
    asks: results.filter((r) => r.outcome === 'ask').map((r) => r.id),
  };
}
