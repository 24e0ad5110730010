// Percentile-band figure for virtual populations: stacked panels on one time axis, each with one
// or more bands (5th–95th percentile shaded, median as a line). Drawn with Observable Plot like
// the time-course figure, so it looks the same and works in the browser and, given a DOM such as
// linkedom, in Node; the caller passes the `document`, which keeps this package isomorphic.

import * as Plot from '@observablehq/plot';
import { esc } from './svg/text.js';
import { svgPage } from './svg/page.js';
import { PALETTE } from './timecourse.js';

export interface Band {
  /** legend label, e.g. "naltrexone" */
  label: string;
  p5: ArrayLike<number>;
  p50: ArrayLike<number>;
  p95: ArrayLike<number>;
}

export interface BandPanel {
  title: string;
  unit: string;
  scale?: 'linear' | 'log';
  domain?: [number, number];
  bands: Band[];
}

export interface BandFigureInput {
  title: string;
  subtitle?: string;
  time_h: ArrayLike<number>;
  panels: BandPanel[];
  doses?: { time_h: number }[];
  firstDoseClockH?: number;
  document: Document;
  width?: number;
  panelHeight?: number;
  /** points per band at most (longer series are thinned evenly, keeping the last) */
  maxPoints?: number;
}

interface Row {
  x: number;
  lo: number;
  mid: number;
  hi: number;
  band: string;
}

function rowsOf(time: ArrayLike<number>, b: Band, maxPoints: number, x: (t: number) => number, log: boolean): Row[] {
  const n = time.length;
  const stride = Math.max(1, Math.ceil(n / maxPoints));
  const rows: Row[] = [];
  const push = (i: number) => {
    const r = { x: x(time[i]!), lo: b.p5[i]!, mid: b.p50[i]!, hi: b.p95[i]!, band: b.label };
    if ([r.lo, r.mid, r.hi].every((v) => Number.isFinite(v) && (!log || v > 0))) rows.push(r);
  };
  for (let i = 0; i < n; i += stride) push(i);
  if ((n - 1) % stride !== 0) push(n - 1);
  return rows;
}

/** Renders the band figure as one standalone SVG document string. */
export function bandsSvg(input: BandFigureInput): string {
  const width = input.width ?? 820;
  const panelHeight = input.panelHeight ?? 220;
  const maxPoints = input.maxPoints ?? 2000;
  const end = input.time_h.length ? input.time_h[input.time_h.length - 1]! : 0;
  const inDays = end > 72;
  const x = (t: number) => (inDays ? t / 24 : t);
  const clock = input.firstDoseClockH;
  const xLabel = inDays ? 'days since the first dose' : 'hours since the first dose';
  const xTitle = clock === undefined ? xLabel : `${xLabel} (first dose at ${String(Math.floor(clock)).padStart(2, '0')}:${String(Math.round((clock % 1) * 60)).padStart(2, '0')})`;
  const doseXs = (input.doses ?? []).map((d) => ({ x: x(d.time_h) }));
  const header = 46;
  const svgs = input.panels.map((panel, k) => {
    const log = panel.scale === 'log';
    const rows = panel.bands.flatMap((b) => rowsOf(input.time_h, b, maxPoints, x, log));
    const last = k === input.panels.length - 1;
    const labels = panel.bands.map((b) => b.label);
    const svg = Plot.plot({
      document: input.document,
      width,
      height: panelHeight,
      marginLeft: 64,
      marginRight: 140,
      marginBottom: last ? 40 : 24,
      x: { label: last ? xTitle : null, domain: [0, x(end)], grid: true },
      y: { label: `${panel.title} (${panel.unit})`, type: log ? 'log' : 'linear', grid: true, tickFormat: log ? '~g' : undefined, ...(panel.domain ? { domain: panel.domain } : { nice: true }) },
      color: { legend: false, type: 'categorical', domain: labels, range: PALETTE },
      marks: [
        Plot.ruleY(log ? [] : [0], { stroke: '#999' }),
        Plot.tickX(doseXs, { x: 'x', stroke: '#b33', strokeWidth: 1, strokeOpacity: 0.5, insetTop: 0, insetBottom: panelHeight - 40 }),
        Plot.areaY(rows, { x: 'x', y1: 'lo', y2: 'hi', fill: 'band', fillOpacity: 0.25, z: 'band' }),
        Plot.lineY(rows, { x: 'x', y: 'mid', stroke: 'band', strokeWidth: 1.6, z: 'band' }),
      ],
    });
    return (svg as unknown as { outerHTML: string }).outerHTML;
  });
  const height = header + svgs.length * panelHeight + 16;
  const body = svgs.map((s, k) => s.replace(/^<svg/, `<svg x="0" y="${header + k * panelHeight}"`)).join('\n');
  const legend = input.panels
    .flatMap((panel, k) =>
      panel.bands.map((b, i) => {
        const colour = PALETTE[i % PALETTE.length]!;
        const y = header + k * panelHeight + 24 + i * 16;
        return `<g transform="translate(${width - 128},${y})"><rect width="12" height="9" y="-7" fill="${colour}" fill-opacity="0.25"/><rect width="12" height="2" y="-3" fill="${colour}"/><text x="16" font-size="11">${esc(b.label)}</text></g>`;
      }),
    )
    .join('\n');
  return svgPage({ width, height, title: input.title, subtitle: input.subtitle, body, legend });
}
