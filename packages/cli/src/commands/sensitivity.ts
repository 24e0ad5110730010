// `ldn sensitivity`: which model parameters drive the steady-state summary of a daily regimen, by
// local derivatives, Morris screening and Sobol' indices (engine/src/sensitivity/), and the ranked
// answer to the open question of pharmacology.md §9.3 (intermittent or sustained μ blockade?).
// The table prints the answer, the rankings on the decision metrics, the structural assumptions,
// the local sensitivities and the cost; --format json gives the engine's whole report.
import type { Command } from 'commander';
import {
  LDN_DECISION_METRICS,
  LDN_DEFAULTS,
  LDN_GLOBAL_METRIC_IDS,
  LDN_METHODS,
  LDN_SENSITIVITY_METRIC_IDS,
  LDN_SENSITIVITY_METRICS,
  ldnSensitivity,
  MAX_SEED,
  MAX_SENSITIVITY_DAYS,
  PARAMETER_SET_IDS,
  parseClock,
  SensitivityError,
  type LdnMethod,
  type LdnRanges,
  type LdnSensitivityReport,
  type RankingRow,
} from '@ldn/engine';
import { UsageError } from '../errors.js';
import { parseFormat, writeOutput } from '../io.js';
import { parseNumberOption } from '../options.js';
import { formatTable } from '../table.js';

const FORMATS = ['table', 'json'] as const;
const RANGES: readonly LdnRanges[] = ['plausible', 'calibration'];
/** N·(k + 2 + groups) runs of ≈ 2.3 ms: 16384 is about 20 minutes, beyond which a typo is likelier than intent */
export const MAX_SAMPLES = 16384;
export const MAX_TRAJECTORIES = 1000;

interface SensitivityFlags {
  dose: string;
  time: string;
  days: string;
  params: string;
  method: string;
  trajectories: string;
  samples: string;
  seed: string;
  metric?: string;
  ranges: string;
  format: string;
  out?: string;
}

function oneOf<T extends string>(option: string, value: string, accepted: readonly T[]): T {
  if ((accepted as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${option} "${value}" is not accepted; use one of: ${accepted.join(', ')}`);
}

function g(x: number | undefined, digits = 2): string {
  if (x === undefined) return '';
  if (!Number.isFinite(x)) return '–';
  if (x === 0) return '0';
  if (Math.abs(x) < 1e-3 || Math.abs(x) >= 1e5) return x.toExponential(digits - 1);
  return String(Number(x.toPrecision(digits)));
}

const ci = (v: number | undefined, c: [number, number] | undefined) => (v === undefined ? '' : `${g(v)} [${g(c?.[0])}, ${g(c?.[1])}]`);
/** Sobol' indices: three decimals, so estimation noise around 0 reads as 0.000 */
const ix = (v: number) => (Math.abs(v) < 5e-4 ? '0.000' : v.toFixed(3));
const ixci = (v: number | undefined, c: [number, number] | undefined) => (v === undefined || !c ? '' : `${ix(v)} [${ix(c[0])}, ${ix(c[1])}]`);

const SHORT: Record<string, string> = {
  mu_hours_above_50: 'μ h>50%',
  mu_trough: 'μ trough',
  mu_sustained: 'sustained',
  mu_hours_above_90: 'μ h>90%',
  mu_peak: 'μ peak',
  mu_mean: 'μ mean',
  naltrexone_cmax: 'NTX Cmax',
  naltrexone_auc_0_24: 'NTX AUC0–24',
  naltrexol_cmax: '6βN Cmax',
  naltrexone_auc_0_inf_single: 'NTX AUC0–∞ 1st',
};

function wrap(text: string, width = 110, indent = ''): string {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && [...line].length + 1 + [...word].length > width) {
      out.push(line);
      line = indent + word;
    } else line = line ? `${line} ${word}` : indent + word;
  }
  if (line) out.push(line);
  return out.join('\n');
}

function metricInfo(id: string) {
  return LDN_SENSITIVITY_METRICS.find((m) => m.id === id)!;
}

function baseValue(id: string, x: number): string {
  const unit = metricInfo(id).unit;
  if (unit === '0/1') return x >= 1 ? '1 (sustained)' : '0 (not sustained)';
  return unit === 'fraction' ? `${(100 * x).toFixed(1)} %` : `${g(x, 4)} ${unit}`;
}

function rankingTable(report: LdnSensitivityReport, metric: string): string {
  const rows = report.answer.rankings[metric] ?? [];
  const head = ['rank', 'parameter'];
  if (report.sobol) head.push("Sobol' ST [95% CI]", 'S1 [95% CI]');
  if (report.morris) head.push('Morris μ* [95% CI]', 'σ');
  if (report.local) head.push('local S');
  head.push('range (log-uniform)', 'evidence');
  const table = [head];
  const silent: string[] = [];
  const influence = (r: RankingRow) => Math.max(Math.abs(r.ST ?? 0), Math.abs(r.S1 ?? 0), r.muStar ?? 0, Math.abs(r.local ?? 0));
  rows.forEach((r, i) => {
    if (influence(r) === 0) {
      silent.push(r.parameter);
      return;
    }
    const p = report.parameters.find((q) => q.id === r.parameter)!;
    const row = [String(i + 1), r.parameter];
    if (report.sobol) row.push(ixci(r.ST, r.STCi), ixci(r.S1, r.S1Ci));
    if (report.morris) row.push(ci(r.muStar, r.muStarCi), g(r.sigma));
    if (report.local) row.push(r.local === undefined ? '' : `${g(r.local)}${r.localKind === 'absolute' ? ' (abs)' : ''}`);
    row.push(`${g(p.low, 3)}–${g(p.high, 3)} ${p.unit}`, p.evidence);
    table.push(row);
  });
  const m = metricInfo(metric);
  const base = baseValue(metric, report.baseMetrics[metric] ?? report.local?.baseMetrics[metric] ?? NaN);
  const unit = report.morris ? `; Morris μ*: change in ${m.unit === 'fraction' ? 'occupancy (fraction)' : m.unit} per whole log-range of the parameter` : '';
  const lines = [`Ranking for ${m.label} (base ${base}${unit}):`, formatTable(table)];
  if (silent.length) lines.push(`no effect at all (indices exactly 0): ${silent.join(', ')}`);
  return lines.join('\n');
}

function groupTable(report: LdnSensitivityReport): string {
  const metrics = LDN_DECISION_METRICS.filter((m) => report.answer.groups[m]);
  const first = report.answer.groups[metrics[0]!]!;
  const head = ['structural assumption', ...metrics.map((m) => `ST ${SHORT[m]} [95% CI]`), ...metrics.map((m) => `S1 ${SHORT[m]}`)];
  const rows = first.map((gr) => [
    gr.group,
    ...metrics.map((m) => {
      const e = report.answer.groups[m]!.find((x) => x.group === gr.group)!;
      return ixci(e.ST, e.STCi);
    }),
    ...metrics.map((m) => ix(report.answer.groups[m]!.find((x) => x.group === gr.group)!.S1)),
  ]);
  return ["Structural assumptions (joint Sobol' indices of each group of parameters):", formatTable([head, ...rows])].join('\n');
}

function overviewTable(report: LdnSensitivityReport): string {
  const head = ['metric', 'base', 'top parameters'];
  const rows = LDN_GLOBAL_METRIC_IDS.map((m) => {
    const r = report.answer.rankings[m] ?? [];
    const top = r
      .slice(0, 3)
      .map((x) => (report.sobol ? `${x.parameter} ${ix(x.ST!)}` : report.morris ? `${x.parameter} ${g(x.muStar)}` : `${x.parameter} ${g(x.local)}`))
      .join(', ');
    return [metricInfo(m).label, baseValue(m, report.baseMetrics[m]!), top];
  });
  const by = report.sobol ? "total Sobol' index ST" : report.morris ? 'Morris μ*' : 'local S';
  return [`Every metric, top 3 parameters by ${by}:`, formatTable([head, ...rows])].join('\n');
}

function localTable(report: LdnSensitivityReport): string {
  const loc = report.local!;
  const metrics = LDN_SENSITIVITY_METRIC_IDS;
  const rows = [['parameter', 'base', ...metrics.map((m) => SHORT[m] ?? m)]];
  const quiet: string[] = [];
  for (const p of loc.parameters) {
    const cells = metrics.map((m) => loc.sensitivities[m]![p]!);
    if (cells.every((e) => Math.abs(e.value) < 5e-4)) {
      quiet.push(p);
      continue;
    }
    rows.push([p, g(loc.base[p], 3), ...cells.map((e) => `${Math.abs(e.value) < 5e-4 ? '0' : e.value.toFixed(3)}${e.kind === 'absolute' ? '*' : ''}${e.stable ? '' : '!'}`)]);
  }
  const lines = [
    `Local normalised sensitivities at the base point, S = ∂ln y/∂ln p (central differences in ln p, step ${loc.step}, checked at ${loc.checkStep}; largest disagreement ${g(loc.maxRelativeStepDiscrepancy)}):`,
    formatTable(rows, { alignRight: true }),
    '* absolute ∂y/∂ln p (the metric is 0 at the base point or crosses 0); ! the two steps disagree (threshold or kink)',
  ];
  if (quiet.length) lines.push(`|S| < 0.0005 for every metric: ${quiet.join(', ')}`);
  return lines.join('\n');
}

export function sensitivityTable(report: LdnSensitivityReport, focus: readonly string[], seconds: number): string {
  const lines: string[] = [];
  const methods = [
    report.local ? 'local' : '',
    report.morris ? `Morris (r = ${report.morris.trajectories}, ${report.morris.levels} levels)` : '',
    report.sobol ? `Sobol' (N = ${report.sobol.samples}, ${report.sobol.design === 'sobol' ? "Sobol' design" : 'Monte Carlo'}, ${report.sobol.bootstrap} bootstrap resamples)` : '',
  ].filter(Boolean);
  const seed = report.sobol?.seed ?? report.morris?.seed;
  lines.push(`LDN sensitivity · ${report.regimen.description} · steady state = day ${report.regimen.days} · parameters: ${report.parameterSet}`);
  lines.push(
    `${report.parameters.length} parameters varied log-uniformly over their ${report.ranges} ranges${report.skipped.length ? ` (left out: ${report.skipped.join(', ')})` : ''} · ${methods.join(', ')}${seed !== undefined ? ` · seed ${seed}` : ''}`,
  );
  lines.push('');
  lines.push(report.question);
  for (const p of report.answer.text) lines.push('', wrap(p, 110, '  '));
  lines.push('');
  for (const m of focus) {
    lines.push(rankingTable(report, m));
    lines.push('');
  }
  if (report.sobol && Object.keys(report.answer.groups).length) {
    lines.push(groupTable(report));
    lines.push('');
  }
  if (report.sobol || report.morris) {
    lines.push(overviewTable(report));
    lines.push('');
  }
  if (report.local) {
    lines.push(localTable(report));
    lines.push('');
  }
  const c = report.cost;
  lines.push(
    `Cost: ${c.total} model runs in ${seconds.toFixed(1)} s (base ${c.base}, local ${c.local}, Morris ${c.morris}, Sobol' ${c.sobol}, tipping points ${c.tippingPoints}).`,
  );
  for (const n of report.notes) lines.push(wrap(`note: ${n}`, 110, '  '));
  return lines.join('\n');
}

function progressReporter(): ((fraction: number, stage: string) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  let last = -1;
  return (fraction, stage) => {
    const pct = Math.floor(fraction * 100);
    if (pct === last) return;
    last = pct;
    process.stderr.write(`\r… sensitivity: ${stage} ${pct}%   `);
    if (fraction >= 1) process.stderr.write('\n');
  };
}

export function registerSensitivity(program: Command): void {
  program
    .command('sensitivity')
    .description('which parameters drive the steady-state occupancy and exposure of a daily regimen (local, Morris, Sobol\'), and the answer to: intermittent or sustained μ blockade?')
    .option('--dose <mg>', 'daily dose, mg naltrexone HCl (above 0, at most 1000)', '4.5')
    .option('--time <HH:MM>', 'clock time of the daily dose', '22:00')
    .option('--days <n>', `days simulated; steady state is the last day (whole number, 2–${MAX_SENSITIVITY_DAYS})`, '28')
    .option('--params <set>', `parameter set for the base point: ${PARAMETER_SET_IDS.join(', ')}`, 'literature')
    .option('--method <method>', `local, morris, sobol or all`, 'all')
    .option('--trajectories <r>', `Morris trajectories (whole number, 2–${MAX_TRAJECTORIES})`, String(LDN_DEFAULTS.trajectories))
    .option('--samples <N>', `Sobol' base samples; N·(k + 6) model runs (whole number, 2–${MAX_SAMPLES}; powers of 2 best)`, String(LDN_DEFAULTS.samples))
    .option('--seed <S>', `seed of the Morris and Sobol' designs (whole number, 0–${MAX_SEED})`, String(LDN_DEFAULTS.seed))
    .option('--metric <name>', `metric whose ranking the table shows (default: ${LDN_DECISION_METRICS.slice(0, 2).join(' and ')}); one of ${LDN_SENSITIVITY_METRIC_IDS.join(', ')}`)
    .option('--ranges <ranges>', 'plausible (each parameter\'s range) or calibration (fitted parameters over their 95% profile-likelihood interval)', 'plausible')
    .option('--format <format>', `output format: ${FORMATS.join(', ')}`, 'table')
    .option('--out <file>', 'write to a file instead of standard output')
    .action((flags: SensitivityFlags) => {
      const format = parseFormat(flags.format, FORMATS);
      const dose = parseNumberOption('--dose', flags.dose, { min: 0, exclusiveMin: true, max: 1000, unit: 'mg' });
      try {
        parseClock(flags.time);
      } catch {
        throw new UsageError(`--time "${flags.time}" is not a clock time; use 24-hour HH:MM, e.g. 22:00`);
      }
      const days = parseNumberOption('--days', flags.days, { min: 2, max: MAX_SENSITIVITY_DAYS, integer: true });
      const params = oneOf('--params', flags.params, PARAMETER_SET_IDS);
      const method = oneOf<LdnMethod>('--method', flags.method, LDN_METHODS);
      const trajectories = parseNumberOption('--trajectories', flags.trajectories, { min: 2, max: MAX_TRAJECTORIES, integer: true });
      const samples = parseNumberOption('--samples', flags.samples, { min: 2, max: MAX_SAMPLES, integer: true });
      const seed = parseNumberOption('--seed', flags.seed, { min: 0, max: MAX_SEED, integer: true });
      const ranges = oneOf('--ranges', flags.ranges, RANGES);
      let focus: string[] = [...LDN_DECISION_METRICS.slice(0, 2)];
      if (flags.metric !== undefined) {
        const m = oneOf('--metric', flags.metric, LDN_SENSITIVITY_METRIC_IDS);
        if (!LDN_GLOBAL_METRIC_IDS.includes(m) && method !== 'local' && method !== 'all') {
          throw new UsageError(`--metric ${m} is computed by the local method only (a terminal-phase fit that fails in corners of the ranges); use --method local or all`);
        }
        focus = [m];
      }
      const t0 = performance.now();
      let report: LdnSensitivityReport;
      try {
        const progress = progressReporter();
        report = ldnSensitivity({ dose_mg: dose, time: flags.time, days, params, method, trajectories, samples, seed, ranges, ...(progress ? { onProgress: progress } : {}) });
      } catch (e) {
        if (e instanceof SensitivityError) throw new Error(e.message); // a model failure, not bad input: exit 1
        throw e;
      }
      const seconds = (performance.now() - t0) / 1000;
      writeOutput(format === 'json' ? JSON.stringify({ ...report, seconds: Number(seconds.toFixed(2)) }) : sensitivityTable(report, focus, seconds), flags.out);
    });
}
