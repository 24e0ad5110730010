// `ldn population`: a seeded virtual cohort with between-patient variability and covariates, run
// on a pool of worker threads (population/pool.ts) with a progress bar on stderr, summarised as
// percentile bands over time and distributions and shares across patients. The options map onto
// the engine's population request (the same JSON the API and the browser worker take); bad input
// exits 2 with a message naming the option, the value and what is accepted.
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { HYPOTHESIS_MODULES, MAX_POPULATION, MAX_POPULATION_SEED, POPULATION_RTOL, PopulationError, parsePopulationOptions, type HypothesisId, type PopulationOptions, type PopulationRequest, type PopulationResult } from '@ldn/engine';
import { bandsSvg, type BandPanel } from '@ldn/figures';
import { UsageError } from '../errors.js';
import { parseFormat, writeOutput } from '../io.js';
import { collect, parseNumberOption, parseSetOptions, round6, whatIfText } from '../options.js';
import { svgDocument } from '../dom.js';
import { formatTable } from '../table.js';
import { parseList } from './simulate.js';
import { DEFAULT_THREADS, runPopulationInPool } from '../population/pool.js';

const FORMATS = ['table', 'json', 'csv', 'svg'] as const;

interface PopulationFlags {
  n: string;
  seed: string;
  dose?: string;
  time?: string;
  days?: string;
  every?: string;
  params?: string;
  hypotheses?: string;
  step?: string;
  threads?: string;
  weight?: string;
  age?: string;
  hepaticFraction?: string;
  blockadeHours?: string;
  rtol?: string;
  set?: string[];
  format: string;
  out?: string;
}

const OPTION_OF_FIELD: Record<string, string> = {
  overrides: '--set',
  n: '--n',
  seed: '--seed',
  dose: '--dose',
  time: '--time',
  days: '--days',
  every: '--every',
  params: '--params',
  hypotheses: '--hypotheses',
  step: '--step',
  weight: '--weight',
  age: '--age',
  hepaticFraction: '--hepatic-fraction',
  blockadeHours: '--blockade-hours',
  rtol: '--rtol',
};

/** A whole number in [min, max]; a fraction is named as such rather than as "out of range". */
function wholeNumber(option: string, raw: string, min: number, max: number): number {
  const accepted = `a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}`;
  const value = parseNumberOption(option, raw, { min: -Infinity });
  if (!Number.isInteger(value)) throw new UsageError(`${option} ${raw} is not a whole number; use ${accepted}`);
  if (value < min || value > max) throw new UsageError(`${option} ${raw} is out of range; use ${accepted}`);
  return value;
}

/** The engine request from the command-line flags (numbers checked here, the rest by the engine). */
export function populationRequestFromFlags(f: PopulationFlags): PopulationRequest {
  if (f.dose === undefined) throw new UsageError('--dose is required: mg naltrexone HCl per dose, above 0 and at most 1000');
  const req: PopulationRequest = {
    n: wholeNumber('--n', f.n, 1, MAX_POPULATION),
    seed: wholeNumber('--seed', f.seed, 0, MAX_POPULATION_SEED),
    dose: parseNumberOption('--dose', f.dose, { min: 0, exclusiveMin: true, max: 1000, unit: 'mg' }),
  };
  if (f.time !== undefined) req.time = f.time;
  if (f.days !== undefined) req.days = parseNumberOption('--days', f.days, { min: 0, exclusiveMin: true, max: 3650 });
  if (f.every !== undefined) req.every = parseNumberOption('--every', f.every, { min: 0, exclusiveMin: true, max: 672, unit: 'h' });
  if (f.step !== undefined) req.step = parseNumberOption('--step', f.step, { min: 0, exclusiveMin: true, max: 24, unit: 'h' });
  if (f.params !== undefined) req.params = f.params;
  if (f.hypotheses !== undefined) req.hypotheses = parseList(f.hypotheses);
  if (f.weight !== undefined) req.weight = f.weight;
  if (f.age !== undefined) req.age = f.age;
  if (f.hepaticFraction !== undefined) req.hepaticFraction = parseNumberOption('--hepatic-fraction', f.hepaticFraction, { min: 0, max: 1 });
  if (f.blockadeHours !== undefined) req.blockadeHours = parseNumberOption('--blockade-hours', f.blockadeHours, { min: 0, max: 24, unit: 'h' });
  if (f.rtol !== undefined) req.rtol = parseNumberOption('--rtol', f.rtol, { min: 1e-12, max: 1e-2 });
  if (f.set !== undefined && f.set.length > 0) req.overrides = parseSetOptions(f.set);
  return req;
}

/** Validates through the engine, phrasing its errors with option names. */
export function populationOptions(req: PopulationRequest): PopulationOptions {
  try {
    return parsePopulationOptions(req);
  } catch (e) {
    if (e instanceof PopulationError) {
      const field = e.field?.split('.')[0];
      const opt = field ? OPTION_OF_FIELD[field] : undefined;
      throw new UsageError(opt && field ? e.message.replace(new RegExp(`^${field}\\b`), opt) : e.message);
    }
    throw e;
  }
}

// ---- table ------------------------------------------------------------------------------------

const pct = (x: number, d = 1) => (Number.isFinite(x) ? `${(100 * x).toFixed(d)}%` : '–');
const num = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '–');
const int = (x: number) => x.toLocaleString('en-US');

const TABLE_ROWS: { id: string; label: string; fmt: (x: number) => string }[] = [
  { id: 'first_dose.naltrexone_cmax_ng_ml', label: 'first dose  naltrexone Cmax, ng/mL', fmt: (x) => num(x, 3) },
  { id: 'first_dose.naltrexone_auc_ng_h_ml', label: 'first dose  naltrexone AUC to the next dose (≤ 24 h), ng·h/mL', fmt: (x) => num(x, 2) },
  { id: 'first_dose.naltrexol_cmax_ng_ml', label: 'first dose  6β-naltrexol Cmax, ng/mL', fmt: (x) => num(x, 2) },
  { id: 'first_dose.mu_peak', label: 'first dose  μ occupancy peak', fmt: (x) => pct(x) },
  { id: 'steady_state.naltrexone_cmax_ng_ml', label: 'steady state  naltrexone Cmax, ng/mL', fmt: (x) => num(x, 3) },
  { id: 'steady_state.naltrexone_auc_0_24_ng_h_ml', label: 'steady state  naltrexone AUC0–24, ng·h/mL', fmt: (x) => num(x, 2) },
  { id: 'steady_state.naltrexol_cmax_ng_ml', label: 'steady state  6β-naltrexol Cmax, ng/mL', fmt: (x) => num(x, 2) },
  { id: 'steady_state.naltrexol_auc_0_24_ng_h_ml', label: 'steady state  6β-naltrexol AUC0–24, ng·h/mL', fmt: (x) => num(x, 1) },
  { id: 'steady_state.mu_peak', label: 'steady state  μ occupancy peak', fmt: (x) => pct(x) },
  { id: 'steady_state.mu_trough', label: 'steady state  μ occupancy trough', fmt: (x) => pct(x) },
  { id: 'last_day.mu_hours_above_50', label: 'last day  hours with μ above 50%', fmt: (x) => num(x, 1) },
  { id: 'last_day.mu_hours_above_90', label: 'last day  hours with μ above 90%', fmt: (x) => num(x, 1) },
];

const MODULE_ROWS: Record<HypothesisId, { id: string; label: string; fmt: (x: number) => string }[]> = {
  rebound: [
    { id: 'rebound.beta_endorphin_0800_rel', label: 'H1  β-endorphin at 08:00, × no drug', fmt: (x) => num(x, 2) },
    { id: 'rebound.mu_signal_day_mean_rel', label: 'H1  net μ signalling, day mean, × no drug', fmt: (x) => num(x, 2) },
    { id: 'rebound.mor_density_rel', label: 'H1  μ-receptor density, × no drug', fmt: (x) => num(x, 2) },
  ],
  tlr4: [
    { id: 'tlr4.peak_tlr4_inhibition', label: 'H2  peak TLR4 inhibition', fmt: (x) => pct(x, 4) },
    { id: 'tlr4.il6_change', label: 'H2  IL-6 change over the last day', fmt: (x) => pct(x, 4) },
    { id: 'tlr4.concentration_gap_fold', label: 'H2  TLR4 IC50 / peak unbound naltrexone', fmt: (x) => `${int(Math.round(x))}×` },
  ],
  ogf: [
    { id: 'ogf.ogfr_blockade_hours', label: 'H3  OGF receptor blocked, h on the last day', fmt: (x) => num(x, 1) },
    { id: 'ogf.growth_rate_rel', label: 'H3  cell-growth rate, × no drug', fmt: (x) => num(x, 2) },
  ],
};

export function populationTable(r: PopulationResult): string {
  const lines: string[] = [];
  lines.push(`LDN Workbench virtual population · ${int(r.n)} patients · seed ${r.seed} (cohort checksum ${r.cohort_checksum}) · ${r.regimen.description} · ${r.regimen.days} days`);
  lines.push(`parameters: ${r.parameters}${r.overrides ? ` (what-if: ${whatIfText(r.overrides)})` : ''} · hypotheses: ${r.hypotheses.length ? r.hypotheses.join(', ') : 'none'} · ${r.solver.method} rtol ${r.solver.rtol.toExponential(0)} · bands every ${r.step_h} h`);
  lines.push(`covariates: weight ${r.covariates.weight} · age ${r.covariates.age} · hepatic impairment ${pct(r.covariates.hepatic_fraction, 0)} of patients`);
  lines.push('');
  lines.push('across patients');
  const rows: string[][] = [['', '5th pct', 'median', '95th pct']];
  for (const row of [...TABLE_ROWS, ...r.hypotheses.flatMap((h) => MODULE_ROWS[h])]) {
    const s = r.summaries[row.id];
    if (!s || s.n === 0) continue;
    rows.push([row.label, row.fmt(s.p5), row.fmt(s.p50), row.fmt(s.p95)]);
  }
  lines.push(formatTable(rows, { alignRight: true }));
  lines.push('');
  lines.push('shares of the cohort');
  const shareRows: string[][] = [['', 'share', 'patients']];
  for (const s of Object.values(r.shares)) shareRows.push([s.description, pct(s.value), int(s.count)]);
  lines.push(formatTable(shareRows, { alignRight: true }));
  if (r.hypotheses.length) {
    lines.push('');
    lines.push('hypothesis modules (H rows and shares above)');
    for (const h of r.hypotheses) {
      const m = HYPOTHESIS_MODULES[h];
      lines.push(`  ${m.title} [evidence: ${m.evidence.grade}]`);
    }
  }
  lines.push('');
  lines.push('between-patient variability (no correlations between parameters: none is sourced)');
  const varied = r.variability.filter((v) => v.distribution !== 'not varied');
  const vRows: string[][] = [['parameter', 'distribution', 'evidence', 'sources']];
  for (const v of varied) vRows.push([v.parameter, v.distribution, v.evidence, v.sources.join(', ')]);
  lines.push(formatTable(vRows));
  const derived = varied.filter((v) => v.evidence === 'derived');
  for (const v of derived) lines.push(`  ${v.parameter}: ${v.note}`);
  const fixed = r.variability.filter((v) => v.distribution === 'not varied').map((v) => v.parameter);
  if (fixed.length) lines.push(`  not varied: ${fixed.join(', ')}`);
  lines.push('  every CV marked "assumption" is a modelling choice, not a measurement; the reasons are in --format json (variability[].note)');
  for (const c of r.covariates.notes) lines.push(`  covariate: ${c}`);
  lines.push('');
  for (const n of r.notes) lines.push(`note: ${n}`);
  lines.push(`note: bands: ${r.band_method}`);
  return lines.join('\n');
}

// ---- csv and svg ------------------------------------------------------------------------------

/** Bands in long form: one row per output and time. */
export function populationCsv(r: PopulationResult): string {
  const lines = ['output,unit,time_h,p5,p50,p95'];
  for (const o of r.outputs) {
    const b = r.bands[o.id]!;
    r.time_h.forEach((t, k) => lines.push([o.id, o.unit, t, round6(b.p5[k]!), round6(b.p50[k]!), round6(b.p95[k]!)].join(',')));
  }
  return `${lines.join('\n')}\n`;
}

// H2's IL-6 band would show only the assumed spread of baselines (the drug moves IL-6 by 0.01 %),
// so its panel shows the TLR4 inhibition that drives it
const HEADLINE: Record<HypothesisId, { id: string; title: string; unit: string; label: string; scale: number }> = {
  rebound: { id: 'mu_signal_rel', title: 'H1 net μ signalling', unit: '× no drug', label: 'net μ signalling', scale: 1 },
  tlr4: { id: 'tlr4_inhibition', title: 'H2 TLR4 inhibition', unit: '%', label: 'TLR4 inhibition', scale: 100 },
  ogf: { id: 'growth_rate_rel', title: 'H3 cell-growth rate', unit: '× no drug', label: 'growth rate', scale: 1 },
};

export function populationSvg(r: PopulationResult): string {
  const b = r.bands;
  const scale = (x: readonly number[], f: number) => x.map((v) => v * f);
  const scaled = (id: string, f: number) => ({ p5: scale(b[id]!.p5, f), p50: scale(b[id]!.p50, f), p95: scale(b[id]!.p95, f) });
  const panels: BandPanel[] = [
    { title: 'plasma concentration', unit: 'ng/mL', scale: 'log', bands: [{ label: 'naltrexone', ...b.naltrexone_ng_ml! }, { label: '6β-naltrexol', ...b.naltrexol_ng_ml! }] },
    { title: 'μ-receptor occupancy', unit: '%', domain: [0, 100], bands: [{ label: 'μ', ...scaled('mu_occupancy', 100) }] },
    ...r.hypotheses.map((h) => ({ title: HEADLINE[h].title, unit: HEADLINE[h].unit, bands: [{ label: HEADLINE[h].label, ...scaled(HEADLINE[h].id, HEADLINE[h].scale) }] })),
  ];
  const [hh, mm] = r.regimen.first_dose_clock.split(':').map(Number);
  return bandsSvg({
    document: svgDocument(),
    title: `Virtual population: ${int(r.n)} patients, ${r.regimen.description}`,
    subtitle: `seed ${r.seed} · parameters ${r.parameters} · 5th–95th percentile shaded, median line · model output, not a clinical fact`,
    time_h: r.time_h,
    firstDoseClockH: hh! + mm! / 60,
    panels,
  });
}

// ---- the command ------------------------------------------------------------------------------

function progressBar(n: number): { update: (done: number) => void; stop: () => void } {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: 'ldn population |{bar}| {percentage}% · {value}/{total} patients · {duration_formatted} · ETA {eta_formatted}', hideCursor: true, clearOnComplete: true, etaBuffer: 200 },
    cliProgress.Presets.shades_classic,
  );
  bar.start(n, 0);
  return { update: (done) => bar.update(done), stop: () => bar.stop() };
}

export function registerPopulation(program: Command): void {
  program
    .command('population')
    .description('simulate a seeded virtual cohort (between-patient variability, covariates) and summarise it as percentile bands and cohort shares')
    .option('--n <patients>', `number of virtual patients, 1 to ${int(MAX_POPULATION)}`, '1000')
    .option('--seed <integer>', `seed, a whole number from 0 to ${MAX_POPULATION_SEED}; the same seed gives the same cohort everywhere`, '1')
    .option('--dose <mg>', 'dose in mg naltrexone HCl (above 0, at most 1000)')
    .option('--time <HH:MM>', 'clock time of the first dose (default 22:00)')
    .option('--days <n>', 'span simulated, days from the first dose (default 28)')
    .option('--every <h>', 'dosing interval in hours (default 24)')
    .option('--params <set>', 'parameter set: literature (default) or seed')
    .option('--hypotheses <list>', 'hypothesis modules to switch on, comma-separated: rebound, tlr4, ogf (or all)')
    .option('--step <h>', 'time step of the percentile bands in hours (default 1)')
    .option('--threads <n>', `worker threads (default: the number of CPUs, ${DEFAULT_THREADS}; 1 runs in this thread)`)
    .option('--weight <range>', 'body weight, kg: MIN-MAX (uniform), MEAN+-SD (normal) or a value (default 50-90)')
    .option('--age <range>', 'age, years: MIN-MAX, MEAN+-SD or a value (default 18-65)')
    .option('--hepatic-fraction <share>', 'share of patients with hepatic impairment, 0 to 1 (default 0)')
    .option('--blockade-hours <h>', 'threshold X for the share with μ occupancy above 50 % for more than X h a day (default 12)')
    .option('--rtol <x>', `solver relative tolerance, 1e-12 to 1e-2 (default ${POPULATION_RTOL}; 1e-4 is about 25 % faster with errors up to 1e-3 relative, see docs/BENCHMARKS.md)`)
    .option('--set <name=value>', 'what-if: a typical parameter value (id from `ldn params`) that patients vary around, e.g. --set kBrainOut=0.2; repeatable', collect)
    .option('--format <format>', `output format: ${FORMATS.join(', ')}`, 'table')
    .option('--out <file>', 'write to a file instead of standard output')
    .action(async (flags: PopulationFlags) => {
      const format = parseFormat(flags.format, FORMATS);
      const options = populationOptions(populationRequestFromFlags(flags));
      const threads = flags.threads === undefined ? DEFAULT_THREADS : parseNumberOption('--threads', flags.threads, { min: 1, max: 256, integer: true });
      const bar = progressBar(options.n);
      let result: PopulationResult;
      try {
        result = await runPopulationInPool(options, { threads, onProgress: (done) => bar.update(done) });
      } finally {
        bar.stop();
      }
      const text = format === 'json' ? JSON.stringify(result) : format === 'csv' ? populationCsv(result) : format === 'svg' ? populationSvg(result) : populationTable(result);
      writeOutput(text, flags.out);
    });
}
