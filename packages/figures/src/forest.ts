// Forest plot as an SVG string. Hand-written SVG rather than @observablehq/plot: a forest plot is mostly a
// table (study labels, counts or means, dose, weights, "estimate [CI]" text) aligned row by row with a small
// plot, and Plot has no notion of text columns sharing rows with marks outside its frame; hand-written SVG
// also needs no `document`, so the same function runs in the CLI, the API and the browser (isomorphic).
// Values are given on the analysis scale (log for ratio measures) and tick and text labels are back-
// transformed. Every user-supplied string is XML-escaped. Marks carry classes and data attributes
// (study-row, study-ci, summary-diamond, prediction-interval, heterogeneity, data-x-*) so tests and
// scripts can read the figure back.
//
// Subgroups (optional) are drawn as RevMan and metafor's forest() draw them: for each subgroup a heading
// row with its name, its studies' rows, a "Subtotal" row with the subgroup's diamond, its weight share and
// "estimate [CI]", and the subgroup's heterogeneity line; after all subgroups the overall diamond, the
// overall heterogeneity line and the test of subgroup differences (classes subgroup, subgroup-heading,
// subgroup-summary, subgroup-diamond, subgroup-heterogeneity, subgroup-test). Every number comes from the
// caller (the engine's subgroup fits and Q-between); the figure computes no statistics. The weights shown
// are the caller's: for `ldn meta` / POST /api/meta each study's weight in the overall model, and a
// subgroup's weight is the sum of its studies' overall weights (so the subtotals add up to 100%).
import { linearScale, logTicks, niceTicks } from './svg/scale.js';
import { esc, fmt as fmtDefault, px, tickLabel } from './svg/text.js';

export interface ForestRow {
  label: string;
  /** estimate and CI on the analysis scale (log for ratio measures) */
  estimate: number;
  ciLower: number;
  ciUpper: number;
  /** weight in percent */
  weight?: number;
  /** extra cells, one per `columns` header (e.g. "4/123", dose, evidence level) */
  cells?: string[];
}

export interface ForestSummary {
  label: string;
  estimate: number;
  ciLower: number;
  ciUpper: number;
  /** prediction interval (analysis scale); drawn on its own row when given */
  piLower?: number;
  piUpper?: number;
}

export interface ForestHeterogeneity {
  tau2?: number;
  I2?: number;
  Q?: number;
  df?: number;
  p?: number;
}

/** One subgroup block: a heading, its studies' rows and its own pooled estimate (the "Subtotal" diamond). */
export interface ForestSubgroup {
  /** the subgroup's name (user text, e.g. a CSV cell; escaped) */
  label: string;
  /** indices into `rows` of the subgroup's studies, in drawing order */
  rows: readonly number[];
  /** the subgroup's pooled estimate and CI on the analysis scale, as the engine fitted them */
  summary: { estimate: number; ciLower: number; ciUpper: number };
  /** the subgroup's weight share in percent, printed as given */
  weight?: number;
  /** the subgroup's own heterogeneity, printed like the overall line */
  heterogeneity?: ForestHeterogeneity;
}

/** The test of subgroup differences (Q between subgroups), printed as given. */
export interface ForestSubgroupTest {
  Q: number;
  df: number;
  p: number;
}

export interface ForestPlotOptions {
  rows: readonly ForestRow[];
  summary?: ForestSummary;
  heterogeneity?: ForestHeterogeneity;
  /**
   * subgroup blocks; when given (and not empty) every row belongs to exactly one subgroup and rows are
   * drawn block by block in this order
   */
  subgroups?: readonly ForestSubgroup[];
  /** the test of subgroup differences, printed after the overall heterogeneity line (only with subgroups) */
  subgroupTest?: ForestSubgroupTest;
  /** headers of the extra columns (ForestRow.cells) */
  columns?: readonly string[];
  /** 'log' for ratio measures: axis in log units, labels back-transformed */
  scale: 'log' | 'linear';
  /** name of the effect measure, e.g. "Risk ratio" */
  effectLabel: string;
  level?: number;
  title?: string;
  /** labels under the left and right side of the null line */
  favours?: [string, string];
  /** decimals of the estimate text (default 2) */
  digits?: number;
  width?: number;
  /** x range on the analysis scale (default: all CIs, PI and the null value) */
  xDomain?: [number, number];
  /** the figure's own words, for other languages (defaults: English) */
  labels?: Partial<ForestLabels>;
  /** number format for the texts (estimates, weights, heterogeneity), e.g. with a decimal comma */
  formatNumber?: (x: number, digits: number) => string;
}

export interface ForestLabels {
  study: string;
  weight: string;
  /** the confidence-interval header, e.g. "95% CI" */
  ci: (levelPercent: number) => string;
  predictionInterval: string;
  heterogeneity: string;
  /** between the two limits of an interval: ", " in English; "; " reads better with a decimal comma */
  intervalSeparator: string;
  /** the label of a subgroup's summary row */
  subtotal: string;
  /** before "Q = …, df = … (p …)" of the test of subgroup differences */
  subgroupTest: string;
}

const ENGLISH: ForestLabels = {
  study: 'Study',
  weight: 'Weight',
  ci: (level) => `${level}% CI`,
  predictionInterval: 'Prediction interval',
  heterogeneity: 'Heterogeneity',
  intervalSeparator: ', ',
  subtotal: 'Subtotal',
  subgroupTest: 'Test of subgroup differences',
};

const ROW = 22;
const FONT = 'font-family="Helvetica, Arial, sans-serif" font-size="12"';

export function forestPlot(o: ForestPlotOptions): string {
  const L: ForestLabels = { ...ENGLISH, ...o.labels };
  const fmt = o.formatNumber ?? fmtDefault;
  const digits = o.digits ?? 2;
  const level = o.level ?? 0.95;
  const log = o.scale === 'log';
  const back = (v: number): number => (log ? Math.exp(v) : v);
  const columns = o.columns ?? [];
  const rows = o.rows;
  const groups = o.subgroups !== undefined && o.subgroups.length > 0 ? o.subgroups : undefined;
  if (groups) checkSubgroups(groups, rows);
  const nullValue = 0;

  // horizontal layout: label | extra columns | plot | weight | estimate [CI]
  const groupLabels = groups ? [L.subtotal.length, ...groups.map((g) => g.label.length)] : [];
  const labelW = Math.min(260, Math.max(90, 7 * Math.max(5, ...rows.map((r) => r.label.length), o.summary ? o.summary.label.length : 0, ...groupLabels)));
  const colW = columns.map((h, j) => Math.min(160, Math.max(60, 7 * Math.max(h.length, ...rows.map((r) => (r.cells?.[j] ?? '').length)) + 14)));
  const plotW = 260;
  const ciHead = `${o.effectLabel} [${L.ci(Math.round(level * 100))}]`;
  // widths from the texts (≈7 px per character at 12 px), so longer words in other languages fit
  const weightW = Math.max(64, 7 * L.weight.length + 16);
  const textW = Math.max(190, 7 * ciHead.length + 16);
  const left = 12;
  const width = o.width ?? left + labelW + colW.reduce((s, w) => s + w, 0) + plotW + weightW + textW + 12;
  const plotX0 = left + labelW + colW.reduce((s, w) => s + w, 0) + 10;
  const plotX1 = plotX0 + plotW - 20;

  const finite = (v: number | undefined): v is number => v !== undefined && Number.isFinite(v);
  const values = [nullValue];
  for (const r of rows) values.push(...[r.ciLower, r.ciUpper].filter(finite));
  if (o.summary) values.push(...[o.summary.ciLower, o.summary.ciUpper, o.summary.piLower, o.summary.piUpper].filter(finite));
  for (const g of groups ?? []) values.push(...[g.summary.ciLower, g.summary.ciUpper].filter(finite));
  let [d0, d1] = o.xDomain ?? [Math.min(...values), Math.max(...values)];
  if (!(d1 > d0)) {
    d0 -= 1;
    d1 += 1;
  }
  if (o.xDomain === undefined) {
    const pad = (d1 - d0) * 0.04;
    d0 -= pad;
    d1 += pad;
  }
  const x = linearScale([d0, d1], [plotX0, plotX1]);
  const clampX = (v: number): number => x(Math.min(d1, Math.max(d0, v)));

  const titleH = o.title !== undefined ? 26 : 0;
  const headerY = 12 + titleH + 14;
  const firstRowY = headerY + ROW;
  const out: string[] = [];
  const textEl = (xx: number, yy: number, s: string, attrs = ''): string => `<text x="${px(xx)}" y="${px(yy)}"${attrs ? ` ${attrs}` : ''}>${esc(s)}</text>`;

  if (o.title !== undefined) out.push(textEl(left, 20, o.title, 'class="title" font-weight="bold" font-size="14"'));
  // header
  out.push(`<g class="header" font-weight="bold">`);
  out.push(textEl(left, headerY, L.study));
  let cx = left + labelW;
  columns.forEach((h, j) => {
    out.push(textEl(cx + (colW[j] as number) - 8, headerY, h, 'text-anchor="end"'));
    cx += colW[j] as number;
  });
  out.push(textEl((plotX0 + plotX1) / 2, headerY, o.effectLabel, 'text-anchor="middle"'));
  out.push(textEl(plotX1 + 20 + weightW - 8, headerY, L.weight, 'text-anchor="end"'));
  out.push(textEl(plotX1 + 20 + weightW + textW - 8, headerY, ciHead, 'text-anchor="end"'));
  out.push('</g>');
  out.push(`<line class="header-rule" x1="${left}" x2="${px(width - 12)}" y1="${px(headerY + 6)}" y2="${px(headerY + 6)}" stroke="#999"/>`);

  const interval = (lo: number, hi: number): string => `[${fmt(back(lo), digits)}${L.intervalSeparator}${fmt(back(hi), digits)}]`;
  const estText = (e: number, lo: number, hi: number): string => `${fmt(back(e), digits)} ${interval(lo, hi)}`;
  const maxW = Math.max(1e-12, ...rows.map((r) => r.weight ?? 0));

  const studyRow = (r: ForestRow, y: number): void => {
    out.push(`<g class="study-row" data-study="${esc(r.label)}" data-estimate="${r.estimate}" data-ci-lower="${r.ciLower}" data-ci-upper="${r.ciUpper}">`);
    out.push(textEl(left, y + 4, r.label, 'class="study-label"'));
    let cx2 = left + labelW;
    columns.forEach((_h, j) => {
      out.push(textEl(cx2 + (colW[j] as number) - 8, y + 4, r.cells?.[j] ?? '', 'class="cell" text-anchor="end"'));
      cx2 += colW[j] as number;
    });
    if (finite(r.estimate)) {
      const lo = finite(r.ciLower) ? r.ciLower : d0;
      const hi = finite(r.ciUpper) ? r.ciUpper : d1;
      out.push(`<line class="study-ci" x1="${px(clampX(lo))}" x2="${px(clampX(hi))}" y1="${px(y)}" y2="${px(y)}" stroke="#333" stroke-width="1.2"/>`);
      if (lo < d0) out.push(`<path class="clipped" d="M${px(x(d0) + 5)},${px(y - 3)} L${px(x(d0))},${px(y)} L${px(x(d0) + 5)},${px(y + 3)}" fill="none" stroke="#333"/>`);
      if (hi > d1) out.push(`<path class="clipped" d="M${px(x(d1) - 5)},${px(y - 3)} L${px(x(d1))},${px(y)} L${px(x(d1) - 5)},${px(y + 3)}" fill="none" stroke="#333"/>`);
      if (r.estimate >= d0 && r.estimate <= d1) {
        const side = r.weight !== undefined ? 3 + 9 * Math.sqrt(r.weight / maxW) : 6;
        out.push(`<rect class="study-box" x="${px(x(r.estimate) - side / 2)}" y="${px(y - side / 2)}" width="${px(side)}" height="${px(side)}" fill="#4a6fa5"/>`);
      }
    }
    if (r.weight !== undefined) out.push(textEl(plotX1 + 20 + weightW - 8, y + 4, `${fmt(r.weight, 1)}%`, 'class="weight" text-anchor="end"'));
    out.push(textEl(plotX1 + 20 + weightW + textW - 8, y + 4, estText(r.estimate, r.ciLower, r.ciUpper), 'class="estimate-text" text-anchor="end"'));
    out.push('</g>');
  };
  // a diamond from the CI's lower limit to its upper limit, its height 2 * half, centred on the estimate
  const diamond = (s: { estimate: number; ciLower: number; ciUpper: number }, y: number, half: number): string =>
    [
      [clampX(s.ciLower), y],
      [clampX(s.estimate), y - half],
      [clampX(s.ciUpper), y],
      [clampX(s.estimate), y + half],
    ]
      .map(([a, b]) => `${px(a as number)},${px(b as number)}`)
      .join(' ');
  // "Q = 1.23, df = 2 (p = 0.541)", shared by the heterogeneity lines and the test of subgroup differences
  const qText = (Q: number, df: number | undefined, p: number | undefined): string =>
    `Q = ${fmt(Q, 2)}${df !== undefined ? `, df = ${df}` : ''}${p !== undefined ? ` (p ${p < 0.001 ? `< ${fmt(0.001, 3)}` : `= ${fmt(p, 3)}`})` : ''}`;
  const heterogeneityText = (h: ForestHeterogeneity): string => {
    const parts: string[] = [];
    if (h.tau2 !== undefined) parts.push(`τ² = ${fmt(h.tau2, h.tau2 < 0.01 && h.tau2 > 0 ? 4 : 3)}`);
    if (h.I2 !== undefined) parts.push(`I² = ${fmt(h.I2, 1)}%`);
    if (h.Q !== undefined) parts.push(qText(h.Q, h.df, h.p));
    return `${L.heterogeneity}: ${parts.join('; ')}`;
  };

  // rows: one after the other, or block by block (heading, studies, subtotal, heterogeneity) with subgroups
  let next = firstRowY;
  if (groups) {
    groups.forEach((g, k) => {
      if (k > 0) next += ROW / 2;
      out.push(`<g class="subgroup" data-subgroup="${esc(g.label)}">`);
      out.push(textEl(left, next + 4, g.label, 'class="subgroup-heading" font-weight="bold"'));
      next += ROW;
      for (const i of g.rows) {
        studyRow(rows[i] as ForestRow, next);
        next += ROW;
      }
      const s = g.summary;
      out.push(`<g class="subgroup-summary" data-estimate="${s.estimate}" data-ci-lower="${s.ciLower}" data-ci-upper="${s.ciUpper}"${g.weight !== undefined ? ` data-weight="${g.weight}"` : ''}>`);
      out.push(textEl(left, next + 4, L.subtotal, 'class="subgroup-label" font-weight="bold"'));
      if (finite(s.estimate) && finite(s.ciLower) && finite(s.ciUpper)) out.push(`<polygon class="subgroup-diamond" points="${diamond(s, next, 6)}" fill="#1f3b63"/>`);
      if (g.weight !== undefined) out.push(textEl(plotX1 + 20 + weightW - 8, next + 4, `${fmt(g.weight, 1)}%`, 'class="subgroup-weight" text-anchor="end" font-weight="bold"'));
      out.push(textEl(plotX1 + 20 + weightW + textW - 8, next + 4, estText(s.estimate, s.ciLower, s.ciUpper), 'class="estimate-text" text-anchor="end" font-weight="bold"'));
      out.push('</g>');
      next += ROW;
      if (g.heterogeneity) {
        out.push(textEl(left, next + 4, heterogeneityText(g.heterogeneity), 'class="subgroup-heterogeneity" font-size="11"'));
        next += ROW;
      }
      out.push('</g>');
    });
  } else {
    rows.forEach((r) => {
      studyRow(r, next);
      next += ROW;
    });
  }

  let y = next + 6;
  if (o.summary) {
    const s = o.summary;
    y += ROW / 2;
    const pts = diamond(s, y, 7);
    out.push(`<g class="summary-row" data-estimate="${s.estimate}" data-ci-lower="${s.ciLower}" data-ci-upper="${s.ciUpper}">`);
    out.push(textEl(left, y + 4, s.label, 'class="summary-label" font-weight="bold"'));
    out.push(`<polygon class="summary-diamond" points="${pts}" fill="#1f3b63"/>`);
    if (rows.some((r) => r.weight !== undefined)) out.push(textEl(plotX1 + 20 + weightW - 8, y + 4, `${fmt(100, 1)}%`, 'text-anchor="end" font-weight="bold"'));
    out.push(textEl(plotX1 + 20 + weightW + textW - 8, y + 4, estText(s.estimate, s.ciLower, s.ciUpper), 'class="estimate-text" text-anchor="end" font-weight="bold"'));
    out.push('</g>');
    if (finite(s.piLower) && finite(s.piUpper)) {
      y += ROW;
      out.push(`<g class="prediction-row" data-pi-lower="${s.piLower}" data-pi-upper="${s.piUpper}">`);
      out.push(textEl(left, y + 4, L.predictionInterval));
      const a = clampX(s.piLower);
      const b = clampX(s.piUpper);
      out.push(`<line class="prediction-interval" x1="${px(a)}" x2="${px(b)}" y1="${px(y)}" y2="${px(y)}" stroke="#b03a2e" stroke-width="2"/>`);
      out.push(`<line x1="${px(a)}" x2="${px(a)}" y1="${px(y - 4)}" y2="${px(y + 4)}" stroke="#b03a2e"/><line x1="${px(b)}" x2="${px(b)}" y1="${px(y - 4)}" y2="${px(y + 4)}" stroke="#b03a2e"/>`);
      out.push(textEl(plotX1 + 20 + weightW + textW - 8, y + 4, interval(s.piLower, s.piUpper), 'class="estimate-text" text-anchor="end"'));
      out.push('</g>');
    }
  }
  if (o.heterogeneity) {
    y += ROW;
    out.push(textEl(left, y + 4, heterogeneityText(o.heterogeneity), 'class="heterogeneity" font-size="11"'));
  }
  if (groups && o.subgroupTest) {
    const t = o.subgroupTest;
    y += ROW;
    out.push(textEl(left, y + 4, `${L.subgroupTest}: ${qText(t.Q, t.df, t.p)}`, `class="subgroup-test" data-q="${t.Q}" data-df="${t.df}" data-p="${t.p}" font-size="11"`));
  }

  // axis
  const axisY = y + ROW;
  const plotTop = firstRowY - ROW / 2;
  out.push(`<g class="x-axis" data-x-domain="${d0},${d1}" data-x-range="${plotX0},${plotX1}" data-scale="${o.scale}">`);
  out.push(`<line x1="${px(plotX0)}" x2="${px(plotX1)}" y1="${px(axisY)}" y2="${px(axisY)}" stroke="#333"/>`);
  // tick labels keep their own decimals (0.5, 1, 2) but use the figure's number format
  const tick = (v: number): string => fmt(v, (tickLabel(v).split('.')[1] ?? '').length);
  const ticks = log ? logTicks(d0, d1).map((v) => ({ at: Math.log(v), label: tick(v) })) : niceTicks(d0, d1, 5).map((v) => ({ at: v, label: tick(v) }));
  for (const t of ticks) {
    const tx = x(t.at);
    out.push(`<line class="tick" x1="${px(tx)}" x2="${px(tx)}" y1="${px(axisY)}" y2="${px(axisY + 4)}" stroke="#333"/>`);
    out.push(textEl(tx, axisY + 16, t.label, 'class="tick-label" text-anchor="middle" font-size="10"'));
  }
  out.push('</g>');
  if (nullValue >= d0 && nullValue <= d1) {
    out.push(`<line class="null-line" x1="${px(x(nullValue))}" x2="${px(x(nullValue))}" y1="${px(plotTop)}" y2="${px(axisY)}" stroke="#777" stroke-dasharray="3,3"/>`);
  }
  if (o.summary && o.summary.estimate >= d0 && o.summary.estimate <= d1) {
    out.push(`<line class="summary-line" x1="${px(x(o.summary.estimate))}" x2="${px(x(o.summary.estimate))}" y1="${px(plotTop)}" y2="${px(axisY)}" stroke="#1f3b63" stroke-opacity="0.4" stroke-dasharray="1,3"/>`);
  }
  let bottom = axisY + 30;
  if (o.favours) {
    const nx = x(Math.min(d1, Math.max(d0, nullValue)));
    out.push(textEl(nx - 6, axisY + 32, o.favours[0], 'class="favours" text-anchor="end" font-size="10"'));
    out.push(textEl(nx + 6, axisY + 32, o.favours[1], 'class="favours" text-anchor="start" font-size="10"'));
    bottom += 12;
  }
  const height = Math.ceil(bottom);
  return `<svg xmlns="http://www.w3.org/2000/svg" class="forest-plot" width="${px(width)}" height="${height}" viewBox="0 0 ${px(width)} ${height}" ${FONT}>\n${out.join('\n')}\n</svg>\n`;
}

/** Every row in exactly one subgroup (a row left out would silently vanish from the figure). */
function checkSubgroups(groups: readonly ForestSubgroup[], rows: readonly ForestRow[]): void {
  const seen = rows.map(() => false);
  for (const g of groups) {
    for (const i of g.rows) {
      if (!Number.isInteger(i) || i < 0 || i >= rows.length) throw new RangeError(`forest plot: subgroup "${g.label}" names row ${i}, but there are ${rows.length} rows`);
      if (seen[i]) throw new RangeError(`forest plot: row ${i} ("${rows[i]?.label ?? ''}") is in more than one subgroup`);
      seen[i] = true;
    }
  }
  const missing = seen.indexOf(false);
  if (missing >= 0) throw new RangeError(`forest plot: row ${missing} ("${rows[missing]?.label ?? ''}") is in no subgroup`);
}
