// Why this module exists: `ldn meta --format json` and `POST /api/meta` must answer with the same
// document, and `--format svg` / `?format=svg` with the same forest plot. Both interfaces call
// runMetaAnalysis (CSV text + options → fitted models) and then metaJson / metaForestData, so the
// JSON and the figure's data are built in one place. Input problems are thrown as EvidenceInputError
// (bad CSV cells, named by row and column) or MetaRequestError (bad option combinations, a missing
// subgroup column); each interface phrases them with its own names (--method vs method).
import { qnorm } from '../stats/distributions.js';
import { escalc } from './escalc.js';
import { rma } from './rma.js';
import { rmaMH, type MhFit } from './mh.js';
import { rmaPeto } from './peto.js';
import { subgroupAnalysis, type SubgroupAnalysis } from './subgroup.js';
import { CSV_LAYOUTS, layoutFor, studiesFromCsv, type MetaCsv } from './csv.js';
import { isRatioMeasure, type EscalcInput, type Measure, type PooledFit, type TwoByTwoStudy } from './types.js';

export const META_MEASURES = ['RR', 'OR', 'RD', 'PETO', 'MD', 'SMD', 'PLO', 'GEN'] as const;
export const META_METHODS = ['FE', 'MH', 'PETO', 'DL', 'REML', 'ML', 'PM', 'HE', 'SJ', 'EB', 'HS'] as const;
export type MetaMethod = (typeof META_METHODS)[number];

export const MEASURE_NAMES: Record<Measure, string> = {
  RR: 'Risk ratio',
  OR: 'Odds ratio',
  RD: 'Risk difference',
  PETO: 'Peto odds ratio',
  MD: 'Mean difference',
  SMD: "Hedges' g",
  PLO: 'Log odds (logit proportion)',
  GEN: 'Effect size',
};

export interface MetaRequest {
  /** CSV text in one of the documented layouts */
  csv: string;
  measure: Measure;
  method: MetaMethod;
  knha?: boolean;
  /** CSV column defining subgroups */
  subgroup?: string | null;
  /** with method MH: also RevMan 5's random-effects analysis (DL τ² from Q about the MH estimate) */
  revman5?: boolean;
}

/** What a meta-analysis request got wrong besides the CSV cells; `field` is the request field. */
export type MetaProblem =
  | { kind: 'method_measure'; method: MetaMethod; measure: Measure }
  | { kind: 'knha_method'; method: MetaMethod }
  | { kind: 'revman5_method'; method: MetaMethod }
  | { kind: 'subgroup_missing'; column: string; available: string[] }
  | { kind: 'subgroup_empty'; column: string; row: number; study: string };

export class MetaRequestError extends Error {
  readonly problem: MetaProblem;
  readonly field: string;
  constructor(problem: MetaProblem) {
    super(describeMetaProblem(problem));
    this.name = 'MetaRequestError';
    this.problem = problem;
    this.field = problem.kind === 'method_measure' || problem.kind === 'knha_method' ? 'method' : problem.kind === 'revman5_method' ? 'revman5' : problem.kind === 'subgroup_missing' ? 'subgroup' : 'csv';
  }
}

/** The message of a problem in request-field terms (the API's; the CLI words them with option names). */
export function describeMetaProblem(p: MetaProblem): string {
  switch (p.kind) {
    case 'method_measure':
      return p.method === 'MH'
        ? `method MH needs measure RR, OR or RD, not ${p.measure}`
        : `method PETO pools Peto odds ratios; use measure PETO (or OR), not ${p.measure}`;
    case 'knha_method':
      return `knha applies to random-effects methods (DL, REML, ML, PM, HE, SJ, EB, HS), not ${p.method}`;
    case 'revman5_method':
      return `revman5 reproduces RevMan 5's random-effects analysis of Mantel-Haenszel data; use it with method MH, not ${p.method}`;
    case 'subgroup_missing':
      return `subgroup column "${p.column}" is not in the CSV header (${p.available.join(', ')})`;
    case 'subgroup_empty':
      return `row ${p.row} (${p.study}), column ${p.column}: the cell is empty`;
  }
}

/** Option combinations that no model accepts (checked before the CSV is read). */
export function checkMetaOptions(measure: Measure, method: MetaMethod, knha: boolean, revman5 = false): void {
  if (revman5 && method !== 'MH') throw new MetaRequestError({ kind: 'revman5_method', method });
  if (method === 'MH' && !(measure === 'RR' || measure === 'OR' || measure === 'RD')) throw new MetaRequestError({ kind: 'method_measure', method, measure });
  if (method === 'PETO' && !(measure === 'OR' || measure === 'PETO')) throw new MetaRequestError({ kind: 'method_measure', method, measure });
  if (knha && (method === 'FE' || method === 'MH' || method === 'PETO')) throw new MetaRequestError({ kind: 'knha_method', method });
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
function fitRows(input: EscalcInput, method: MetaMethod, knha: boolean, allowSingle: boolean, revman5 = false): { fit: PooledFit; rows: number[] } {
  if (method === 'MH' || method === 'PETO') {
    const tables = input.studies as readonly TwoByTwoStudy[];
    const fit = method === 'PETO' ? rmaPeto(tables) : rmaMH(tables, { measure: input.measure as 'RR' | 'OR' | 'RD', revman5 });
    return { fit, rows: tables.map((_t, i) => i) };
  }
  const es = escalc(input);
  const fit = rma(es, { method: method === 'FE' ? 'EE' : method, test: knha ? 'knha' : 'z', allowSingleStudy: allowSingle });
  return { fit, rows: es.dropped.flatMap((d, i) => (d ? [] : [i])) };
}

export interface MetaAnalysisResult {
  request: Required<Omit<MetaRequest, 'subgroup'>> & { subgroup: string | null };
  /** the measure pooled (PETO when the method is PETO) */
  measure: Measure;
  csv: MetaCsv;
  input: EscalcInput;
  fit: PooledFit;
  /** input row of each of the fit's studies */
  fitRows: number[];
  subgroups: SubgroupAnalysis<PooledFit> | null;
}

/** Reads the CSV, fits the model (and the subgroups). Throws EvidenceInputError or MetaRequestError. */
export function runMetaAnalysis(req: MetaRequest): MetaAnalysisResult {
  const knha = req.knha === true;
  const revman5 = req.revman5 === true;
  checkMetaOptions(req.measure, req.method, knha, revman5);
  const effMeasure: Measure = req.method === 'PETO' ? 'PETO' : req.measure;
  const csv = studiesFromCsv(req.csv, req.measure);
  const input: EscalcInput = effMeasure === req.measure ? csv.input : { measure: 'PETO', studies: csv.input.studies as readonly TwoByTwoStudy[] };
  const { fit, rows } = fitRows(input, req.method, knha, false, revman5);
  let sg: SubgroupAnalysis<PooledFit> | null = null;
  const subgroup = req.subgroup ?? null;
  if (subgroup !== null) {
    const col = Object.hasOwn(csv.columns, subgroup) ? csv.columns[subgroup] : undefined;
    if (col === undefined) throw new MetaRequestError({ kind: 'subgroup_missing', column: subgroup, available: Object.keys(csv.columns) });
    const empty = col.findIndex((v) => v === '');
    if (empty >= 0) throw new MetaRequestError({ kind: 'subgroup_empty', column: subgroup, row: empty + 1, study: csv.studies[empty] ?? '' });
    sg = subgroupAnalysis(col, (r) => fitRows(subset(input, r), req.method, knha, true).fit);
  }
  return { request: { csv: req.csv, measure: req.measure, method: req.method, knha, subgroup, revman5 }, measure: effMeasure, csv, input, fit, fitRows: rows, subgroups: sg };
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

/** The document of `ldn meta --format json` and `POST /api/meta`. */
export function metaJson(r: MetaAnalysisResult): Record<string, unknown> {
  const fit = r.fit;
  const ratio = isRatioMeasure(r.measure);
  const z = qnorm(1 - (1 - fit.level) / 2);
  const doc: Record<string, unknown> = {
    ...summaryJson(fit, ratio),
    measure: r.measure,
    method: r.request.method,
    test: r.request.knha ? 'knha' : 'z',
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
    if (mh.revman5Random) {
      const rr = mh.revman5Random;
      doc.revman5_random = {
        model: 'RevMan 5 random effects: DerSimonian-Laird tau^2 from Q about the Mantel-Haenszel estimate, inverse-variance pooling',
        tau2: num(rr.tau2),
        estimate: num(rr.estimate),
        se: num(rr.se),
        statistic: num(rr.statistic),
        p: num(rr.p),
        ci_lower: num(rr.ciLower),
        ci_upper: num(rr.ciUpper),
        weights: rr.weights.map(num),
        ...(ratio ? { exp: { estimate: num(Math.exp(rr.estimate)), ci_lower: num(Math.exp(rr.ciLower)), ci_upper: num(Math.exp(rr.ciUpper)) } } : {}),
      };
    }
  }
  if (r.subgroups !== null) {
    doc.subgroups = r.subgroups.groups.map((g) => ({ group: g.group, ...summaryJson(g.fit, ratio) }));
    doc.subgroup_test = { Q: r.subgroups.Qb, Q_df: r.subgroups.Qb_df, Q_p: r.subgroups.Qb_p };
  }
  return doc;
}

export function metaModelLabel(f: PooledFit, method: MetaMethod): string {
  if (method === 'MH') return 'Mantel-Haenszel (common effect)';
  if (method === 'PETO') return 'Peto (common effect)';
  if (method === 'FE') return 'Common-effect model (inverse variance)';
  return `Random-effects model (${method})`;
}

/** A forest plot's data, structurally the input of `forestPlot` in @ldn/figures (which escapes every string). */
export interface MetaForestData {
  rows: { label: string; estimate: number; ciLower: number; ciUpper: number; weight?: number; cells?: string[] }[];
  columns: string[];
  summary: { label: string; estimate: number; ciLower: number; ciUpper: number; piLower?: number; piUpper?: number };
  heterogeneity: { tau2?: number; I2?: number; Q?: number; df?: number; p?: number };
  /**
   * with a subgroup column: one block per subgroup (the engine's order), `rows` indexing `rows` above, the
   * subgroup's own fit, its weight share (the sum of its studies' weights in the overall model, percent)
   * and its heterogeneity (left out for a single-study subgroup, where it is not applicable)
   */
  subgroups?: {
    label: string;
    rows: number[];
    summary: { estimate: number; ciLower: number; ciUpper: number };
    weight: number;
    heterogeneity?: { tau2?: number; I2?: number; Q?: number; df?: number; p?: number };
  }[];
  /** the test of subgroup differences (Q between subgroups, as in metaJson's subgroup_test) */
  subgroupTest?: { Q: number; df: number; p: number };
  scale: 'log' | 'linear';
  effectLabel: string;
  level: number;
}

/** Rows, columns and summary of the forest plot of `ldn meta --format svg` and `POST /api/meta?format=svg`. */
export function metaForestData(r: MetaAnalysisResult): MetaForestData {
  const { fit: f, measure, input, csv } = r;
  const method = r.request.method;
  const columns = csv.columns;
  const z = qnorm(1 - (1 - f.level) / 2);
  const layout: readonly string[] = CSV_LAYOUTS[layoutFor(measure)];
  const extra = Object.keys(columns).filter((c) => !layout.includes(c) && c !== (r.request.subgroup ?? undefined));
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
  const rows: MetaForestData['rows'] = [];
  // the figure row of each drawn input row (non-estimable studies are not drawn)
  const figureRow = new Map<number, number>();
  f.studies.forEach((s, i) => {
    const y = f.yi[i] as number;
    const v = f.vi[i] as number;
    if (!Number.isFinite(y)) return;
    const weight = f.weights[i] as number;
    const row = r.fitRows[i] as number;
    figureRow.set(row, rows.length);
    rows.push({ label: s, estimate: y, ciLower: y - z * Math.sqrt(v), ciUpper: y + z * Math.sqrt(v), weight, cells: [...countCells(row), ...extra.map((c) => columns[c]?.[row] ?? '')] });
  });
  const re = f.model === 'IV' && method !== 'FE';
  const heterogeneity = (g: PooledFit): MetaForestData['heterogeneity'] => (re ? { tau2: g.tau2, I2: g.I2, Q: g.Q, df: g.Qdf, p: g.Qp } : { I2: g.I2, Q: g.Q, df: g.Qdf, p: g.Qp });
  const sg = r.subgroups;
  const subgroups: Pick<MetaForestData, 'subgroups' | 'subgroupTest'> =
    sg === null
      ? {}
      : {
          subgroups: sg.groups.map((g) => {
            const drawn = g.rows.flatMap((row) => {
              const at = figureRow.get(row);
              return at === undefined ? [] : [at];
            });
            return {
              label: g.group,
              rows: drawn,
              summary: { estimate: g.fit.estimate, ciLower: g.fit.ciLower, ciUpper: g.fit.ciUpper },
              weight: drawn.reduce((sum, at) => sum + (rows[at]?.weight ?? 0), 0),
              ...(g.fit.k >= 2 ? { heterogeneity: heterogeneity(g.fit) } : {}),
            };
          }),
          subgroupTest: { Q: sg.Qb, df: sg.Qb_df, p: sg.Qb_p },
        };
  return {
    rows,
    columns: [...countHeads, ...extra],
    summary: { label: metaModelLabel(f, method), estimate: f.estimate, ciLower: f.ciLower, ciUpper: f.ciUpper, ...(re ? { piLower: f.piLower, piUpper: f.piUpper } : {}) },
    heterogeneity: heterogeneity(f),
    ...subgroups,
    scale: isRatioMeasure(measure) ? 'log' : 'linear',
    effectLabel: MEASURE_NAMES[measure],
    level: f.level,
  };
}


/** A funnel plot's data (the input of `funnelPlot` in @ldn/figures): every estimable study's yi and vi around the pooled estimate. */
export function metaFunnelData(r: MetaAnalysisResult): { yi: number[]; vi: number[]; labels: string[]; estimate: number; scale: 'log' | 'linear'; effectLabel: string; level: number; z: number } {
  const f = r.fit;
  const keep = f.yi.flatMap((y, i) => (Number.isFinite(y) && Number.isFinite(f.vi[i] as number) ? [i] : []));
  return {
    yi: keep.map((i) => f.yi[i] as number),
    vi: keep.map((i) => f.vi[i] as number),
    labels: keep.map((i) => f.studies[i] as string),
    estimate: f.estimate,
    scale: isRatioMeasure(r.measure) ? 'log' : 'linear',
    effectLabel: MEASURE_NAMES[r.measure],
    level: f.level,
    z: qnorm(1 - (1 - f.level) / 2),
  };
}
