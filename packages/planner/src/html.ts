// The printable one-page plan (HTML with print CSS), in English or Ukrainian: who and what, the
// statement that it supports and does not replace the clinician, the dated schedule with what to
// measure, the preparation and its beyond-use date, warnings and facts still to confirm (each with
// its rule, source and evidence level), the simulated blockade per step and bedtime vs morning,
// the evidence for the condition, and the numbered sources. Every piece of text is escaped, and
// only http(s) URLs become links, so a hostile name or note cannot inject markup. No scripts: the
// page renders the same in a browser, in print and in Chromium's PDF.
import type { CalendarOutput } from './calendar.js';
import { evidenceLevelLabel } from './evidence.js';
import type { Preparation } from './compounding.js';
import type { RuleResult, RuleSourceOut } from './engine.js';
import { EVIDENCE_TAG_LABELS } from './sources.js';
import type { PlanOutput } from './plan.js';
import type { PlanSimulation } from './simulate.js';
import { fmtLang, type Lang, type Text } from './text.js';

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const L = {
  title: { en: 'Low-dose naltrexone (LDN) titration plan', uk: 'План титрування низькодозового налтрексону (LDN)' },
  notProduced: { en: 'Plan not produced', uk: 'План не складено' },
  blocked: { en: 'Blocked by', uk: 'Заблоковано правилом' },
  needsAck: { en: 'Warnings to acknowledge before a plan is produced', uk: 'Попередження, які потрібно підтвердити, щоб скласти план' },
  patient: { en: 'Patient', uk: 'Пацієнт' },
  age: { en: 'age', uk: 'вік' },
  years: { en: 'y', uk: 'р.' },
  weight: { en: 'weight', uk: 'маса тіла' },
  condition: { en: 'condition', uk: 'стан' },
  start: { en: 'first dose', uk: 'перша доза' },
  daily: { en: 'once daily at', uk: 'один раз на добу о' },
  protocol: { en: 'Protocol', uk: 'Протокол' },
  custom: { en: 'custom schedule', uk: 'власна схема' },
  chosenBy: { en: 'chosen by', uk: 'обрано за' },
  theUser: { en: 'the clinician', uk: 'рішенням лікаря' },
  schedule: { en: 'Schedule', uk: 'Схема' },
  dates: { en: 'dates', uk: 'дати' },
  days: { en: 'days', uk: 'дні' },
  dose: { en: 'dose, mg HCl', uk: 'доза, мг гідрохлориду' },
  measure: { en: 'measure', uk: 'відміряти' },
  preparation: { en: 'Preparation', uk: 'Приготування' },
  warnings: { en: 'Warnings and notes', uk: 'Попередження та примітки' },
  asks: { en: 'To confirm before the first dose (facts not stated)', uk: 'Підтвердити до першої дози (не зазначені факти)' },
  acknowledged: { en: 'acknowledged', uk: 'підтверджено' },
  simulation: { en: 'Simulated μ-opioid receptor blockade (model output, not a clinical fact)', uk: 'Змодельована блокада μ-опіоїдних рецепторів (результат моделі, а не клінічний факт)' },
  step: { en: 'step', uk: 'крок' },
  h50: { en: 'h/day μ > 50 %', uk: 'год/добу μ > 50 %' },
  h90: { en: 'h/day μ > 90 %', uk: 'год/добу μ > 90 %' },
  peakTrough: { en: 'μ peak / trough', uk: 'μ пік / мінімум' },
  timing: { en: 'time', uk: 'час' },
  mean0410: { en: 'mean μ 04:00–10:00', uk: 'середня μ 04:00–10:00' },
  evidence: { en: 'Evidence for this condition', uk: 'Докази для цього стану' },
  instructions: { en: 'For the patient', uk: 'Для пацієнта' },
  sources: { en: 'Sources (evidence level)', uk: 'Джерела (рівень доказовості)' },
  level: { block: { en: 'BLOCK', uk: 'БЛОК' }, warn: { en: 'WARN', uk: 'УВАГА' }, info: { en: 'INFO', uk: 'ІНФО' } },
  bottles: { en: 'Make a new bottle on', uk: 'Нову рідину готувати' },
  discard: { en: 'discard by', uk: 'утилізувати до' },
  chart: { en: 'μ occupancy (line) and dose (steps) over the plan', uk: 'Зайнятість μ-рецепторів (лінія) і доза (сходинки) протягом плану' },
  planId: { en: 'plan', uk: 'план' },
  generated: { en: 'LDN Workbench dosing planner', uk: 'Планувальник дозування LDN Workbench' },
} satisfies Record<string, unknown>;

function tr(x: Text, lang: Lang): string {
  return escapeHtml(x[lang]);
}

function link(url: string | undefined, text: string): string {
  if (url && /^https?:\/\/[^\s"<>]+$/.test(url)) return `<a href="${escapeHtml(url)}">${escapeHtml(text)}</a>`;
  return escapeHtml(text);
}

const num = (x: number, lang: Lang, d = 2) => escapeHtml(fmtLang(x, lang, d));
const pct = (x: number, lang: Lang) => `${num(100 * x, lang, 0)} %`;

function measureCell(s: { volume_ml?: number; capsule_mg?: number; tablets?: number; delivered_mg?: number; dose_mg: number }, lang: Lang): string {
  if (s.volume_ml !== undefined) {
    const dev = s.delivered_mg !== undefined && Math.abs(s.delivered_mg - s.dose_mg) > 1e-9 ? ` (= ${num(s.delivered_mg, lang, 3)} ${lang === 'uk' ? 'мг' : 'mg'})` : '';
    return `${num(s.volume_ml, lang, 3)} ${lang === 'uk' ? 'мл' : 'mL'}${dev}`;
  }
  if (s.capsule_mg !== undefined) return lang === 'uk' ? `капсула ${num(s.capsule_mg, lang, 4)} мг` : `${num(s.capsule_mg, lang, 4)} mg capsule`;
  if (s.tablets !== undefined) return lang === 'uk' ? `таблеток: ${num(s.tablets, lang, 3)}` : `${num(s.tablets, lang, 3)} tablet(s)`;
  return '';
}

function preparationHtml(p: Preparation, cal: CalendarOutput | undefined, lang: Lang): string {
  const uk = lang === 'uk';
  const parts: string[] = [];
  if (p.formulation === 'liquid') {
    const what =
      p.source === 'tablets'
        ? uk
          ? `${num(p.tablets!, lang)} × таблетка налтрексону гідрохлориду 50 мг у ${num(p.volume_ml, lang)} мл${p.vehicle === 'fawcett' ? ' (рецептура Fawcett)' : p.vehicle === 'water' ? ' води' : ''} = ${num(p.concentration_mg_ml, lang, 4)} мг/мл, суспензія`
          : `${num(p.tablets!, lang)} × 50 mg naltrexone HCl tablet in ${num(p.volume_ml, lang)} mL${p.vehicle === 'fawcett' ? ' (Fawcett formula)' : p.vehicle === 'water' ? ' water' : ''} = ${num(p.concentration_mg_ml, lang, 4)} mg/mL, a suspension`
        : uk
          ? `${num(p.powder_mg!, lang, 3)} мг порошку ${p.source === 'base-powder' ? 'налтрексону основи' : 'налтрексону гідрохлориду'} у ${num(p.volume_ml, lang)} мл = ${num(p.concentration_mg_ml, lang, 4)} мг/мл гідрохлориду`
          : `${num(p.powder_mg!, lang, 3)} mg ${p.source === 'base-powder' ? 'naltrexone base' : 'naltrexone HCl'} powder in ${num(p.volume_ml, lang)} mL = ${num(p.concentration_mg_ml, lang, 4)} mg/mL as HCl`;
    parts.push(what);
    if (p.syringe) parts.push(uk ? `шприц ${num(p.syringe.size_ml, lang)} мл, поділка ${num(p.syringe.graduation_ml, lang, 3)} мл` : `${num(p.syringe.size_ml, lang)} mL syringe, ${num(p.syringe.graduation_ml, lang, 3)} mL graduations`);
  } else if (p.formulation === 'capsules') {
    parts.push(uk ? `капсули: ${p.strengths.map((s) => `${num(s.dose_mg, lang, 4)} мг`).join(', ')}${p.filler ? `; наповнювач ${escapeHtml(p.filler)}` : ''}` : `capsules: ${p.strengths.map((s) => `${num(s.dose_mg, lang, 4)} mg`).join(', ')}${p.filler ? `; filler ${escapeHtml(p.filler)}` : ''}`);
    if (p.strengths.some((s) => s.base_mg !== undefined)) parts.push(uk ? `з порошку основи: ${p.strengths.map((s) => `${num(s.base_mg!, lang, 4)} мг`).join(', ')}` : `from base powder: ${p.strengths.map((s) => `${num(s.base_mg!, lang, 4)} mg base`).join(', ')}`);
  } else {
    parts.push(uk ? `таблетки ${num(p.tablet_mg, lang, 4)} мг${p.scored ? ' з рискою' : ''}` : `${num(p.tablet_mg, lang, 4)} mg tablets${p.scored ? ', scored' : ''}`);
  }
  if (p.formulation !== 'tablet-fraction') parts.push(`${uk ? 'термін використання' : 'beyond-use date'}: ${tr(p.bud.text, lang)}`);
  const bottles = cal?.bottles?.length ? `<br>${tr(L.bottles, lang)}: ${cal.bottles.map((b) => `${escapeHtml(b.prepare_on)} (${tr(L.discard, lang)} ${escapeHtml(b.discard_on)})`).join('; ')}` : '';
  return `<p>${parts.join('; ')}.${bottles}</p>`;
}

function chartSvg(sim: PlanSimulation, plan: PlanOutput, lang: Lang): string {
  const W = 520;
  const H = 90;
  const pad = { l: 28, r: 28, t: 6, b: 16 };
  const t = sim.series.time_h;
  if (t.length < 2) return '';
  const tMax = t[t.length - 1]!;
  const x = (h: number) => pad.l + ((W - pad.l - pad.r) * h) / tMax;
  const y = (f: number) => pad.t + (H - pad.t - pad.b) * (1 - f);
  const occ = t.map((h, i) => `${x(h).toFixed(1)},${y(sim.series.mu_occupancy[i]!).toFixed(1)}`).join(' ');
  const maxDose = Math.max(...(plan.schedule ?? []).map((s) => s.dose_mg), 1e-9);
  const start = plan.calendar!.start;
  const steps = (plan.schedule ?? [])
    .map((s) => {
      const d0 = (Date.parse(s.from) - Date.parse(start)) / 86_400_000;
      const yy = y((0.9 * s.dose_mg) / maxDose).toFixed(1);
      return `M${x(d0 * 24).toFixed(1)},${yy}H${x(Math.min(tMax, (d0 + s.days) * 24)).toFixed(1)}`;
    })
    .join('');
  const grid = [0, 0.5, 1].map((f) => `<line x1="${pad.l}" x2="${W - pad.r}" y1="${y(f)}" y2="${y(f)}" class="g"/><text x="${pad.l - 3}" y="${y(f) + 3}" text-anchor="end">${f * 100}%</text>`).join('');
  const days = Math.round(tMax / 24);
  const ticks = [0, Math.round(days / 2), days].map((d) => `<text x="${x(d * 24)}" y="${H - 3}" text-anchor="middle">${lang === 'uk' ? 'день' : 'day'} ${d}</text>`).join('');
  return `<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${tr(L.chart, lang)}">${grid}${ticks}<path d="${steps}" class="dose"/><polyline points="${occ}" class="occ"/><text x="${W - pad.r + 3}" y="${y(0.9) + 3}">${num(maxDose, lang)} ${lang === 'uk' ? 'мг' : 'mg'}</text></svg>`;
}

function ruleLine(r: RuleResult, lang: Lang, sourceNo: (s: RuleSourceOut) => number): string {
  const lvl = L.level[r.level];
  const refs = r.sources.map((s) => `[${sourceNo(s)}]`).join('');
  const ack = r.acknowledged ? ` <em>(${tr(L.acknowledged, lang)})</em>` : '';
  const detail = r.detail ? ` <span class="detail">— ${tr(r.detail, lang)}</span>` : '';
  return `<li class="${r.level}"><b class="lvl">${tr(lvl, lang)}</b> <b>${escapeHtml(r.id)}</b> ${tr(r.message, lang)}${detail} <span class="src">${refs} ${escapeHtml(r.evidence)}</span>${ack}</li>`;
}

const CSS = `
@page { size: A4; margin: 10mm; }
* { box-sizing: border-box; }
body { font: 7.9pt/1.25 "DejaVu Sans", "Noto Sans", Arial, sans-serif; color: #111; margin: 0; }
main { max-width: 190mm; margin: 0 auto; }
h1 { font-size: 13pt; margin: 0 0 2px; }
h2 { font-size: 9.2pt; margin: 6px 0 2px; border-bottom: 1px solid #999; }
p, ul, ol { margin: 2px 0; }
ul, ol { padding-left: 14px; }
.disclaimer { border: 2px solid #b00; padding: 4px 6px; margin: 4px 0; font-weight: bold; }
.refused { border: 3px solid #b00; padding: 6px; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #bbb; padding: 1px 4px; text-align: left; vertical-align: top; }
th { background: #eee; }
td.n { text-align: right; white-space: nowrap; }
.cols { columns: 2; column-gap: 12px; }
.cols li { break-inside: avoid; }
li.block .lvl, li.warn .lvl { color: #b00; }
li.info .lvl { color: #555; }
.src, .detail { color: #444; }
.sources { font-size: 6.8pt; columns: 2; column-gap: 12px; list-style: none; padding-left: 0; }
.sources li { break-inside: avoid; overflow-wrap: anywhere; }
.chart { width: 100%; height: auto; max-height: 24mm; font-size: 7px; }
.chart .g { stroke: #ddd; }
.chart .occ { fill: none; stroke: #0a58ca; stroke-width: 1; }
.chart .dose { fill: none; stroke: #b36b00; stroke-width: 1.2; }
footer { margin-top: 4px; font-size: 7pt; color: #444; }
a { color: inherit; }
@media print { a { text-decoration: none; } .noprint { display: none; } }
`;

/** The printable plan; a plan that was not produced renders as a page that says why. */
export function planToHtml(plan: PlanOutput): string {
  const lang = plan.lang;
  const uk = lang === 'uk';
  const order: RuleSourceOut[] = [];
  const sourceNo = (s: RuleSourceOut): number => {
    const i = order.findIndex((o) => o.id === s.id);
    if (i >= 0) return i + 1;
    order.push(s);
    return order.length;
  };
  const p = plan.patient;
  const who = [
    p.name ? `<b>${escapeHtml(p.name)}</b>` : '',
    p.age !== undefined ? `${tr(L.age, lang)} ${num(p.age, lang, 1)} ${tr(L.years, lang)}` : '',
    p.weight_kg !== undefined ? `${tr(L.weight, lang)} ${num(p.weight_kg, lang, 1)} ${uk ? 'кг' : 'kg'}` : '',
    `${tr(L.condition, lang)}: ${tr(p.condition.label, lang)}`,
  ].filter(Boolean);
  const body: string[] = [];
  body.push(`<h1>${tr(L.title, lang)}</h1>`);
  body.push(`<p>${tr(L.patient, lang)}: ${who.join(' · ')}</p>`);
  body.push(`<p class="disclaimer">${tr(plan.disclaimer, lang)}</p>`);

  const tripped = plan.rules.filter((r) => r.outcome === 'trip');
  if (plan.status !== 'ok') {
    const list = plan.status === 'blocked' ? tripped.filter((r) => r.level === 'block') : tripped.filter((r) => plan.needs_ack.includes(r.id));
    body.push(`<div class="refused"><h2>${tr(L.notProduced, lang)}: ${plan.status === 'blocked' ? tr(L.blocked, lang) : tr(L.needsAck, lang)}</h2><ul>${list.map((r) => ruleLine(r, lang, sourceNo)).join('')}</ul></div>`);
  } else {
    const presetLine = plan.preset
      ? `${tr(plan.preset.name, lang)} — ${tr(plan.preset.description, lang)} ${plan.preset.sources.map((s) => `[${sourceNo(s)}]`).join('')} ${escapeHtml(plan.preset.evidence)}`
      : tr(L.custom, lang);
    const by = plan.chosen_by === 'user' || plan.chosen_by === 'custom' ? tr(L.theUser, lang) : `${uk ? 'правилом' : 'rule'} ${escapeHtml(plan.chosen_by)}`;
    body.push(`<p>${tr(L.start, lang)}: <b>${escapeHtml(plan.calendar!.start)}</b>, ${tr(L.daily, lang)} <b>${escapeHtml(plan.time)}</b>. ${tr(L.protocol, lang)}: ${presetLine} (${tr(L.chosenBy, lang)} ${by}).</p>`);
    const rows = plan.schedule!.map((s) => `<tr><td>${escapeHtml(s.from)} – ${escapeHtml(s.to)}</td><td class="n">${s.days}</td><td class="n"><b>${num(s.dose_mg, lang, 4)}</b></td><td>${measureCell(s, lang)}</td></tr>`);
    body.push(`<h2>${tr(L.schedule, lang)}</h2><table><thead><tr><th>${tr(L.dates, lang)}</th><th>${tr(L.days, lang)}</th><th>${tr(L.dose, lang)}</th><th>${tr(L.measure, lang)}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`);
    for (const n of plan.calendar!.notes) body.push(`<p><b>${tr(n, lang)}</b></p>`);
    body.push(`<h2>${tr(L.preparation, lang)}</h2>${preparationHtml(plan.preparation!, plan.calendar, lang)}`);
  }

  const shownRules = tripped.filter((r) => plan.status === 'ok' || !(plan.status === 'blocked' ? r.level === 'block' : plan.needs_ack.includes(r.id)));
  const byLevel = ['block', 'warn', 'info'].flatMap((lv) => shownRules.filter((r) => r.level === lv));
  if (byLevel.length) body.push(`<h2>${tr(L.warnings, lang)}</h2><ul>${byLevel.map((r) => ruleLine(r, lang, sourceNo)).join('')}</ul>`);
  const asks = plan.rules.filter((r) => r.outcome === 'ask');
  if (asks.length) {
    body.push(
      `<h2>${tr(L.asks, lang)}</h2><ul class="cols">${asks
        .map((r) => `<li><b>${escapeHtml(r.id)}</b> ${r.detail ? tr(r.detail, lang) : tr(r.title, lang)} <span class="src">(${tr(L.level[r.levels[0]!], lang)})</span></li>`)
        .join('')}</ul>`,
    );
  }

  if (plan.simulation) {
    const sim = plan.simulation;
    const rows = sim.steps.map((s) => `<tr><td>${escapeHtml(s.from)}</td><td class="n">${num(s.dose_mg, lang, 4)}</td><td class="n">${num(s.hours_above_50, lang, 1)}</td><td class="n">${num(s.hours_above_90, lang, 1)}</td><td class="n">${pct(s.mu_peak, lang)} / ${pct(s.mu_trough, lang)}</td></tr>`);
    const timing = sim.timing.rows.map((r) => `<tr><td>${escapeHtml(r.time)} (${tr(r.label, lang)})</td><td class="n">${num(sim.timing.dose_mg, lang, 4)}</td><td class="n">${num(r.hours_above_50, lang, 1)}</td><td class="n">${num(r.hours_above_90, lang, 1)}</td><td class="n">${pct(r.mu_peak, lang)} / ${pct(r.mu_trough, lang)}; ${tr(L.mean0410, lang)} ${pct(r.mu_mean_04_10, lang)}</td></tr>`);
    body.push(
      `<h2>${tr(L.simulation, lang)}</h2>${chartSvg(sim, plan, lang)}<table><thead><tr><th>${tr(L.step, lang)} / ${tr(L.timing, lang)}</th><th>${tr(L.dose, lang)}</th><th>${tr(L.h50, lang)}</th><th>${tr(L.h90, lang)}</th><th>${tr(L.peakTrough, lang)}</th></tr></thead><tbody>${rows.join('')}${timing.join('')}</tbody></table><p class="src">${tr(sim.timing.note, lang)} ${sim.notes.map((n) => tr(n, lang)).join(' ')}</p>`,
    );
  }

  const ev = plan.evidence;
  const studies = ev.studies.map((s) => `<li>${link(s.url, s.label)} — ${tr(evidenceLevelLabel(s.evidence_level), lang)}${s.n !== undefined ? `, n = ${s.n}` : ''}${s.dose ? `, ${escapeHtml(s.dose)}` : ''}${s.status !== 'completed' ? `, ${escapeHtml(s.status)}` : ''}</li>`);
  body.push(`<h2>${tr(L.evidence, lang)}: ${tr(ev.label, lang)}</h2>${studies.length ? `<ul>${studies.join('')}</ul>` : ''}<p class="src">${tr(ev.note, lang)}</p>`);

  if (plan.status === 'ok') body.push(`<h2>${tr(L.instructions, lang)}</h2><ul class="cols">${plan.instructions.map((i) => `<li>${tr(i.text, lang)}</li>`).join('')}</ul>`);

  const tags = [...new Set(order.map((s) => s.level))];
  body.push(
    `<h2>${tr(L.sources, lang)}</h2><ul class="sources">${order
      .map((s, i) => `<li>[${i + 1}] ${link(s.url, s.citation)} — <b>${escapeHtml(s.level)}</b></li>`)
      .join('')}</ul><p class="src">${tags.map((g) => `<b>${escapeHtml(g)}</b> ${tr(EVIDENCE_TAG_LABELS[g], lang)}`).join('; ')}.</p>`,
  );
  body.push(`<footer>${tr(L.generated, lang)} · ${tr(L.planId, lang)} ${escapeHtml(plan.plan_id)} · ${tr(plan.disclaimer, lang)}</footer>`);
  const title = `${L.title[lang]}${p.name ? ` – ${p.name}` : ''}`;
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body><main>
${body.join('\n')}
</main></body>
</html>
`;
}
