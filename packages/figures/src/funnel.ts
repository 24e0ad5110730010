// Funnel plot as an SVG string: each study's effect (x, log scale back-transformed for ratio measures)
// against its standard error on an inverted y axis (precise studies at the top), the pooled estimate as a
// vertical line and the pseudo-confidence region estimate +/- z SE as a triangle. Hand-written for the same
// reasons as the forest plot (no `document` needed, deterministic output, stable classes for tests).
import { linearScale, logTicks, niceTicks } from './svg/scale.js';
import { esc, px, tickLabel } from './svg/text.js';

export interface FunnelPlotOptions {
  /** effect sizes on the analysis scale */
  yi: readonly number[];
  /** sampling variances */
  vi: readonly number[];
  /** study labels (shown as tooltips) */
  labels?: readonly string[];
  /** pooled estimate on the analysis scale (centre of the funnel) */
  estimate: number;
  scale: 'log' | 'linear';
  effectLabel: string;
  /** level of the pseudo-confidence region, for its label (default 0.95) */
  level?: number;
  /** normal quantile of that level (default 1.959963984540054 = qnorm(0.975)); callers with another level pass it */
  z?: number;
  title?: string;
  width?: number;
  height?: number;
  /** the figure's own words, for other languages (default English) */
  words?: { standardError?: string };
  /** number format for tick labels, e.g. with a decimal comma */
  formatNumber?: (x: number, digits: number) => string;
}

export function funnelPlot(o: FunnelPlotOptions): string {
  const width = o.width ?? 520;
  const height = o.height ?? 420;
  const level = o.level ?? 0.95;
  const z = o.z ?? 1.959963984540054;
  const se = o.vi.map((v) => Math.sqrt(v));
  const seMax = Math.max(...se.filter((s) => Number.isFinite(s))) * 1.05 || 1;
  const log = o.scale === 'log';
  const m = { left: 60, right: 20, top: o.title !== undefined ? 36 : 16, bottom: 46 };
  const xs = [...o.yi.filter((v) => Number.isFinite(v)), o.estimate - z * seMax, o.estimate + z * seMax];
  const pad = (Math.max(...xs) - Math.min(...xs)) * 0.05 || 1;
  const x = linearScale([Math.min(...xs) - pad, Math.max(...xs) + pad], [m.left, width - m.right]);
  const y = linearScale([0, seMax], [m.top, height - m.bottom]); // inverted: SE 0 at the top
  const out: string[] = [];
  if (o.title !== undefined) out.push(`<text class="title" x="${m.left}" y="20" font-weight="bold" font-size="14">${esc(o.title)}</text>`);
  const region = [
    [x(o.estimate - z * seMax), y(seMax)],
    [x(o.estimate), y(0)],
    [x(o.estimate + z * seMax), y(seMax)],
  ]
    .map(([a, b]) => `${px(a as number)},${px(b as number)}`)
    .join(' ');
  out.push(`<polygon class="funnel-region" data-level="${level}" points="${region}" fill="#eef2f7" stroke="#9aa9bf"/>`);
  out.push(`<line class="funnel-estimate" x1="${px(x(o.estimate))}" x2="${px(x(o.estimate))}" y1="${px(y(0))}" y2="${px(y(seMax))}" stroke="#1f3b63"/>`);
  o.yi.forEach((v, i) => {
    const s = se[i] as number;
    if (!Number.isFinite(v) || !Number.isFinite(s)) return;
    const label = o.labels?.[i] ?? `Study ${i + 1}`;
    out.push(`<circle class="funnel-point" data-study="${esc(label)}" cx="${px(x(v))}" cy="${px(y(s))}" r="4" fill="#4a6fa5"><title>${esc(label)}</title></circle>`);
  });
  // axes
  const [d0, d1] = x.domain;
  out.push(`<g class="x-axis" data-x-domain="${d0},${d1}" data-x-range="${x.range[0]},${x.range[1]}" data-scale="${o.scale}">`);
  out.push(`<line x1="${m.left}" x2="${px(width - m.right)}" y1="${px(height - m.bottom)}" y2="${px(height - m.bottom)}" stroke="#333"/>`);
  const tick = (v: number): string => (o.formatNumber ? o.formatNumber(v, (tickLabel(v).split('.')[1] ?? '').length) : tickLabel(v));
  const xt = log ? logTicks(d0, d1).map((v) => ({ at: Math.log(v), label: tick(v) })) : niceTicks(d0, d1, 5).map((v) => ({ at: v, label: tick(v) }));
  for (const t of xt) {
    out.push(`<line x1="${px(x(t.at))}" x2="${px(x(t.at))}" y1="${px(height - m.bottom)}" y2="${px(height - m.bottom + 4)}" stroke="#333"/>`);
    out.push(`<text class="tick-label" x="${px(x(t.at))}" y="${px(height - m.bottom + 16)}" text-anchor="middle" font-size="10">${esc(t.label)}</text>`);
  }
  out.push(`<text x="${px((m.left + width - m.right) / 2)}" y="${px(height - 8)}" text-anchor="middle">${esc(o.effectLabel)}</text>`);
  out.push('</g>');
  out.push(`<g class="y-axis" data-y-domain="0,${seMax}" data-y-range="${y.range[0]},${y.range[1]}">`);
  out.push(`<line x1="${m.left}" x2="${m.left}" y1="${px(m.top)}" y2="${px(height - m.bottom)}" stroke="#333"/>`);
  for (const t of niceTicks(0, seMax, 4)) {
    out.push(`<line x1="${m.left - 4}" x2="${m.left}" y1="${px(y(t))}" y2="${px(y(t))}" stroke="#333"/>`);
    out.push(`<text class="tick-label" x="${m.left - 6}" y="${px(y(t) + 3)}" text-anchor="end" font-size="10">${esc(tick(t))}</text>`);
  }
  out.push(`<text x="14" y="${px((m.top + height - m.bottom) / 2)}" text-anchor="middle" transform="rotate(-90 14 ${px((m.top + height - m.bottom) / 2)})">${esc(o.words?.standardError ?? 'Standard error')}</text>`);
  out.push('</g>');
  return `<svg xmlns="http://www.w3.org/2000/svg" class="funnel-plot" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="12">\n${out.join('\n')}\n</svg>\n`;
}
