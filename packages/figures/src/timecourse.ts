// Time-course figure: stacked panels (concentrations, occupancy, later hypothesis outputs) on one
// shared time axis, doses marked, optionally several regimens overlaid. Drawn with Observable
// Plot, which works in the browser and, given a DOM such as linkedom, in Node; the caller passes
// the `document` so this package stays isomorphic.

import * as Plot from '@observablehq/plot';
import { esc } from './svg/text.js';
import { svgPage } from './svg/page.js';

export interface TimeCourseLine {
  /** legend label, e.g. "naltrexone" or "4.5 mg at 22:00" */
  label: string;
  values: ArrayLike<number>;
}

export interface TimeCoursePanel {
  title: string;
  unit: string;
  scale?: 'linear' | 'log';
  /** fixed y domain, e.g. [0, 100] for occupancy in % */
  domain?: [number, number];
  lines: TimeCourseLine[];
}

export interface TimeCourseInput {
  title: string;
  subtitle?: string;
  time_h: ArrayLike<number>;
  panels: TimeCoursePanel[];
  doses?: { time_h: number; dose_mg: number }[];
  /** clock time of the first dose (hours after midnight), for the axis label */
  firstDoseClockH?: number;
  document: Document;
  width?: number;
  panelHeight?: number;
  /** plotted points per line at most (longer series are thinned evenly) */
  maxPoints?: number;
}

/** d3's schemeTableau10, fixed here so the legend drawn outside Plot uses the same colours */
export const PALETTE = ['#4e79a7', '#f28e2c', '#e15759', '#76b7b2', '#59a14f', '#edc949', '#af7aa1', '#ff9da7', '#9c755f', '#bab0ab'];

interface Row {
  x: number;
  y: number;
  line: string;
}

function thin(time: ArrayLike<number>, values: ArrayLike<number>, maxPoints: number, label: string, x: (t: number) => number, log: boolean): Row[] {
  const n = time.length;
  const stride = Math.max(1, Math.ceil(n / maxPoints));
  const rows: Row[] = [];
  for (let i = 0; i < n; i += stride) {
    const y = values[i]!;
    if (Number.isFinite(y) && (!log || y > 0)) rows.push({ x: x(time[i]!), y, line: label });
  }
  const last = n - 1;
  if (last % stride !== 0 && Number.isFinite(values[last]!)) rows.push({ x: x(time[last]!), y: values[last]!, line: label });
  return rows;
}

function serialize(node: Element): string {
  return (node as unknown as { outerHTML: string }).outerHTML;
}

/** Renders the figure as one standalone SVG document string. */
export function timeCourseSvg(input: TimeCourseInput): string {
  const width = input.width ?? 820;
  const panelHeight = input.panelHeight ?? 230;
  const maxPoints = input.maxPoints ?? 3000;
  const end = input.time_h.length ? input.time_h[input.time_h.length - 1]! : 0;
  const inDays = end > 72;
  const x = (t: number) => (inDays ? t / 24 : t);
  const xLabel = inDays ? 'days since the first dose' : 'hours since the first dose';
  const clock = input.firstDoseClockH;
  const xTitle = clock === undefined ? xLabel : `${xLabel} (first dose at ${String(Math.floor(clock)).padStart(2, '0')}:${String(Math.round((clock % 1) * 60)).padStart(2, '0')})`;
  const doseXs = (input.doses ?? []).map((d) => ({ x: x(d.time_h), dose: d.dose_mg }));

  const header = 46;
  const svgs: string[] = [];
  input.panels.forEach((panel, k) => {
    const log = panel.scale === 'log';
    const rows = panel.lines.flatMap((l) => thin(input.time_h, l.values, maxPoints, l.label, x, log));
    const last = k === input.panels.length - 1;
    const marks: Plot.Markish[] = [
      Plot.ruleY(log ? [] : [0], { stroke: '#999' }),
      Plot.tickX(doseXs, { x: 'x', stroke: '#b33', strokeWidth: 1, strokeOpacity: 0.6, insetTop: 0, insetBottom: panelHeight - 40 }),
      Plot.lineY(rows, { x: 'x', y: 'y', stroke: 'line', strokeWidth: 1.6 }),
    ];
    const yLabel = `${panel.title} (${panel.unit})`;
    const svg = Plot.plot({
      document: input.document,
      width,
      height: panelHeight,
      marginLeft: 64,
      marginRight: 140,
      marginBottom: last ? 40 : 24,
      x: { label: last ? xTitle : null, domain: [0, x(end)], grid: true },
      y: { label: yLabel, type: log ? 'log' : 'linear', grid: true, tickFormat: log ? '~g' : undefined, ...(panel.domain ? { domain: panel.domain } : { nice: true }) },
      color: { legend: false, type: 'categorical', domain: panel.lines.map((l) => l.label), range: PALETTE },
      marks,
    });
    svgs.push(serialize(svg));
  });
  const height = header + svgs.length * panelHeight + 16;
  const body = svgs
    .map((s, k) => s.replace(/^<svg/, `<svg x="0" y="${header + k * panelHeight}"`))
    .join('\n');
  const legend = input.panels
    .flatMap((panel, k) =>
      panel.lines.map(
        (l, i) =>
          `<g transform="translate(${width - 128},${header + k * panelHeight + 24 + i * 16})"><rect width="12" height="3" y="-4" fill="${PALETTE[i % PALETTE.length]}"/><text x="16" font-size="11">${esc(l.label)}</text></g>`,
      ),
    )
    .join('\n');
  return svgPage({ width, height, title: input.title, subtitle: input.subtitle, body, legend });
}
