// `ldn meta`: meta-analysis of a CSV of studies with the evidence package's metafor-compatible engine.
//   ldn meta --input FILE.csv --measure RR|OR|RD|PETO|MD|SMD|PLO|GEN --method FE|MH|PETO|DL|REML|ML|PM|HE|SJ|EB|HS
//            [--knha] [--subgroup COLUMN] --format table|json|svg [--out FILE]
// CSV layouts: study,events_1,total_1,events_2,total_2 (2x2; group 1 treated) | study,mean_1,sd_1,n_1,mean_2,
// sd_2,n_2 | study,events,total (single arm) | study,yi,vi (generic); extra columns are kept for the figure.
// Every input problem (missing column, bad cell, negative count, events above total, zero total, too few
// studies) becomes a UsageError (exit 2) naming the file, row and column.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  CSV_LAYOUTS,
  EvidenceInputError,
  FIELD_TO_COLUMN,
  isRatioMeasure,
  layoutFor,
  qnorm,
  rma,
  rmaMH,
  rmaPeto,
  studiesFromCsv,
  subgroupAnalysis,
  escalc,
  type EscalcInput,
  type Measure,
  type MhFit,
  type PooledFit,
  type RmaFit,
  type SubgroupAnalysis,
  type TwoByTwoStudy,
} from '@ldn/evidence';
import { forestPlot, type ForestRow } from '@ldn/figures';
import { UsageError } from '../errors.js';
import { parseFormat, writeOutput } from '../io.js';

const MEASURES = ['RR', 'OR', 'RD', 'PETO', 'MD', 'SMD', 'PLO', 'GEN'] as const;
const METHODS = ['FE', 'MH', 'PETO', 'DL', 'REML', 'ML', 'PM', 'HE', 'SJ', 'EB', 'HS'] as const;
const FORMATS = ['table', 'json', 'svg'] as const;
type Method = (typeof METHODS)[number];

const MEASURE_NAMES: Record<Measure, string> = {
  RR: 'Risk ratio',
  OR: 'Odds ratio',
  RD: 'Risk difference',
  PETO: 'Peto odds ratio',
  MD: 'Mean difference',
  SMD: "Hedges' g",
  PLO: 'Log odds (logit proportion)',
  GEN: 'Effect size',
};

interface MetaOptions {
  input: string;
  measure: string;
  method: string;
  knha?: boolean;
  subgroup?: string;
  format: string;
  out?: string;
}

/** Turns an evidence-package input error into a usage error naming the file, row and CSV column. */
function usage(err: unknown, file: string): never {
  if (err instanceof EvidenceInputError) {
    const column = FIELD_TO_COLUMN[err.field] ?? err.field;
    const where = err.row === null ? '' : ` row ${err.row}${err.study !== undefined && err.study !== '' ? ` (${err.study})` : ''},`;
    const what = column === 'k' ? ' studies:' : column === 'csv' ? '' : ` column ${column}:`;
    throw new UsageError(`${file}:${where}${what} ${err.detail}`);
  }
  throw err;
}

function subset(input: EscalcInput, rows: readonly number[]): EscalcInput {
  const pick = <T>(a: readonly T[]): T[] => rows.map((i) => a[i] as T);
  switch (input.measure) {
    case 'RR':
    case 'OR':
    case 'RD':
    case 'PETO':
      return { measure: input.measure, studies: pick(input.studies) };
    case 'MD':
    case 'SMD':
      return { measure: input.measure, studies: pick(input.studies) };
    case 'PLO':
      return { measure: input.measure, studies: pick(input.studies) };
    default:
      return { measure: 'GEN', studies: pick(input.studies) };
  }
}

/** Fits one model; `rows[j]` is the input row of the fit's j-th study (IV models leave out non-estimable rows). */
function fitRows(input: EscalcInput, method: Method, knha: boolean, allowSingle: boolean): { fit: PooledFit; rows: number[] } {
  if (method === 'MH' || method === 'PETO') {
    const tables = input.studies as readonly TwoByTwoStudy[];
    const fit = method === 'PETO' ? rmaPeto(tables) : rmaMH(tables, { measure: input.measure as 'RR' | 'OR' | 'RD' });
    return { fit, rows: tables.map((_t, i) => i) };
  }
  const es = escalc(input);
  const fit = rma(es, { method: method === 'FE' ? 'EE' : method, test: knha ? 'knha' : 'z', allowSingleStudy: allowSingle });
  return { fit, rows: es.dropped.flatMap((d, i) => (d ? [] : [i])) };
}

const num = (x: number | null | undefined): number | null => (x === null || x === undefined || !Number.isFinite(x) ? null : x);

function summaryJson(f: PooledFit, ratio: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {
    k: f.k,
    estimate: num(f.estimate),
    se: num(f.se),
    ci_lower: num(f.ciLower),
    ci_upper: num(f.ciUpper),
    statistic: num(f.statistic),
    p: num(f.p),
    tau2: num(f.tau2),
    tau2_ci_lower: num(f.tau2Ci?.[0]),
    tau2_ci_upper: num(f.tau2Ci?.[1]),
    I2: num(f.I2),
    H2: num(f.H2),
    Q: num(f.Q),
    Q_df: f.Qdf,
    Q_p: num(f.Qp),
    pi_lower: num(f.piLower),
    pi_upper: num(f.piUpper),
  };
  if (ratio) {
    out.exp = {
      estimate: num(Math.exp(f.estimate)),
      ci_lower: num(Math.exp(f.ciLower)),
      ci_upper: num(Math.exp(f.ciUpper)),
      pi_lower: num(Math.exp(f.piLower)),
      pi_upper: num(Math.exp(f.piUpper)),
    };
  }
  return out;
}

function modelLabel(f: PooledFit, method: Method): string {
  if (method === 'MH') return 'Mantel-Haenszel (common effect)';
  if (method === 'PETO') return 'Peto (common effect)';
  if (method === 'FE') return 'Common-effect model (inverse variance)';
  return `Random-effects model (${method})`;
}

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

function svg(f: PooledFit, fitRowsOf: readonly number[], measure: Measure, method: Method, columns: Record<string, string[]>, input: EscalcInput, subgroupColumn?: string): string {
  const z = qnorm(1 - (1 - f.level) / 2);
  const layout: readonly string[] = CSV_LAYOUTS[layoutFor(measure)];
  const extra = Object.keys(columns).filter((c) => !layout.includes(c) && c !== subgroupColumn);
  const countCells = (i: number): string[] => {
    if (input.measure === 'RR' || input.measure === 'OR' || input.measure === 'RD' || input.measure === 'PETO') {
      const s = input.studies[i] as TwoByTwoStudy;
      return [`${s.events1}/${s.total1}`, `${s.events2}/${s.total2}`];
    }
    if (input.measure === 'MD' || input.measure === 'SMD') {
      const s = input.studies[i];
      return s === undefined ? ['', ''] : [`${s.mean1} (${s.sd1}), ${s.n1}`, `${s.mean2} (${s.sd2}), ${s.n2}`];
    }
    if (input.measure === 'PLO') {
      const s = input.studies[i];
      return s === undefined ? [''] : [`${s.events}/${s.total}`];
    }
    return [];
  };
  const countHeads = layoutFor(measure) === 'binary' ? ['Treated', 'Control'] : layoutFor(measure) === 'continuous' ? ['Treated mean (SD), n', 'Control mean (SD), n'] : layoutFor(measure) === 'single' ? ['Events/total'] : [];
  const rows: ForestRow[] = [];
  f.studies.forEach((s, i) => {
    const y = f.yi[i] as number;
    const v = f.vi[i] as number;
    if (!Number.isFinite(y)) return;
    const weight = f.weights[i] as number;
    const row = fitRowsOf[i] as number;
    rows.push({
      label: s,
      estimate: y,
      ciLower: y - z * Math.sqrt(v),
      ciUpper: y + z * Math.sqrt(v),
      weight,
      cells: [...countCells(row), ...extra.map((c) => columns[c]?.[row] ?? '')],
    });
  });
  const re = f.model === 'IV' && method !== 'FE';
  return forestPlot({
    rows,
    columns: [...countHeads, ...extra],
    summary: {
      label: modelLabel(f, method),
      estimate: f.estimate,
      ciLower: f.ciLower,
      ciUpper: f.ciUpper,
      ...(re ? { piLower: f.piLower, piUpper: f.piUpper } : {}),
    },
    heterogeneity: re ? { tau2: f.tau2, I2: f.I2, Q: f.Q, df: f.Qdf, p: f.Qp } : { I2: f.I2, Q: f.Q, df: f.Qdf, p: f.Qp },
    scale: isRatioMeasure(measure) ? 'log' : 'linear',
    effectLabel: MEASURE_NAMES[measure],
    level: f.level,
  });
}

function run(opts: MetaOptions): void {
  const measure = parseFormat(opts.measure.toUpperCase(), MEASURES, '--measure');
  const method = parseFormat(opts.method.toUpperCase(), METHODS, '--method');
  const format = parseFormat(opts.format, FORMATS, '--format');
  const knha = opts.knha === true;
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
  const effMeasure: Measure = method === 'PETO' ? 'PETO' : measure;
  try {
    const csv = studiesFromCsv(text, measure);
    const input: EscalcInput = effMeasure === measure ? csv.input : { measure: 'PETO', studies: csv.input.studies as readonly TwoByTwoStudy[] };
    const { fit, rows: fitRowsOf } = fitRows(input, method, knha, false);
    let sg: SubgroupAnalysis<PooledFit> | null = null;
    if (opts.subgroup !== undefined) {
      const col = csv.columns[opts.subgroup];
      if (col === undefined) throw new UsageError(`${file}: --subgroup column "${opts.subgroup}" is not in the header (${Object.keys(csv.columns).join(', ')})`);
      const empty = col.findIndex((v) => v === '');
      if (empty >= 0) throw new UsageError(`${file}: row ${empty + 1} (${csv.studies[empty]}), column ${opts.subgroup}: the cell is empty`);
      sg = subgroupAnalysis(col, (rows) => fitRows(subset(input, rows), method, knha, true).fit);
    }
    const ratio = isRatioMeasure(effMeasure);
    let output: string;
    if (format === 'json') {
      const z = qnorm(1 - (1 - fit.level) / 2);
      const doc: Record<string, unknown> = {
        ...summaryJson(fit, ratio),
        measure: effMeasure,
        method,
        test: knha ? 'knha' : 'z',
        df: fit.df,
        level: fit.level,
        studies: fit.studies.map((s, i) => {
          const y = fit.yi[i] as number;
          const v = fit.vi[i] as number;
          const ok = Number.isFinite(y);
          const weight = ok ? fit.weights[i] : null;
          return { study: s, yi: num(y), vi: num(v), ci_lower: num(y - z * Math.sqrt(v)), ci_upper: num(y + z * Math.sqrt(v)), weight: num(weight) };
        }),
        omitted: fit.omitted,
      };
      if (fit.model === 'MH') {
        const mh = fit as MhFit;
        doc.cmh = mh.cmh;
        doc.tarone = mh.tarone;
      }
      if (sg !== null) {
        doc.subgroups = sg.groups.map((g) => ({ group: g.group, ...summaryJson(g.fit, ratio) }));
        doc.subgroup_test = { Q: sg.Qb, Q_df: sg.Qb_df, Q_p: sg.Qb_p };
      }
      output = `${JSON.stringify(doc, null, 2)}\n`;
    } else if (format === 'svg') {
      output = svg(fit, fitRowsOf, effMeasure, method, csv.columns, input, opts.subgroup);
    } else {
      output = `${table(fit, effMeasure, method, sg)}\n`;
    }
    writeOutput(output, opts.out);
  } catch (err) {
    usage(err, file);
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
    .option('--format <format>', `output: ${FORMATS.join('|')}`, 'table')
    .option('--out <file>', 'write to FILE instead of stdout')
    .action((opts: MetaOptions) => {
      run(opts);
    });
}
