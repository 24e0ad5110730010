// `ldn plan`: the CLI face of @ldn/planner's buildPlan. Options map one-to-one onto the plan
// request that POST /api/plans takes (--opioid-last-dose → opioid_last_dose), so `--format json`
// is exactly what the API returns; --input FILE.json takes the same request as a file (options
// given as well override it). Bad input exits 2 naming the option; a plan that trips a block, or a
// warn not acknowledged with --ack RULE, is not produced and exits 3 naming each rule, its text and
// its source (with --format json the refused plan's JSON is still written, as the API answers it).
//
//   ldn plan --age 34 --weight 62 --condition endometriosis --start 2026-12-01 [--format table|json|ics|html|pdf]
//   ldn plan rules [--format table|json] [--lang en|uk]      every rule with level, source and evidence level
//   ldn plan presets [--format table|json] [--lang en|uk]    the titration presets with their sources
//
// PDF: the printable HTML page rendered by Debian Chromium through playwright-core (page.pdf()).
// Chromium shapes Cyrillic with the system fonts and prints exactly the page the browser shows, so
// the PDF and the HTML cannot drift apart; a pure-JS PDF library would need an embedded Unicode
// font and a second layout. The page is scaled to fit one A4 sheet. Without Chromium the command
// exits 1 and says how to install it (apt-get install -y chromium, or LDN_CHROMIUM=/path).
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import {
  buildPlan,
  EVIDENCE_TAG_LABELS,
  listPresets,
  listRules,
  PlanInputError,
  planToHtml,
  planToIcs,
  PRESETS,
  sourceOf,
  UNAVAILABLE_PRESETS,
  type Lang,
  type PlanOutput,
  type RuleResult,
  type RuleSourceOut,
} from '@ldn/planner';
import { EXIT, UsageError } from '../errors.js';
import { parseFormat, writeOutput } from '../io.js';
import { formatTable } from '../table.js';
import { collect } from '../options.js';

const FORMATS = ['table', 'json', 'ics', 'html', 'pdf'] as const;
const LIST_FORMATS = ['table', 'json'] as const;
const LANGS = ['en', 'uk'] as const;

/** An error that carries its own exit code (main maps `exitCode`). */
export class PlanExitError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number) {
    super(message);
    this.name = 'PlanExitError';
    this.exitCode = exitCode;
  }
}

type Flags = Record<string, unknown>;

/** options whose value is a number in the request (validated, with its range, by the planner) */
const NUMERIC = ['age', 'weight', 'alt', 'altUln', 'egfr', 'opioidMaxDaily', 'stableMonths', 'startDose', 'step', 'interval', 'target', 'days', 'tablets', 'volume', 'concentration', 'syringe', 'graduation', 'tabletStrength'];
const STRINGS = ['name', 'sex', 'condition', 'liver', 'kidney', 'opioid', 'opioidUse', 'opioidAction', 'opioidLastDose', 'surgeryDate', 'start', 'preset', 'steps', 'time', 'formulation', 'source', 'vehicle', 'storage', 'filler', 'lang'];
/** --x / --no-x pairs: absent = not stated (the rules ask), --x = true, --no-x = false */
const TRISTATE = ['hashimoto', 'pregnant', 'planningPregnancy', 'lactating', 'opioidProducts', 'allowOccasionalOpioids', 'thyroidHormone', 'hepatotoxicDrugs', 'transplant', 'lactoseIntolerant', 'lightProtected', 'scored', 'trialStop', 'continuing'];

const snake = (camel: string) => camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const kebab = (snakeName: string) => snakeName.replace(/_/g, '-');

function numberOrText(raw: string): number | string {
  const s = raw.trim();
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) ? Number(s) : raw;
}

/** "persistent-side-effect@2026-12-10", "red-flag:withdrawal-signs@2026-12-03", "missed-dose@2026-12-05T23:30" */
export function parseEvent(spec: string, i: number): Record<string, string> {
  const m = /^([a-z-]+)(?::([a-z-]+))?@(\d{4}-\d{2}-\d{2})(?:[T ](\d{1,2}:\d{2}))?$/.exec(spec.trim());
  if (!m) throw new UsageError(`--event "${spec}" is not KIND[:RED_FLAG]@YYYY-MM-DD[THH:MM], e.g. persistent-side-effect@2026-12-10 or red-flag:withdrawal-signs@2026-12-03 (event ${i + 1})`);
  const e: Record<string, string> = { kind: m[1]!, date: m[3]! };
  if (m[2]) e.red_flag = m[2];
  if (m[4]) e.time = m[4];
  return e;
}

/** The plan request from the options (only what was given), merged over --input FILE.json. */
export function requestFromFlags(flags: Flags, sourceOf: (name: string) => string | undefined): Record<string, unknown> {
  let req: Record<string, unknown> = {};
  if (typeof flags.input === 'string') {
    let text: string;
    try {
      text = readFileSync(flags.input, 'utf8');
    } catch (e) {
      throw new UsageError(`--input ${flags.input}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    try {
      const parsed = JSON.parse(text) as unknown;
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not a JSON object');
      req = { ...(parsed as Record<string, unknown>) };
    } catch (e) {
      throw new UsageError(`--input ${flags.input} is not a JSON object of plan fields: ${(e as Error).message}`);
    }
  }
  for (const k of NUMERIC) if (typeof flags[k] === 'string') req[snake(k)] = numberOrText(flags[k]);
  for (const k of STRINGS) if (typeof flags[k] === 'string') req[snake(k)] = flags[k];
  for (const k of TRISTATE) if (typeof flags[k] === 'boolean') req[snake(k)] = flags[k];
  if (sourceOf('opioids') === 'cli') req.opioids = [];
  if (sourceOf('medicines') === 'cli') req.medicines = [];
  if (sourceOf('otherMedicines') === 'cli') [req.medicines, req.hepatotoxic_drugs, req.transplant] = [[], false, false];
  if (Array.isArray(flags.medicine) && flags.medicine.length) req.medicines = [...(Array.isArray(req.medicines) ? (req.medicines as string[]) : []), ...(flags.medicine as string[])];
  if (sourceOf('surgery') === 'cli') req.surgery_date = null;
  if (sourceOf('simulate') === 'cli') req.simulate = false;
  if (Array.isArray(flags.event) && flags.event.length) req.events = [...(Array.isArray(req.events) ? (req.events as unknown[]) : []), ...(flags.event as string[]).map(parseEvent)];
  if (Array.isArray(flags.ack) && flags.ack.length) req.ack = [...(Array.isArray(req.ack) ? (req.ack as string[]) : []), ...(flags.ack as string[])];
  return req;
}

const SPECIAL_OPTION: Record<string, string> = { events: '--event', ack: '--ack', medicines: '--medicine', opioids: '--opioid', '(request)': '--input' };

/** "weight" → "--weight", "events.0.date" → "--event" */
export function optionOf(field: string): string {
  const top = field.split('.')[0]!;
  return SPECIAL_OPTION[top] ?? `--${kebab(top)}`;
}

function usageFrom(e: PlanInputError): UsageError {
  const top = e.field.split('.')[0]!;
  const opt = optionOf(e.field);
  const rest = e.message.slice(e.field.length + 1).trim();
  const where = e.field === top ? '' : ` (${e.field})`;
  return new UsageError(`${opt}${where}: ${rest}`);
}

// ---------- text output ----------

const TRISTATE_FIELDS = new Set(TRISTATE.map(snake));
function askOption(field: string): string {
  if (field === 'opioids') return '--no-opioids | --opioid AGENT --opioid-use USE';
  if (field === 'medicines') return '--medicine NAME | --no-medicines';
  if (field === 'surgery_date') return '--surgery-date DATE | --no-surgery';
  if (TRISTATE_FIELDS.has(field)) return `--${kebab(field)} | --no-${kebab(field)}`;
  return optionOf(field);
}

const n = (x: number, d = 2) => String(Number(x.toFixed(d)));
const tx = (t: { en: string; uk: string }, lang: Lang) => t[lang];

function sourceLine(s: RuleSourceOut): string {
  return `${s.citation}${s.url ? ` <${s.url}>` : ''} [${s.level}]`;
}

function wrap(text: string, width: number, indent: string): string {
  const lead = /^\s*/.exec(text)![0];
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = lead;
  for (const w of words) {
    if (line.trim() && [...line].length + 1 + [...w].length > width) {
      lines.push(line);
      line = w;
    } else line = line.trim() ? `${line} ${w}` : `${line}${w}`;
  }
  if (line.trim()) lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : indent + l)).join('\n');
}

function ruleBlock(r: RuleResult, lang: Lang, refs: (s: RuleSourceOut) => number): string {
  const level = r.level.toUpperCase();
  const ack = r.acknowledged ? ' (acknowledged)' : '';
  const detail = r.detail ? ` — ${tx(r.detail, lang)}` : '';
  const src = `[sources ${r.sources.map(refs).join(', ')}; evidence ${r.evidence}]`;
  return `  ${level.padEnd(5)} ${wrap(`${r.id}${ack}: ${tx(r.message, lang)}${detail} ${src}`, 100, '        ')}`;
}

const WEEKDAYS = { en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'], uk: ['нд', 'пн', 'вт', 'ср', 'чт', 'пт', 'сб'] };

export function planTable(plan: PlanOutput): string {
  const lang = plan.lang;
  const uk = lang === 'uk';
  const order: RuleSourceOut[] = [];
  const refs = (s: RuleSourceOut) => {
    const i = order.findIndex((o) => o.id === s.id);
    if (i >= 0) return i + 1;
    order.push(s);
    return order.length;
  };
  const p = plan.patient;
  const out: string[] = [];
  const who = [p.name, p.age !== undefined ? `${n(p.age, 1)} y` : undefined, p.weight_kg !== undefined ? `${n(p.weight_kg, 1)} kg` : undefined, tx(p.condition.label, lang)].filter(Boolean);
  out.push(`${uk ? 'План титрування LDN' : 'LDN titration plan'} · ${who.join(' · ')}`);
  out.push(wrap(tx(plan.disclaimer, lang), 110, ''));
  out.push('');
  if (plan.preset) {
    const by = plan.chosen_by === 'user' ? (uk ? 'обрано лікарем' : 'chosen by the clinician') : `${uk ? 'за правилом' : 'chosen by rule'} ${plan.chosen_by}`;
    out.push(wrap(`${uk ? 'Протокол' : 'Protocol'}: ${plan.preset.id} — ${tx(plan.preset.name, lang)}: ${tx(plan.preset.description, lang)} [sources ${plan.preset.sources.map(refs).join(', ')}; evidence ${plan.preset.evidence}] (${by})`, 110, '  '));
    for (const note of plan.preset.notes) out.push(wrap(`  ${tx(note, lang)}`, 110, '  '));
  } else out.push(uk ? 'Протокол: власна схема (custom steps)' : 'Protocol: custom steps');

  const tripped = plan.rules.filter((r) => r.outcome === 'trip');
  if (plan.status === 'ok') {
    const cal = plan.calendar!;
    out.push(`${uk ? 'Перша доза' : 'First dose'} ${cal.start} ${uk ? 'о' : 'at'} ${plan.time}, ${uk ? 'один раз на добу' : 'once daily'}; ${uk ? 'дози в мг налтрексону гідрохлориду' : 'doses in mg naltrexone hydrochloride (HCl)'}.`);
    out.push('');
    out.push(uk ? 'СХЕМА' : 'SCHEDULE');
    const measureHead = plan.preparation?.formulation === 'liquid' ? 'mL' : plan.preparation?.formulation === 'capsules' ? 'capsule mg' : 'tablets';
    const rows = [['from', 'to', 'days', 'dose mg HCl', measureHead, 'delivered mg', 'step']];
    for (const s of plan.schedule!) {
      const measure = s.volume_ml !== undefined ? n(s.volume_ml, 3) : s.capsule_mg !== undefined ? n(s.capsule_mg, 4) : s.tablets !== undefined ? n(s.tablets, 3) : '';
      rows.push([s.from, s.to, String(s.days), n(s.dose_mg, 4), measure, s.delivered_mg !== undefined ? n(s.delivered_mg, 4) : '', s.origin]);
    }
    out.push(formatTable(rows, { alignRight: true }));
    for (const note of cal.notes) out.push(wrap(tx(note, lang), 110, '  '));
    out.push('');
    out.push(uk ? 'ПРИГОТУВАННЯ' : 'PREPARATION');
    const prep = plan.preparation!;
    if (prep.formulation === 'liquid') {
      const what = prep.source === 'tablets' ? `${n(prep.tablets!)} × 50 mg naltrexone HCl tablet(s) in ${n(prep.volume_ml)} mL${prep.vehicle ? ` (${prep.vehicle === 'fawcett' ? 'Fawcett formula' : 'water'})` : ''} = ${n(prep.concentration_mg_ml, 4)} mg/mL, a suspension: shake well` : `${n(prep.powder_mg!, 3)} mg ${prep.source === 'base-powder' ? 'naltrexone base' : 'naltrexone HCl'} powder in ${n(prep.volume_ml)} mL = ${n(prep.concentration_mg_ml, 4)} mg/mL as HCl`;
      out.push(`  ${what}`);
      const budRefs = plan.sources.filter((x) => prep.bud.sources.some((b) => b.source === x.id && b.level === x.level));
      out.push(`  ${uk ? 'термін використання' : 'beyond-use date'}: ${tx(prep.bud.text, lang)} [sources ${budRefs.map(refs).join(', ')}]; ${prep.syringe ? `${n(prep.syringe.size_ml)} mL syringe, ${n(prep.syringe.graduation_ml, 3)} mL graduations` : 'no syringe given: volumes are exact (give --syringe and --graduation to round to its marks)'}`);
      if (cal.bottles) out.push(wrap(`  ${uk ? 'нову рідину готувати' : 'make a new bottle on'}: ${cal.bottles.map((b) => `${b.prepare_on} (discard by ${b.discard_on})`).join('; ')}`, 110, '    '));
    } else if (prep.formulation === 'capsules') {
      const budRefs = plan.sources.filter((x) => prep.bud.sources.some((b) => b.source === x.id && b.level === x.level));
      out.push(`  capsules, one a day: ${prep.strengths.map((s) => `${n(s.dose_mg, 4)} mg${s.base_mg !== undefined ? ` (${n(s.base_mg, 4)} mg base)` : ''}`).join(', ')}; filler ${prep.filler ?? 'not stated'}; beyond-use date: ${tx(prep.bud.text, lang)} [sources ${budRefs.map(refs).join(', ')}]`);
      if (cal.capsules) out.push(`  capsules needed: ${cal.capsules.map((c) => `${c.count} × ${n(c.dose_mg, 4)} mg`).join(', ')}`);
    } else {
      out.push(`  ${n(prep.tablet_mg, 4)} mg tablets${prep.scored ? ' (scored)' : ''}: ${prep.doses.map((d) => `${n(d.dose_mg, 4)} mg = ${n(d.tablets, 3)} tablet(s)`).join(', ')}`);
    }
    out.push('');
    out.push(uk ? 'КАЛЕНДАР' : 'CALENDAR');
    const bottleDays = new Set((cal.bottles ?? []).map((b) => b.prepare_on));
    const crows = [['date', 'day', '', 'time', 'dose mg HCl', measureHead, 'note']];
    for (const d of cal.days) {
      const wd = WEEKDAYS[lang][new Date(`${d.date}T00:00:00Z`).getUTCDay()]!;
      const measure = d.volume_ml !== undefined ? n(d.volume_ml, 3) : d.capsule_mg !== undefined ? n(d.capsule_mg, 4) : d.tablets !== undefined ? n(d.tablets, 3) : '';
      const notes = [d.change === 'up' ? 'step up' : d.change === 'down' ? 'step down' : d.change === 'start' ? 'start' : '', bottleDays.has(d.date) ? 'make a new bottle' : '', d.status !== 'dose' ? d.status : ''].filter(Boolean);
      crows.push([d.date, String(d.day), wd, d.status === 'dose' || d.status === 'missed' ? d.time : '', d.dose_mg === null ? '–' : n(d.dose_mg, 4), d.dose_mg === null ? '–' : measure, notes.join(', ')]);
    }
    out.push(formatTable(crows, { alignRight: false }));
  } else {
    out.push('');
    out.push(plan.status === 'blocked' ? 'PLAN NOT PRODUCED: BLOCKED' : 'PLAN NOT PRODUCED: WARNINGS NEED --ack');
  }

  const shown = ['block', 'warn', 'info'].flatMap((lv) => tripped.filter((r) => r.level === lv));
  if (shown.length) {
    out.push('');
    out.push(uk ? 'ПОПЕРЕДЖЕННЯ ТА ПРИМІТКИ' : 'WARNINGS AND NOTES');
    for (const r of shown) out.push(ruleBlock(r, lang, refs));
  }
  const asks = plan.rules.filter((r) => r.outcome === 'ask');
  if (asks.length) {
    out.push('');
    out.push(uk ? 'ПІДТВЕРДИТИ (факти не зазначено; правило запитує, а не пропускає)' : 'TO CONFIRM (facts not stated: these rules ask, they do not pass)');
    const byField = new Map<string, string[]>();
    for (const r of asks) for (const f of r.missing ?? []) byField.set(f, [...(byField.get(f) ?? []), `${r.id.split('-')[0]!}(${r.level})`]);
    const rows = [['give', 'rules']];
    for (const [f, ids] of byField) rows.push([askOption(f), ids.join(' ')]);
    out.push(formatTable(rows).split('\n').map((l) => `  ${l}`).join('\n'));
  }
  if (plan.adjustments.length) {
    out.push('');
    out.push(uk ? 'КОРИГУВАННЯ' : 'ADJUSTMENTS');
    for (const a of plan.adjustments) out.push(`  ${a.rule}: ${tx(a.text, lang)}`);
  }
  if (plan.simulation) {
    const sim = plan.simulation;
    out.push('');
    out.push(uk ? 'ЗМОДЕЛЬОВАНА БЛОКАДА μ-РЕЦЕПТОРІВ (останні 24 год кожного кроку; результат моделі, не клінічний факт)' : 'SIMULATED μ BLOCKADE (last 24 h of each step; model output, not a clinical fact)');
    const rows = [['step from', 'dose mg', 'h/day μ>50%', 'h/day μ>90%', 'μ peak', 'μ trough', 'naltrexone Cmax ng/mL']];
    for (const s of sim.steps) rows.push([s.from, n(s.dose_mg, 4), n(s.hours_above_50, 1), n(s.hours_above_90, 1), `${n(100 * s.mu_peak, 1)}%`, `${n(100 * s.mu_trough, 1)}%`, n(s.naltrexone_cmax_ng_ml, 3)]);
    out.push(formatTable(rows, { alignRight: true }).split('\n').map((l) => `  ${l}`).join('\n'));
    out.push(`  ${uk ? 'перед сном чи вранці' : 'bedtime vs morning'} at ${n(sim.timing.dose_mg, 4)} mg (day ${sim.timing.days}):`);
    const trows = [['time', 'h/day μ>50%', 'h/day μ>90%', 'μ peak at', 'mean μ 04:00–10:00']];
    for (const r of sim.timing.rows) trows.push([`${r.time} ${tx(r.label, lang)}`, n(r.hours_above_50, 1), n(r.hours_above_90, 1), r.mu_peak_clock, `${n(100 * r.mu_mean_04_10, 1)}%`]);
    out.push(formatTable(trows, { alignRight: true }).split('\n').map((l) => `  ${l}`).join('\n'));
    out.push(wrap(`  ${tx(sim.timing.note, lang)} β-endorphin is highest 04:00–10:00 (Dent 1981). ${sim.notes.map((x) => tx(x, lang)).join(' ')}`, 110, '  '));
  }
  out.push('');
  out.push(`${uk ? 'ДОКАЗИ' : 'EVIDENCE'}: ${tx(plan.evidence.label, lang)}`);
  for (const s of plan.evidence.studies) out.push(`  ${s.label} — ${s.evidence_level_label}${s.n !== undefined ? `, n = ${s.n} ${s.n_label ?? ''}`.trimEnd() : ''}${s.dose ? `, ${s.dose}` : ''}${s.status !== 'completed' ? `, ${s.status}` : ''}${s.url ? ` <${s.url}>` : ''}`);
  out.push(wrap(`  ${tx(plan.evidence.note, lang)}`, 110, '  '));
  if (plan.status === 'ok') {
    out.push('');
    out.push(uk ? 'ДЛЯ ПАЦІЄНТА' : 'FOR THE PATIENT');
    for (const i of plan.instructions) {
      const rule = plan.rules.find((r) => r.id.startsWith(`${i.rule}-`));
      out.push(wrap(`  - ${tx(i.text, lang)} (${i.rule}${rule ? `; sources ${rule.sources.map(refs).join(', ')}` : ''})`, 110, '    '));
    }
  }
  out.push('');
  out.push(uk ? 'ДЖЕРЕЛА [рівень доказовості]' : 'SOURCES [evidence level]');
  order.forEach((s, i) => out.push(wrap(`  ${String(i + 1).padStart(2)}. ${sourceLine(s)}`, 110, '      ')));
  const tags = [...new Set(order.map((s) => s.level))];
  out.push(wrap(`  ${tags.map((g) => `${g} = ${tx(EVIDENCE_TAG_LABELS[g], lang)}`).join('; ')}`, 110, '  '));
  out.push(`  ${plan.rules.filter((r) => r.outcome === 'pass').length} of ${plan.rules.length} rules passed; every rule: ldn plan rules`);
  return out.join('\n');
}

function refusal(plan: PlanOutput): string {
  const lang = plan.lang;
  const lines: string[] = [];
  const list = plan.status === 'blocked' ? plan.rules.filter((r) => r.outcome === 'trip' && r.level === 'block') : plan.rules.filter((r) => plan.needs_ack.includes(r.id));
  lines.push(plan.status === 'blocked' ? `plan not produced: blocked by ${list.map((r) => r.id).join(', ')}` : `plan not produced: ${list.length} warning(s) need acknowledgement; re-run with ${list.map((r) => `--ack ${r.id.split('-')[0]!}`).join(' ')}`);
  for (const r of list) {
    lines.push(`  ${r.id}: ${tx(r.message, lang)}${r.detail ? ` — ${tx(r.detail, lang)}` : ''}`);
    lines.push(`    source: ${r.sources.map(sourceLine).join('; ')}; evidence ${r.evidence}`);
  }
  if (plan.status === 'blocked' && plan.needs_ack.length) lines.push(`  (also to acknowledge once unblocked: ${plan.needs_ack.join(', ')})`);
  return lines.join('\n');
}

// ---------- PDF ----------

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function findChromium(): string | undefined {
  const env = process.env.LDN_CHROMIUM;
  if (env !== undefined && env !== '') return existsSync(env) ? env : undefined;
  return CHROMIUM_CANDIDATES.find((p) => existsSync(p));
}

/** A4 with 10 mm margins at 96 px/inch: the printable area in CSS pixels */
const MM = 96 / 25.4;
const PRINT_W = (210 - 20) * MM;
const PRINT_H = (297 - 20) * MM;

/** Renders the plan's HTML to a one-page A4 PDF with Chromium (scaled down when the page is longer). */
export async function htmlToPdf(html: string): Promise<Uint8Array> {
  const exe = findChromium();
  if (!exe) {
    const where = process.env.LDN_CHROMIUM ? `LDN_CHROMIUM=${process.env.LDN_CHROMIUM} does not exist` : `no Chromium at ${CHROMIUM_CANDIDATES.join(', ')}`;
    throw new PlanExitError(`--format pdf needs Chromium (${where}); install it with: apt-get install -y chromium (or set LDN_CHROMIUM to a Chromium or Chrome binary). --format html gives the same page to print from a browser.`, EXIT.failure);
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: exe, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: Math.floor(PRINT_W), height: Math.floor(PRINT_H) } });
    await page.emulateMedia({ media: 'print' });
    await page.setContent(html, { waitUntil: 'load' });
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const scale = Math.max(0.1, Math.min(1, (0.97 * PRINT_H) / height));
    const pdf = await page.pdf({ format: 'A4', printBackground: true, scale, margin: { top: '10mm', bottom: '10mm', left: '10mm', right: '10mm' }, pageRanges: '1' });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}

function writeBinary(out: string, data: Uint8Array): void {
  const path = resolve(out);
  try {
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (err) {
    throw new UsageError(`cannot write --out ${out}: ${(err as Error).message}`);
  }
}

// ---------- commands ----------

export async function planCommand(flags: Flags, sourceOf: (name: string) => string | undefined): Promise<void> {
  const format = parseFormat(String(flags.format), FORMATS);
  if (format === 'pdf' && (flags.out === undefined || flags.out === '-')) throw new UsageError('--format pdf needs --out FILE.pdf (a PDF is not written to the terminal)');
  const request = requestFromFlags(flags, sourceOf);
  let plan: PlanOutput;
  try {
    plan = buildPlan(request, format === 'table' || format === 'json' || format === 'html' || format === 'pdf' ? {} : { simulate: false });
  } catch (e) {
    if (e instanceof PlanInputError) throw usageFrom(e);
    throw e;
  }
  const out = typeof flags.out === 'string' ? flags.out : undefined;
  if (plan.status !== 'ok') {
    if (format === 'json') writeOutput(JSON.stringify(plan), out);
    throw new PlanExitError(refusal(plan), EXIT.blocked);
  }
  if (format === 'json') return writeOutput(JSON.stringify(plan), out);
  if (format === 'ics') return writeOutput(planToIcs(plan, { perDose: flags.perDose === true }), out);
  if (format === 'html') return writeOutput(planToHtml(plan), out);
  if (format === 'pdf') return writeBinary(out!, await htmlToPdf(planToHtml(plan)));
  writeOutput(planTable(plan), out);
}

export function rulesText(lang: Lang): string {
  const out: string[] = [`${lang === 'uk' ? 'Правила планувальника (planner.md §6)' : 'Planner safety rules (planner.md §6)'}: block = no plan; warn = no plan until --ack RULE; info = shown; a missing fact makes a rule ask.`, ''];
  const rows = [['id', 'level', 'evidence', 'rule']];
  for (const r of listRules()) rows.push([r.id, r.levels.join('/'), r.evidence, tx(r.title, lang)]);
  out.push(formatTable(rows));
  out.push('');
  for (const r of listRules()) {
    out.push(wrap(`${r.id} [${r.levels.join('/')}; evidence ${r.evidence}] ${tx(r.message, lang)}`, 110, '    '));
    for (const s of r.sources) out.push(wrap(`    - ${sourceLine(s)}${s.note ? ` (${s.note})` : ''}`, 110, '      '));
  }
  return out.join('\n');
}

export function presetsText(lang: Lang): string {
  const out: string[] = [];
  const rows = [['preset', 'evidence', 'schedule', 'for']];
  for (const p of PRESETS) rows.push([p.id, p.evidence, tx(p.description, lang), tx(p.applies_to, lang)]);
  out.push(formatTable(rows));
  out.push('');
  for (const p of PRESETS) {
    out.push(`${p.id}: ${tx(p.name, lang)}`);
    for (const s of p.sources) {
      const src = sourceOf(s.source);
      out.push(wrap(`    - ${sourceLine({ id: src.id, citation: src.citation, url: src.url, level: s.level })}${s.note ? ` (${s.note})` : ''}`, 110, '      '));
    }
  }
  out.push('');
  out.push(lang === 'uk' ? 'Не включено (кроки НЕ ЗНАЙДЕНО):' : 'Not available (steps NOT FOUND):');
  for (const u of UNAVAILABLE_PRESETS) out.push(`  ${u.id}: ${tx(u.why, lang)}`);
  return out.join('\n');
}

export function registerPlan(program: Command): void {
  program
    .command('plan')
    .description('a dosing plan for low-dose naltrexone: titration, compounding, safety rules with sources, calendar, simulation and evidence (supports, does not replace, the clinician)')
    .usage('--condition NAME --start YYYY-MM-DD [options] | rules | presets')
    .argument('[list]', 'rules (every safety rule) or presets (the titration presets), instead of a plan')
    .option('--age <years>', 'age in years')
    .option('--weight <kg>', 'body weight in kg')
    .option('--sex <female|male>', 'sex (pregnancy rules do not apply to male)')
    .option('--name <text>', 'patient name or code printed on the plan')
    .option('--condition <name>', 'condition treated (endometriosis, fibromyalgia, me-cfs, long-covid, hashimoto, …; see the error for all)')
    .option('--start <YYYY-MM-DD>', 'date of the first dose')
    .option('--preset <name>', `titration preset: ${PRESETS.map((p) => p.id).join(', ')} (ldn plan presets)`)
    .option('--start-dose <mg>', 'first dose, mg naltrexone HCl')
    .option('--step <mg>', 'increase per step, mg')
    .option('--interval <days>', 'days between increases')
    .option('--target <mg>', 'target dose, mg')
    .option('--steps <list>', 'custom schedule DOSE:DAYS,… e.g. 1:7,2:7,3:7,4.5')
    .option('--time <HH:MM>', 'clock time of the daily dose (default 22:00)')
    .option('--days <n>', 'days shown in the calendar (default: titration + 28)')
    .option('--formulation <form>', 'liquid (default), capsules or tablet-fraction')
    .option('--tablets <n>', 'number of 50 mg tablets in the liquid (whole or half)')
    .option('--volume <mL>', 'final volume of the liquid, mL')
    .option('--source <what>', 'made from tablets (default for liquids), hcl-powder or base-powder')
    .option('--concentration <mg/mL>', 'strength of a liquid made from powder, mg/mL HCl')
    .option('--vehicle <water|fawcett>', 'liquid vehicle: plain water, or the Fawcett formula')
    .option('--storage <fridge|room>', 'storage of the preparation')
    .option('--light-protected', 'capsules stored protected from light')
    .option('--no-light-protected', 'capsules not protected from light')
    .option('--syringe <mL>', 'oral syringe size, mL (with --graduation)')
    .option('--graduation <mL>', 'smallest graduation printed on the syringe, mL')
    .option('--filler <name>', 'capsule filler: avicel, microcrystalline-cellulose, sucrose, lactose, probiotic, calcium-carbonate, methylcellulose, slow-release, other')
    .option('--tablet-strength <mg>', 'tablet strength for tablet-fraction (default 50)')
    .option('--scored', 'the tablet is scored (halves allowed)')
    .option('--no-scored', 'the tablet is not scored')
    .option('--opioid <agent>', 'an opioid taken now or recently (morphine, oxycodone, tramadol, codeine, methadone, buprenorphine, …, other)')
    .option('--opioid-use <use>', 'regular, occasional or stopped')
    .option('--opioid-action <release>', 'short-acting or long-acting')
    .option('--opioid-last-dose <YYYY-MM-DD>', 'date of the last opioid dose')
    .option('--opioid-max-daily <mg>', 'largest daily dose of that opioid, mg')
    .option('--no-opioids', 'the patient takes no opioids')
    .option('--opioid-products', 'needs opioid-containing cough, cold or antidiarrhoeal products (incl. loperamide)')
    .option('--no-opioid-products', 'does not need them')
    .option('--allow-occasional-opioids', 'the prescriber opts in to occasional short-acting opioids (rule 5)')
    .option('--no-allow-occasional-opioids', 'the prescriber does not')
    .option('--pregnant', 'pregnant')
    .option('--no-pregnant', 'not pregnant')
    .option('--planning-pregnancy', 'planning pregnancy')
    .option('--no-planning-pregnancy', 'not planning pregnancy')
    .option('--lactating', 'breastfeeding')
    .option('--no-lactating', 'not breastfeeding')
    .option('--thyroid-hormone', 'takes thyroid hormone')
    .option('--no-thyroid-hormone', 'takes no thyroid hormone')
    .option('--hashimoto', "Hashimoto's thyroiditis")
    .option('--no-hashimoto', "no Hashimoto's thyroiditis")
    .option('--liver <status>', 'normal, compensated-cirrhosis, acute-hepatitis, liver-failure, decompensated-cirrhosis, other')
    .option('--alt <U/L>', 'ALT, U/L')
    .option('--alt-uln <U/L>', "upper limit of normal of the lab's ALT, U/L")
    .option('--egfr <mL/min>', 'eGFR, mL/min/1.73 m²')
    .option('--kidney <status>', 'normal or impaired (when eGFR is not known)')
    .option('--medicine <name>', 'another medicine (repeatable)', collect)
    .option('--no-medicines', 'no other medicines')
    .option('--no-other-medicines', 'no other medicines, no hepatotoxic drugs, not a transplant recipient')
    .option('--hepatotoxic-drugs', 'takes another potentially hepatotoxic drug')
    .option('--no-hepatotoxic-drugs', 'does not')
    .option('--transplant', 'immunosuppressed transplant recipient')
    .option('--no-transplant', 'not a transplant recipient')
    .option('--lactose-intolerant', 'lactose intolerance')
    .option('--no-lactose-intolerant', 'no lactose intolerance')
    .option('--surgery-date <YYYY-MM-DD>', 'planned surgery date')
    .option('--no-surgery', 'no surgery planned')
    .option('--event <KIND@DATE>', 'logged event (repeatable): persistent-side-effect, worsening, sleep-effect, missed-dose[@DATE THH:MM], red-flag:FLAG', collect)
    .option('--trial-stop', 'a planned trial stop is requested (rule 31)')
    .option('--stable-months <n>', 'months of stable treatment')
    .option('--continuing', 'already taking LDN at the first dose of this plan')
    .option('--ack <rule>', 'acknowledge a warning by rule id, e.g. R27 (repeatable)', collect)
    .option('--lang <en|uk>', 'language of the output (default en)')
    .option('--input <file.json>', 'the plan request as JSON (the body of POST /api/plans); options override it')
    .option('--no-simulate', 'skip the engine simulation')
    .option('--per-dose', 'ics: one event per dose instead of a daily rule per step')
    .option('--format <format>', `output format: ${FORMATS.join(', ')}`, 'table')
    .option('--out <file>', 'write to a file instead of standard output (required for pdf)')
    .action(async (list: string | undefined, flags: Flags, cmd: Command) => {
      if (list === undefined) return planCommand(flags, (name) => cmd.getOptionValueSource(name));
      if (list !== 'rules' && list !== 'presets') throw new UsageError(`unknown plan command "${list}"; accepted: rules, presets (or plan options without a command)`);
      listCommand(list, flags);
    });
}

/** `ldn plan rules` and `ldn plan presets`: --format table|json, --lang en|uk, --out */
function listCommand(list: 'rules' | 'presets', flags: Flags): void {
  const format = parseFormat(String(flags.format), LIST_FORMATS);
  const lang = parseFormat(typeof flags.lang === 'string' ? flags.lang : 'en', LANGS, '--lang');
  const out = typeof flags.out === 'string' ? flags.out : undefined;
  if (list === 'rules') return writeOutput(format === 'json' ? JSON.stringify(listRules()) : rulesText(lang), out);
  writeOutput(format === 'json' ? JSON.stringify(listPresets()) : presetsText(lang), out);
}
