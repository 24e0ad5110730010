// A custom meta-analysis in the browser, with the same @ldn/evidence functions as `ldn meta` and
// POST /api/meta (runMetaAnalysis, metaJson, metaForestData), so the numbers are the server's:
// used to check the CSV before it is sent (errors name the row and the column in the reader's
// language) and to draw the forest plot with the figure's words and numbers in that language. In
// English the figure is byte for byte the server's `?format=svg`.
import { CSV_LAYOUTS, EvidenceInputError, FIELD_TO_COLUMN, layoutFor, metaForestData, MetaRequestError, parseCsv, runMetaAnalysis, type MetaAnalysisResult, type MetaMethod, type Measure } from '@ldn/evidence';
import { forestPlot } from '@ldn/figures';
import type { I18n, MessageKey } from '../i18n/index.js';

export interface MetaFormRequest {
  csv: string;
  measure: Measure;
  method: MetaMethod;
  knha: boolean;
  subgroup: string | null;
  revman5: boolean;
}

/** The API body: revman5 only when asked for (servers without it refuse unknown fields). */
export function metaBody(r: MetaFormRequest): Record<string, unknown> {
  const b: Record<string, unknown> = { csv: r.csv, measure: r.measure, method: r.method, knha: r.knha, subgroup: r.subgroup };
  if (r.revman5) b.revman5 = true;
  return b;
}

export const RANDOM_EFFECTS: readonly MetaMethod[] = ['DL', 'REML', 'ML', 'PM', 'HE', 'SJ', 'EB', 'HS'];

/** The columns a measure needs (its CSV layout). */
export function layoutColumns(measure: Measure): readonly string[] {
  return CSV_LAYOUTS[layoutFor(measure)];
}

/** Columns of the CSV header that are not part of the layout: candidates for subgroups. */
export function extraColumns(csv: string, measure: Measure): string[] {
  try {
    const { header } = parseCsv(csv);
    const layout = layoutColumns(measure);
    return header.filter((h) => !layout.includes(h));
  } catch {
    return [];
  }
}

export interface MetaProblemText {
  text: string;
  /** the request field it is about (csv, method, subgroup…) */
  field: string;
  /** the English detail from the engine, when there is one */
  detail?: string;
}

/** An input problem in the reader's language, naming the row (and study) and the column. */
export function describeMetaError(e: unknown, i18n: I18n): MetaProblemText | undefined {
  const { t } = i18n;
  if (e instanceof EvidenceInputError) {
    const column = FIELD_TO_COLUMN[e.field] ?? e.field;
    const where =
      e.row !== null
        ? column === 'csv' || column === 'k'
          ? t('meta.err.row', { row: String(e.row), study: e.study ?? '' })
          : t('meta.err.rowColumn', { row: String(e.row), study: e.study ?? '', column })
        : column === 'k'
          ? t('meta.err.studies')
          : column === 'csv'
            ? t('meta.err.file')
            : t('meta.err.column', { column });
    return { text: where.replace(' ()', ''), field: 'csv', detail: e.detail };
  }
  if (e instanceof MetaRequestError) {
    const p = e.problem;
    const text =
      p.kind === 'method_measure'
        ? t(p.method === 'MH' ? 'meta.err.mh' : 'meta.err.peto', { measure: p.measure })
        : p.kind === 'knha_method'
          ? t('meta.err.knha', { method: p.method })
          : p.kind === 'revman5_method'
            ? t('meta.err.revman5', { method: p.method })
            : p.kind === 'subgroup_missing'
              ? t('meta.err.subgroupMissing', { column: p.column, available: p.available.join(', ') })
              : t('meta.err.subgroupEmpty', { row: String(p.row), study: p.study, column: p.column });
    return { text, field: e.field };
  }
  if (e instanceof RangeError) return { text: t('meta.err.file'), field: 'csv', detail: e.message };
  return undefined;
}

/** Runs the analysis here; a problem comes back described, anything else is thrown. */
export function runLocal(r: MetaFormRequest, i18n: I18n): { result: MetaAnalysisResult } | { problem: MetaProblemText } {
  try {
    return { result: runMetaAnalysis({ csv: r.csv, measure: r.measure, method: r.method, knha: r.knha, subgroup: r.subgroup, revman5: r.revman5 }) };
  } catch (e) {
    const problem = describeMetaError(e, i18n);
    if (problem) return { problem };
    throw e;
  }
}

/**
 * The forest plot: the server's figure in English, the same figure with translated words and localised
 * numbers otherwise (with a subgroup column, its subgroup blocks too).
 */
export function localForestSvg(r: MetaAnalysisResult, i18n: I18n): string {
  const d = metaForestData(r);
  if (i18n.lang === 'en') return forestPlot(d);
  const { t } = i18n;
  const layout = layoutFor(r.request.measure);
  const heads = layout === 'binary' || layout === 'continuous' ? 2 : layout === 'single' ? 1 : 0;
  const method = r.request.method;
  const model = method === 'MH' || method === 'PETO' || method === 'FE' ? t(`meta.model.${method}` as MessageKey) : t('meta.model.random', { method });
  return forestPlot({
    ...d,
    columns: d.columns.map((c, i) => (i < heads ? t(`meta.head.${layout}.${i}` as MessageKey) : c)),
    summary: { ...d.summary, label: model },
    effectLabel: t(`meta.measure.${r.measure}` as MessageKey),
    labels: {
      study: t('forest.col.study'),
      weight: t('meta.weight'),
      ci: (level) => t('forest.ci', { level: String(level) }),
      predictionInterval: t('meta.pi'),
      heterogeneity: t('meta.heterogeneity'),
      // with a decimal comma, "[0,35, 1,09]" would read as four numbers
      intervalSeparator: '; ',
      // subgroup blocks (a subgroup column): the subgroups' names are the CSV's cells, left as they are
      subtotal: t('meta.subtotal'),
      subgroupTest: t('meta.subgroupDifferences'),
    },
    formatNumber: (x, digits) => i18n.num(x, digits, digits),
  });
}
