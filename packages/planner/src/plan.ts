// buildPlan: the one function `ldn plan` and POST /api/plans call. A request (the CLI's options as
// JSON) goes in; a PlanOutput comes out, whose JSON is `ldn plan --format json`. Bad input throws a
// PlanInputError naming the field (CLI exit 2, API 400). A plan that trips a block is not produced
// (status "blocked": CLI exit 3, API 422); one that trips an unacknowledged warn is not produced
// either (status "needs-acknowledgement": CLI exit 3, API 409) — both list the rule ids, messages
// and sources. Only status "ok" carries the schedule, calendar, preparation and simulation.
import { buildCalendar, type CalendarOutput, type ScheduleStep } from './calendar.js';
import type { Preparation } from './compounding.js';
import { conditionLabel, type PlannerCondition } from './conditions.js';
import { buildContext } from './context.js';
import { evaluateRules, resolveAcks, ruleSources, type PlanStatus, type RuleResult, type RuleSourceOut } from './engine.js';
import { evidenceFor, type EvidenceOutput } from './evidence.js';
import { parsePlanRequest, type ParsedRequest } from './inputs.js';
import { findRule, RULES, type Adjustment, type PlanContext } from './rules/index.js';
import { simulatePlan, type PlanSimulation } from './simulate.js';
import { sourceOf, type EvidenceTag, type SourceRef } from './sources.js';
import type { Lang, Text } from './text.js';

export const DISCLAIMER: Text = {
  en: 'This plan supports, and does not replace, the clinician. It shows source-linked rules and arithmetic for a clinician to check and decide on; it is not a prescription or medical advice. Every rule shows its source and evidence level.',
  uk: 'Цей план підтримує лікаря, але не замінює його. Він показує правила з джерелами та розрахунки, які лікар перевіряє та на основі яких ухвалює рішення; це не рецепт і не медична порада. Кожне правило містить джерело та рівень доказовості.',
};

export interface PresetOut {
  id: string;
  name: Text;
  description: Text;
  applies_to: Text;
  evidence: EvidenceTag;
  sources: RuleSourceOut[];
  notes: Text[];
}

export interface Instruction {
  /** the rule the instruction comes from */
  rule: string;
  text: Text;
}

export interface PlanOutput {
  status: PlanStatus;
  lang: Lang;
  /** a short hash of the request: stable ids for calendar events */
  plan_id: string;
  disclaimer: Text;
  request: ParsedRequest;
  patient: { name?: string; age?: number; weight_kg?: number; sex?: string; condition: { id: PlannerCondition; label: Text } };
  /** the protocol used (null for a custom schedule) and who chose it */
  preset: PresetOut | null;
  chosen_by: PlanContext['chosen_by'];
  time: string;
  rules: RuleResult[];
  blocks: string[];
  warnings: string[];
  needs_ack: string[];
  acknowledged: string[];
  infos: string[];
  asks: string[];
  adjustments: Adjustment[];
  schedule?: ScheduleStep[];
  calendar?: CalendarOutput;
  preparation?: Preparation;
  simulation?: PlanSimulation;
  evidence: EvidenceOutput;
  instructions: Instruction[];
  /** every source cited in this output (rules shown, preset, beyond-use date) */
  sources: RuleSourceOut[];
  units: Record<string, string>;
}

/** FNV-1a, 32 bit, hex: a stable id of the request (not a security hash). */
export function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

function refs(list: readonly SourceRef[]): RuleSourceOut[] {
  return list.map((r) => {
    const s = sourceOf(r.source);
    return { id: s.id, citation: s.citation, ...(s.url ? { url: s.url } : {}), level: r.level, ...(r.note ? { note: r.note } : {}) };
  });
}

function instructionsFor(ctx: PlanContext): Instruction[] {
  const out: Instruction[] = [];
  const rule = (id: string) => findRule(id)!;
  out.push({ rule: 'R23', text: { en: `Take once a day at ${ctx.time}. Doses are mg of naltrexone hydrochloride.`, uk: `Приймати один раз на добу о ${ctx.time}. Дози — у мг налтрексону гідрохлориду.` } });
  for (const i of ctx.preparation.instructions) out.push({ rule: i.rule, text: i.text });
  if (ctx.preparation.formulation !== 'tablet-fraction') out.push({ rule: ctx.preparation.formulation === 'liquid' ? 'R19' : 'R20', text: { en: `Beyond-use date: ${ctx.preparation.bud.text.en}.`, uk: `Термін використання: ${ctx.preparation.bud.text.uk}.` } });
  out.push({ rule: 'R32', text: rule('R32').message });
  out.push({ rule: 'R17', text: rule('R17').message });
  out.push({ rule: 'R30', text: { en: 'Contact a clinician now for yellow skin or eyes, dark urine, persistent right upper abdominal pain, low mood or suicidal thoughts, withdrawal-like symptoms, breathing trouble or an allergic reaction, palpitations on thyroid hormone, severe pain that needs opioids, or pregnancy.', uk: 'Негайно зверніться до лікаря при пожовтінні шкіри чи очей, темній сечі, стійкому болю в правому підребер’ї, пригніченому настрої чи суїцидальних думках, симптомах, схожих на відміну опіоїдів, утрудненому диханні чи алергічній реакції, серцебитті на тлі тиреоїдних гормонів, сильному болю, що потребує опіоїдів, або вагітності.' } });
  out.push({ rule: 'R07', text: { en: 'Tell every doctor, dentist and pharmacist that you take naltrexone: opioid pain relief may not work; after stopping, opioid sensitivity may be increased.', uk: 'Повідомляйте кожному лікарю, стоматологу й фармацевту, що приймаєте налтрексон: опіоїдні знеболювальні можуть не діяти; після відміни чутливість до опіоїдів може бути підвищеною.' } });
  return out;
}

function dedupe(sources: RuleSourceOut[]): RuleSourceOut[] {
  const seen = new Map<string, RuleSourceOut>();
  for (const s of sources) if (!seen.has(`${s.id}|${s.level}`)) seen.set(`${s.id}|${s.level}`, s);
  return [...seen.values()];
}

export interface BuildOptions {
  /** run the engine (default: the request's `simulate`, else true) */
  simulate?: boolean;
}

/** Validates a plan request, evaluates the 32 rules and, when nothing blocks, builds the plan. */
export function buildPlan(input: unknown, options: BuildOptions = {}): PlanOutput {
  const req = parsePlanRequest(input);
  const acks = resolveAcks(req.ack ?? []);
  const ctx = buildContext(req);
  const ev = evaluateRules(ctx, acks);
  const lang: Lang = req.lang ?? 'en';
  const preset: PresetOut | null = ctx.preset
    ? { id: ctx.preset.id, name: ctx.preset.name, description: ctx.preset.description, applies_to: ctx.preset.applies_to, evidence: ctx.preset.evidence, sources: refs(ctx.preset.sources), notes: ctx.preset.notes }
    : null;
  const patient: PlanOutput['patient'] = { condition: { id: ctx.condition, label: conditionLabel(ctx.condition) } };
  if (req.name !== undefined) patient.name = req.name;
  if (req.age !== undefined) patient.age = req.age;
  if (req.weight !== undefined) patient.weight_kg = req.weight;
  if (req.sex !== undefined) patient.sex = req.sex;
  const instructions = instructionsFor(ctx);
  const shown = ev.results.filter((r) => r.outcome !== 'pass' || instructions.some((i) => r.id.startsWith(`${i.rule}-`)));
  const out: PlanOutput = {
    status: ev.status,
    lang,
    plan_id: hashText(JSON.stringify(req)),
    disclaimer: DISCLAIMER,
    request: req,
    patient,
    preset,
    chosen_by: ctx.chosen_by,
    time: ctx.time,
    rules: ev.results,
    blocks: ev.blocks,
    warnings: ev.warnings,
    needs_ack: ev.needs_ack,
    acknowledged: ev.acknowledged,
    infos: ev.infos,
    asks: ev.asks,
    adjustments: ctx.adjustments,
    evidence: evidenceFor(ctx.condition),
    instructions,
    sources: [],
    units: { dose_mg: 'mg naltrexone hydrochloride (HCl)', volume_ml: 'mL', concentration_mg_ml: 'mg/mL naltrexone HCl', time_h: 'hours since the first dose', concentrations: 'ng/mL (base)', occupancy: 'fraction 0–1' },
  };
  if (ev.status === 'ok') {
    const calendar = buildCalendar(ctx);
    out.schedule = calendar.schedule;
    out.calendar = calendar;
    out.preparation = ctx.preparation;
    if (options.simulate ?? req.simulate ?? true) out.simulation = simulatePlan(ctx);
  }
  const prepSources = ev.status === 'ok' && ctx.preparation.formulation !== 'tablet-fraction' ? refs(ctx.preparation.bud.sources) : [];
  out.sources = dedupe([...(preset?.sources ?? []), ...prepSources, ...shown.flatMap((r) => r.sources)]);
  return out;
}

export type RuleListing = Pick<RuleResult, 'id' | 'n' | 'group' | 'levels' | 'title' | 'message' | 'evidence' | 'sources'>;

/** Every rule as data: `ldn plan rules --format json`, GET /api/plans/rules and the web app's rules page. */
export function listRules(): RuleListing[] {
  return RULES.map((r) => ({ id: r.id, n: r.n, group: r.group, levels: [...r.levels], title: r.title, message: r.message, evidence: r.evidence, sources: ruleSources(r) }));
}
