// `ldn simulate`: the CLI face of the engine's runSimulation. Options map one-to-one onto the
// request that POST /api/simulate takes, so the JSON of both is the same.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { HYPOTHESIS_IDS, RequestError, runSimulation, type SimulationOutput, type SimulationRequest } from '@ldn/engine';
import { timeCourseSvg, type TimeCoursePanel } from '@ldn/figures';
import { UsageError } from '../errors.js';
import { parseFormat, writeOutput } from '../io.js';
import { collect, parseNumberOption, parseSetOptions, whatIfText } from '../options.js';
import { svgDocument } from '../dom.js';
import { formatTable } from '../table.js';

const FORMATS = ['table', 'json', 'csv', 'svg'] as const;

interface SimulateFlags {
  dose?: string;
  time?: string;
  days?: string;
  every?: string;
  doses?: string;
  step?: string;
  params?: string;
  regimen?: string;
  events?: string;
  start?: string;
  hypotheses?: string;
  set?: string[];
  format: string;
  out?: string;
}

function readInput(option: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`${option} ${path}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

export function requestFromFlags(f: SimulateFlags): SimulationRequest {
  const req: SimulationRequest = {};
  if (f.dose !== undefined) req.dose = parseNumberOption('--dose', f.dose, { min: 0, exclusiveMin: true, max: 1000, unit: 'mg' });
  if (f.time !== undefined) req.time = f.time;
  if (f.days !== undefined) req.days = parseNumberOption('--days', f.days, { min: 0, exclusiveMin: true, max: 3650 });
  if (f.every !== undefined) req.every = parseNumberOption('--every', f.every, { min: 0, exclusiveMin: true, max: 672, unit: 'h' });
  if (f.doses !== undefined) req.doses = parseNumberOption('--doses', f.doses, { min: 1, max: 100000, integer: true });
  if (f.step !== undefined) req.step = parseNumberOption('--step', f.step, { min: 0, exclusiveMin: true, max: 24, unit: 'h' });
  if (f.params !== undefined) req.params = f.params;
  if (f.start !== undefined) req.start = f.start;
  if (f.regimen !== undefined) {
    const text = readInput('--regimen', f.regimen);
    try {
      req.regimen = JSON.parse(text) as unknown;
    } catch (e) {
      throw new UsageError(`--regimen ${f.regimen} is not valid JSON: ${(e as Error).message}`);
    }
  }
  if (f.events !== undefined) req.events = readInput('--events', f.events);
  if (f.hypotheses !== undefined) req.hypotheses = parseList(f.hypotheses);
  if (f.set !== undefined && f.set.length > 0) req.overrides = parseSetOptions(f.set);
  return req;
}

/** "rebound,tlr4" or "all" → ids (validated by the engine) */
export function parseList(raw: string): string[] {
  const ids = raw.split(',').map((x) => x.trim()).filter(Boolean);
  return ids.length === 1 && ids[0] === 'all' ? [...HYPOTHESIS_IDS] : ids;
}

const OPTION_OF_FIELD: Record<string, string> = { hypotheses: '--hypotheses', dose: '--dose', time: '--time', days: '--days', every: '--every', doses: '--doses', step: '--step', params: '--params', regimen: '--regimen', events: '--events', start: '--start', overrides: '--set' };

/** Runs a request, turning validation errors into usage errors phrased with option names. */
export function runRequest(req: SimulationRequest): SimulationOutput {
  try {
    return runSimulation(req);
  } catch (e) {
    if (e instanceof RequestError) {
      const opt = e.field ? OPTION_OF_FIELD[e.field.split('.')[0]!] : undefined;
      const msg = opt && e.field ? e.message.replace(new RegExp(`^${e.field.split('.')[0]!}(\\.|:)`), `${opt}$1`) : e.message;
      throw new UsageError(msg);
    }
    throw e;
  }
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const num = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '–');

export function simulationTable(out: SimulationOutput): string {
  const s = out.summary;
  const ss = s.steady_state;
  const lines: string[] = [];
  const whatIf = out.overrides ? ` · what-if: ${whatIfText(out.overrides)}` : '';
  lines.push(`LDN Workbench simulation · ${out.regimen.description} · parameters: ${out.parameters}${whatIf}`);
  lines.push(`first dose at ${out.regimen.first_dose_clock}${out.regimen.start_date ? ` on ${out.regimen.start_date}` : ''}; ${out.regimen.doses.length} doses over ${(out.time_h[out.time_h.length - 1]! / 24).toFixed(2).replace(/\.00$/, '')} days`);
  lines.push('');
  const ssHead = ss ? `steady state (from ${ss.window_h[0]} h)${ss.reached ? '' : ' not reached'}` : 'steady state';
  const rows: string[][] = [['', `first dose (${s.first_dose.dose_mg} mg)`, ssHead]];
  const fd = s.first_dose;
  rows.push(['naltrexone Cmax, ng/mL', `${num(fd.naltrexone.cmax_ng_ml, 3)} at ${num(fd.naltrexone.tmax_h)} h`, ss ? `${num(ss.naltrexone.cmax_ng_ml, 3)} at ${num(ss.naltrexone.tmax_h)} h` : '–']);
  rows.push(['naltrexone AUC0–24, ng·h/mL', num(fd.naltrexone.auc_0_24_ng_h_ml, 2), ss ? num(ss.naltrexone.auc_0_24_ng_h_ml, 2) : '–']);
  rows.push(['naltrexone AUC0–∞, ng·h/mL; t½, h', `${num(fd.naltrexone.auc_0_inf_ng_h_ml, 2)}; ${num(fd.naltrexone.half_life_h, 1)}`, '']);
  rows.push(['6β-naltrexol Cmax, ng/mL', `${num(fd.naltrexol.cmax_ng_ml, 2)} at ${num(fd.naltrexol.tmax_h)} h`, ss ? `${num(ss.naltrexol.cmax_ng_ml, 2)} at ${num(ss.naltrexol.tmax_h)} h` : '–']);
  rows.push(['6β-naltrexol AUC0–24, ng·h/mL', num(fd.naltrexol.auc_0_24_ng_h_ml, 1), ss ? num(ss.naltrexol.auc_0_24_ng_h_ml, 1) : '–']);
  rows.push(['6β-naltrexol AUC0–∞; t½, h', `${num(fd.naltrexol.auc_0_inf_ng_h_ml, 1)}; ${num(fd.naltrexol.half_life_h, 1)}`, '']);
  for (const r of ['mu', 'kappa', 'delta'] as const) {
    const name = { mu: 'μ', kappa: 'κ', delta: 'δ' }[r];
    const a = fd.occupancy_0_24h[r];
    const b = ss?.occupancy[r];
    rows.push([`${name} occupancy peak / trough`, `${pct(a.peak)} / ${pct(a.trough)}`, b ? `${pct(b.peak)} / ${pct(b.trough)}` : '–']);
    if (r === 'mu') {
      rows.push([`${name} hours/day above 50% / 90%`, `${num(a.hours_above_50, 1)} / ${num(a.hours_above_90, 1)}`, b ? `${num(b.hours_above_50, 1)} / ${num(b.hours_above_90, 1)}` : '–']);
    }
  }
  lines.push(formatTable(rows));
  if (s.steady_state_note) lines.push(`note: ${s.steady_state_note}`);
  lines.push('');
  // the last simulated day, every 2 h (or every step if coarser)
  const t = out.time_h;
  const end = t[t.length - 1]!;
  const from = Math.max(0, end - 24);
  const every = Math.max(2, t.length > 1 ? t[1]! - t[0]! : 2);
  const dayRows: string[][] = [['time_h', 'day', 'clock', 'naltrexone ng/mL', '6β-naltrexol ng/mL', 'μ', 'κ', 'δ']];
  const clock0 = out.regimen.first_dose_clock.split(':').map(Number);
  const clockH = clock0[0]! + clock0[1]! / 60;
  let nextT = from;
  for (let i = 0; i < t.length; i++) {
    if (t[i]! + 1e-9 < nextT) continue;
    nextT = t[i]! + every;
    const abs = clockH + t[i]!;
    const day = Math.floor(abs / 24 + 1e-9) + 1;
    const mins = Math.round((abs % 24) * 60) % 1440;
    dayRows.push([
      num(t[i]!, 2),
      String(day),
      `${String(Math.floor(mins / 60)).padStart(2, '0')}:${String(mins % 60).padStart(2, '0')}`,
      num(out.series.naltrexone_ng_ml[i]!, 4),
      num(out.series.naltrexol_ng_ml[i]!, 3),
      pct(out.series.mu_occupancy[i]!),
      pct(out.series.kappa_occupancy[i]!),
      pct(out.series.delta_occupancy[i]!),
    ]);
  }
  lines.push(`blockade: ${s.blockade.text}`);
  for (const h of s.hypotheses) {
    lines.push('');
    lines.push(`${h.title} [evidence: ${h.evidence_grade}]`);
    lines.push(`  prediction: ${h.text}`);
  }
  lines.push('');
  lines.push(`last simulated day (every ${every} h):`);
  lines.push(formatTable(dayRows, { alignRight: true }));
  lines.push('');
  for (const n of out.notes) lines.push(`note: ${n}`);
  return lines.join('\n');
}

export function simulationCsv(out: SimulationOutput): string {
  const doseAt = new Map(out.regimen.doses.map((d) => [d.time_h, d.dose_mg]));
  const header = ['time_h', 'naltrexone_ng_ml', 'naltrexol_ng_ml', 'mu_occupancy', 'kappa_occupancy', 'delta_occupancy', 'dose_mg'];
  const lines = [header.join(',')];
  out.time_h.forEach((t, i) => {
    lines.push([t, out.series.naltrexone_ng_ml[i], out.series.naltrexol_ng_ml[i], out.series.mu_occupancy[i], out.series.kappa_occupancy[i], out.series.delta_occupancy[i], doseAt.get(t) ?? ''].join(','));
  });
  return `${lines.join('\n')}\n`;
}

export function simulationSvg(out: SimulationOutput): string {
  const clock = out.regimen.first_dose_clock.split(':').map(Number);
  return timeCourseSvg({
    document: svgDocument(),
    title: `LDN simulation: ${out.regimen.description}`,
    subtitle: `parameters: ${out.parameters} · model output, not a clinical fact · doses marked in red`,
    time_h: out.time_h,
    firstDoseClockH: clock[0]! + clock[1]! / 60,
    doses: out.regimen.doses,
    panels: [
      { title: 'plasma concentration', unit: 'ng/mL', scale: 'log', lines: [{ label: 'naltrexone', values: out.series.naltrexone_ng_ml }, { label: '6β-naltrexol', values: out.series.naltrexol_ng_ml }] },
      {
        title: 'receptor occupancy',
        unit: '%',
        domain: [0, 100],
        lines: [
          { label: 'μ', values: out.series.mu_occupancy.map((x) => 100 * x) },
          { label: 'κ', values: out.series.kappa_occupancy.map((x) => 100 * x) },
          { label: 'δ', values: out.series.delta_occupancy.map((x) => 100 * x) },
        ],
      },
      ...modulePanels(out),
    ],
  });
}

export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description('simulate plasma naltrexone, 6β-naltrexol and μ/κ/δ occupancy for a regimen')
    .option('--dose <mg>', 'dose in mg naltrexone HCl (above 0, at most 1000)')
    .option('--time <HH:MM>', 'clock time of the first dose (default 22:00)')
    .option('--days <n>', 'span simulated, days from the first dose (default 14)')
    .option('--every <h>', 'dosing interval in hours (default 24)')
    .option('--doses <n>', 'number of doses (default: every interval across the span; 1 = a single dose)')
    .option('--step <h>', 'output step in hours (default 0.25)')
    .option('--params <set>', 'parameter set: literature (default) or seed')
    .option('--start <YYYY-MM-DD>', 'calendar date of the first dose')
    .option('--regimen <file.json>', 'a regimen JSON file (titration steps, missed and extra doses)')
    .option('--events <file.csv>', 'a NONMEM event table (TIME, AMT, EVID, CMT, II, ADDL)')
    .option('--hypotheses <list>', `hypothesis modules to switch on, comma-separated: ${HYPOTHESIS_IDS.join(', ')} (or all)`)
    .option('--set <name=value>', 'what-if: use this value for a parameter (id from `ldn params`), e.g. --set CL=70; repeatable', collect)
    .option('--format <format>', `output format: ${FORMATS.join(', ')}`, 'table')
    .option('--out <file>', 'write to a file instead of standard output')
    .action((flags: SimulateFlags) => {
      const format = parseFormat(flags.format, FORMATS);
      const out = runRequest(requestFromFlags(flags));
      const text = format === 'json' ? JSON.stringify(out) : format === 'csv' ? simulationCsv(out) : format === 'svg' ? simulationSvg(out) : simulationTable(out);
      writeOutput(text, flags.out);
    });
}

/** One panel per active hypothesis module, in units relative to no drug where that is the claim. */
export function modulePanels(out: SimulationOutput): TimeCoursePanel[] {
  const panels: TimeCoursePanel[] = [];
  const s = out.series;
  if (out.hypotheses.includes('rebound')) {
    panels.push({ title: 'H1 rebound (relative to no drug)', unit: '×', lines: [{ label: 'net μ signalling', values: s.mu_signal_rel! }, { label: 'β-endorphin', values: s.beta_endorphin_rel! }, { label: 'μ receptors', values: s.mor_density_rel! }] });
  }
  if (out.hypotheses.includes('tlr4')) {
    panels.push({ title: 'H2 TLR4 cytokines', unit: 'pg/mL', lines: [{ label: 'IL-6', values: s.il6_pg_ml! }, { label: 'TNF-α / 10', values: s.tnf_pg_ml!.map((x) => x / 10) }] });
  }
  if (out.hypotheses.includes('ogf')) {
    panels.push({ title: 'H3 OGF–OGFr', unit: '×', lines: [{ label: 'growth rate', values: s.growth_rate_rel! }, { label: 'OGFr blockade', values: s.ogfr_blockade! }] });
  }
  return panels;
}
