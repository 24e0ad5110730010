// One panel of the simulator's figure, drawn with Observable Plot straight into the DOM (no HTML
// strings: Plot builds SVG nodes, so labels are text nodes and need no escaping). The x axis is
// clock time: hours after midnight of the first dose's day, labelled with the clock, the day number
// or, when the regimen has a start date, the calendar date, all in the chosen language.
import * as Plot from '@observablehq/plot';
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/index.js';
import { clockTicks, dayAndClock, decimate } from '../sim/chart.js';
import { formatDayAndClock } from '../i18n/format.js';

/** Line colours with at least 3:1 contrast on white (WCAG 1.4.11), told apart by dashes too. */
export const LINE_COLORS = ['#1f5f99', '#c2410c', '#2e7d32', '#7b3f9e', '#8a6d00', '#00838f', '#b3261e', '#4d5661'];
export const LINE_DASHES = ['', '6,3', '2,3', '8,3,2,3', '4,4', '1,2', '10,4', '3,6'];

export interface PanelLine {
  label: string;
  values: ArrayLike<number>;
  /** clock time (hours after midnight) of this line's first dose, when lines differ (comparisons) */
  offset_h?: number;
}

export interface PanelProps {
  id: string;
  title: ReactNode;
  /** y-axis label (unit) */
  yLabel: string;
  time_h: ArrayLike<number>;
  lines: PanelLine[];
  firstDoseClockH: number;
  startDate?: string | undefined;
  /** dose times (hours since the first dose) */
  doses?: readonly number[];
  /** times of doses that were missed */
  missed?: readonly number[];
  scale?: 'linear' | 'log';
  /** y values are fractions shown as percent */
  percent?: boolean;
  domain?: [number, number];
  height?: number;
  /** called after the SVG is in the document (for performance measures) */
  onDrawn?: () => void;
  /** extra content under the title (badges) */
  aside?: ReactNode;
}

const MAX_POINTS = 700;

export function TimeCoursePanel(props: PanelProps): ReactNode {
  const { t, lang, clock, num } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const { time_h, lines, firstDoseClockH, startDate, doses, missed, scale, percent, domain, yLabel, onDrawn } = props;
  const height = props.height ?? 220;
  const [boxWidth, setBoxWidth] = useState(0);

  // redraw when the column changes width (phone rotation, window resize), in 16 px steps
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    setBoxWidth(Math.floor(el.clientWidth / 16) * 16);
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => setBoxWidth(Math.floor(el.clientWidth / 16) * 16));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const n = time_h.length;
    if (n === 0) {
      el.replaceChildren();
      return;
    }
    const offsets = lines.map((l) => firstDoseClockH + (l.offset_h ?? 0));
    const x0 = Math.min(firstDoseClockH, ...offsets) + time_h[0]!;
    const x1 = Math.max(firstDoseClockH, ...offsets) + time_h[n - 1]!;
    const width = Math.max(280, boxWidth || 720);
    const { ticks, interval } = clockTicks(x0, x1, width < 480 ? 4 : 8);
    const fmtTick = (x: number): string => {
      const { day, clockH } = dayAndClock(x);
      if (startDate) return interval < 24 && clockH > 1e-6 ? clock(clockH) : formatDayAndClock(lang, startDate, x).replace(/,?\s*00:00$/, '');
      if (interval < 24 && clockH > 1e-6) return clock(clockH);
      return t('axis.dayN', { n: String(day) });
    };
    const log = scale === 'log';
    const marks: Plot.Markish[] = [];
    if (!log) marks.push(Plot.ruleY([0], { stroke: '#8792a0' }));
    if (doses && doses.length) marks.push(Plot.ruleX(doses.map((d) => firstDoseClockH + d), { stroke: '#b3261e', strokeOpacity: 0.45, strokeWidth: 1 }));
    if (missed && missed.length) marks.push(Plot.ruleX(missed.map((d) => firstDoseClockH + d), { stroke: '#6b7280', strokeDasharray: '3,3', strokeWidth: 1.2 }));
    lines.forEach((line, k) => {
      const idx = decimate(line.values, MAX_POINTS);
      const xs = new Float64Array(idx.length);
      const ys = new Float64Array(idx.length);
      for (let j = 0; j < idx.length; j++) {
        const i = idx[j]!;
        xs[j] = offsets[k]! + time_h[i]!;
        const v = line.values[i]!;
        ys[j] = log && !(v > 0) ? NaN : v;
      }
      marks.push(Plot.lineY(ys, { x: xs, stroke: LINE_COLORS[k % LINE_COLORS.length], strokeWidth: 1.8, strokeDasharray: LINE_DASHES[k % LINE_DASHES.length] || undefined, clip: true, className: `series series-${k}` }));
    });
    const svg = Plot.plot({
      width,
      height,
      marginLeft: 56,
      marginRight: 16,
      marginBottom: 34,
      style: { fontSize: '12px' },
      ariaLabel: typeof props.title === 'string' ? props.title : yLabel,
      ariaDescription: lines.map((l) => l.label).join(', '),
      x: { domain: [x0, x1], ticks, tickFormat: fmtTick, label: startDate ? t('axis.date') : t('axis.clock'), labelAnchor: 'right', grid: true },
      y: {
        label: yLabel,
        type: log ? 'log' : 'linear',
        grid: true,
        percent: percent === true,
        // with `percent`, Plot multiplies values by 100 and so the domain is in percent too
        ...(domain ? { domain: percent === true ? [domain[0] * 100, domain[1] * 100] : domain } : { nice: true }),
        tickFormat: (v: number) => (log ? num(v, 3) : num(v, 2)),
      },
      marks,
    });
    el.replaceChildren(svg);
    onDrawn?.();
  }, [time_h, lines, firstDoseClockH, startDate, doses, missed, scale, percent, domain, yLabel, height, boxWidth, lang, t, clock, num, onDrawn]);

  return (
    <figure className="figure" id={props.id} data-testid={props.id}>
      <figcaption>
        <h3>{props.title}</h3>
        {props.aside}
        <ul className="legend">
          {lines.map((l, k) => (
            <li key={l.label}>
              <span className="swatch" style={{ borderTopColor: LINE_COLORS[k % LINE_COLORS.length], borderTopStyle: LINE_DASHES[k % LINE_DASHES.length] ? 'dashed' : 'solid' }} aria-hidden="true" />
              {l.label}
            </li>
          ))}
          {doses && doses.length > 0 && (
            <li>
              <span className="swatch dose" aria-hidden="true" />
              {t('legend.dose')}
            </li>
          )}
          {missed && missed.length > 0 && (
            <li>
              <span className="swatch missed" aria-hidden="true" />
              {t('legend.missed')}
            </li>
          )}
        </ul>
      </figcaption>
      <div className="plot-box" ref={box} />
    </figure>
  );
}
