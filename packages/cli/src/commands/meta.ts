// `ldn meta`: meta-analysis of a CSV of studies with the evidence package's metafor-compatible engine.
//   ldn meta --input FILE.csv --measure RR|OR|RD|PETO|MD|SMD|PLO|GEN --method FE|MH|PETO|DL|REML|ML|PM|HE|SJ|EB|HS
//            [--knha] [--subgroup COLUMN] [--revman5] --format table|json|svg [--plot forest|funnel] [--out FILE]
// CSV layouts: study,events_1,total_1,events_2,total_2 (2x2; group 1 treated) | study,mean_1,sd_1,n_1,mean_2,
// sd_2,n_2 | study,events,total (single arm) | study,yi,vi (generic); extra columns are kept for the figure.
// Every input problem (missing column, bad cell, negative count, events above total, zero total, too few
// studies) becomes a UsageError (exit 2) naming the file, row and column.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  EvidenceInputError,
  FIELD_TO_COLUMN,
  MEASURE_NAMES,
  META_MEASURES,
  META_METHODS,
  MetaRequestError,
  isRatioMeasure,
  metaForestData,
  metaFunnelData,
  metaJson,
  metaModelLabel,
  qnorm,
  runMetaAnalysis,
  type Measure,
  type MetaMethod,
  type MhFit,
  type PooledFit,
  type RmaFit,
  type SubgroupAnalysis,
} from '@ldn/evidence';
import { forestPlot, funnelPlot } from '@ldn/figures';
import { UsageError } from '../errors.js';
import { parseFormat, writeOutput } from '../io.js';

const MEASURES = META_MEASURES;
const METHODS = META_METHODS;
const FORMATS = ['table', 'json', 'svg'] as const;
const PLOTS = ['forest', 'funnel'] as const;
type Method = MetaMethod;

interface MetaOptions {
  input: string;
  measure: string;
  method: string;
  knha?: boolean;
  revman5?: boolean;
  subgroup?: string;
  plot: string;
  format: string;
  out?: string;
}

/** Turns an evidence-package input error into a usage error naming the file, row and CSV column. */
function usage(err: unknown, file: string, subgroup: string | undefined): never {
  if (err instanceof EvidenceInputError) {
    const column = FIELD_TO_COLUMN[err.field] ?? err.field;
    const where = err.row === null ? '' : ` row ${err.row}${err.study !== undefined && err.study !== '' ? ` (${err.study})` : ''},`;
    const what = column === 'k' ? ' studies:' : column === 'csv' ? '' : ` column ${column}:`;
    throw new UsageError(`${file}:${where}${what} ${err.detail}`);
  }
  if (err instanceof MetaRequestError) {
    const p = err.problem;
    if (p.kind === 'subgroup_missing') throw new UsageError(`${file}: --subgroup column "${subgroup ?? p.column}" is not in the header (${p.available.join(', ')})`);
    if (p.kind === 'subgroup_empty') throw new UsageError(`${file}: row ${p.row} (${p.study}), column ${p.column}: the cell is empty`);
    throw new UsageError(err.message);
  }
  throw err;
}

const modelLabel = metaModelLabel;

const f4 = (x: number): string => (Number.isFinite(x) ? x.toFixed(4) : 'NA');
const pfmt = (p: number): string => (!Number.isFinite(p) ? 'NA' : p < 1e-4 ? p.toExponential(2) : p.toFixed(4));
const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number): string => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

function table(f: PooledFit, measure: Measure, method: Method, sg: SubgroupAnalysis<PooledFit> | null): string {
  const ratio = isRatioMeasure(measure);
  const t = (x: number): number => (ratio ? Math.exp(x) : x);
  const z = qnorm(1 - (1 - f.level) / 2);
  const pct = Math.round(f.level * 100);
  const lines: string[] = [];
  const test = 'test' in f ? (f as RmaFit).test : 'z';
  lines.push(`${MEASURE_NAMES[measure]} (${measure}${ratio ? ', pooled on the log scale' : ''}), ${modelLabel(f, method)}, ${test === 'knha' ? `Knapp-Hartung t(${f.df ?? ''})` : 'z'} test, k = ${f.k}`);
  lines.push('');
  const w = Math.max(5, ...f.studies.map((s) => s.length));
  lines.push(`${pad('study', w)}  ${lpad(measure, 9)}  ${pad(`${pct}% CI`, 21)}  ${lpad('weight', 7)}`);
  f.studies.forEach((s, i) => {
    const y = f.yi[i] as number;
    const v = f.vi[i] as number;
    if (!Number.isFinite(y)) {
      lines.push(`${pad(s, w)}  ${lpad('-', 9)}  ${pad('(not estimable; omitted)', 21)}`);
      return;
    }
    const weight = f.weights[i] as number;
    lines.push(
      `${pad(s, w)}  ${lpad(f4(t(y)), 9)}  ${pad(`[${f4(t(y - z * Math.sqrt(v)))}, ${f4(t(y + z * Math.sqrt(v)))}]`, 21)}  ${lpad(`${weight.toFixed(1)}%`, 7)}`,
    );
  });
  lines.push('');
  lines.push(`Pooled ${measure} = ${f4(t(f.estimate))}, ${pct}% CI [${f4(t(f.ciLower))}, ${f4(t(f.ciUpper))}]${ratio ? `  (log: ${f4(f.estimate)}, SE ${f4(f.se)})` : `  (SE ${f4(f.se)})`}`);
  lines.push(`${f.df === null ? 'z' : `t(${f.df})`} = ${f4(f.statistic)}, p = ${pfmt(f.p)}`);
  if (f.model === 'IV' && method !== 'FE') {
    lines.push(`Prediction interval [${f4(t(f.piLower))}, ${f4(t(f.piUpper))}]`);
    const ci = (c: [number, number] | null, d = 4): string => (c === null ? '' : ` [${c[0].toFixed(d)}, ${c[1].toFixed(d)}]`);
    lines.push(`tau^2 = ${f4(f.tau2)}${ci(f.tau2Ci)}, I^2 = ${f.I2.toFixed(2)}%${ci(f.I2Ci, 2)}, H^2 = ${f.H2.toFixed(2)}${ci(f.H2Ci, 2)}`);
  } else {
    lines.push(`I^2 = ${f.I2.toFixed(2)}%, H^2 = ${f.H2.toFixed(2)}`);
  }
  lines.push(`Q(${f.Qdf}) = ${f4(f.Q)}, p = ${pfmt(f.Qp)}`);
  if (f.model === 'MH') {
    const mh = f as MhFit;
    if (mh.cmh) lines.push(`Cochran-Mantel-Haenszel X^2 = ${f4(mh.cmh.statistic)}, p = ${pfmt(mh.cmh.p)}`);
    if (mh.tarone) lines.push(`Tarone X^2(${mh.tarone.df}) = ${f4(mh.tarone.statistic)}, p = ${pfmt(mh.tarone.p)}`);
    const rr = mh.revman5Random;
    if (rr) {
      lines.push('');
      lines.push('RevMan 5 random effects (DerSimonian-Laird tau^2 from Q about the MH estimate):');
      lines.push(`  ${measure} = ${f4(t(rr.estimate))}, ${pct}% CI [${f4(t(rr.ciLower))}, ${f4(t(rr.ciUpper))}], z = ${f4(rr.statistic)}, p = ${pfmt(rr.p)}, tau^2 = ${f4(rr.tau2)}`);
    }
  }
  if (f.omitted.length > 0) lines.push(`Omitted (not estimable): ${f.omitted.join(', ')}`);
  if (sg) {
    lines.push('');
    lines.push('Subgroups');
    const gw = Math.max(5, ...sg.groups.map((g) => g.group.length));
    for (const g of sg.groups) {
      lines.push(
        `${pad(g.group, gw)}  k = ${lpad(String(g.fit.k), 3)}  ${measure} ${f4(t(g.fit.estimate))} [${f4(t(g.fit.ciLower))}, ${f4(t(g.fit.ciUpper))}]  tau^2 = ${f4(g.fit.tau2)}  Q(${g.fit.Qdf}) = ${f4(g.fit.Q)}`,
      );
    }
    lines.push(`Test of subgroup differences: Q(${sg.Qb_df}) = ${f4(sg.Qb)}, p = ${pfmt(sg.Qb_p)}`);
  }
  return lines.join('\n');
}

function run(opts: MetaOptions): void {
  const measure = parseFormat(opts.measure.toUpperCase(), MEASURES, '--measure');
  const method = parseFormat(opts.method.toUpperCase(), METHODS, '--method');
  const format = parseFormat(opts.format, FORMATS, '--format');
  const plot = parseFormat(opts.plot, PLOTS, '--plot');
  const knha = opts.knha === true;
  const revman5 = opts.revman5 === true;
  if (revman5 && method !== 'MH') throw new UsageError(`--revman5 reproduces RevMan 5's random-effects analysis of Mantel-Haenszel data; use it with --method MH, not ${method}`);
  if (plot !== 'forest' && format !== 'svg') throw new UsageError(`--plot ${plot} draws a figure; use it with --format svg`);
  if (method === 'MH' && !(measure === 'RR' || measure === 'OR' || measure === 'RD')) {
    throw new UsageError(`--method MH needs --measure RR, OR or RD, not ${measure}`);
  }
  if (method === 'PETO' && !(measure === 'OR' || measure === 'PETO')) {
    throw new UsageError(`--method PETO pools Peto odds ratios; use --measure PETO (or OR), not ${measure}`);
  }
  if (knha && (method === 'FE' || method === 'MH' || method === 'PETO')) {
    throw new UsageError(`--knha applies to random-effects methods (DL, REML, ML, PM, HE, SJ, EB, HS), not ${method}`);
  }
  let text: string;
  try {
    text = readFileSync(opts.input, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read --input ${opts.input}: ${(err as Error).message}`);
  }
  const file = opts.input;
  try {
    const result = runMetaAnalysis({ csv: text, measure, method, knha, subgroup: opts.subgroup ?? null, revman5 });
    let output: string;
    if (format === 'json') output = `${JSON.stringify(metaJson(result), null, 2)}\n`;
    else if (format === 'svg') output = plot === 'funnel' ? funnelPlot(metaFunnelData(result)) : forestPlot(metaForestData(result));
    else output = `${table(result.fit, result.measure, method, result.subgroups)}\n`;
    writeOutput(output, opts.out);
  } catch (err) {
    usage(err, file, opts.subgroup);
  }
}

export function registerMeta(program: Command): void {
  program
    .command('meta')
    .description('meta-analysis of a CSV of studies (metafor-compatible estimates, MH, Peto, random effects, subgroups)')
    .requiredOption('--input <file>', 'CSV: study,events_1,total_1,events_2,total_2 | study,mean_1,sd_1,n_1,mean_2,sd_2,n_2 | study,events,total | study,yi,vi')
    .requiredOption('--measure <measure>', `effect measure: ${MEASURES.join('|')}`)
    .requiredOption('--method <method>', `model: ${METHODS.join('|')} (FE = inverse-variance common effect; others = tau^2 estimators)`)
    .option('--knha', 'Knapp-Hartung test and CI (random-effects methods)')
    .option('--subgroup <column>', 'CSV column defining subgroups (separate tau^2 per subgroup; test of differences)')
    .option('--revman5', "with --method MH: also RevMan 5's random-effects result (DL tau^2 from Q about the MH estimate)")
    .option('--plot <plot>', `figure for --format svg: ${PLOTS.join('|')}`, 'forest')
    .option('--format <format>', `output: ${FORMATS.join('|')}`, 'table')
    .option('--out <file>', 'write to FILE instead of stdout')
    .action((opts: MetaOptions) => {
      run(opts);
    });
}
