// One panel of percentile bands for a virtual population (5th–95th percentile shaded, the median
// as a line), drawn with Observable Plot straight into the DOM like the simulator's time courses
// (TimeCourse.tsx): the same clock-time axis, the same colours, words and numbers in the reader's
// language. (The CLI's `ldn population --format svg` draws the same bands with @ldn/figures'
// bandsSvg, whose axis words are English.) Plot builds SVG nodes, so labels are text nodes.
import * as Plot from '@observablehq/plot';
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/index.js';
import { clockTicks, dayAndClock } from '../sim/chart.js';
import { LINE_COLORS } from './TimeCourse.js';

export interface BandSeries {
  label: string;
  p5: readonly number[];
  p50: readonly number[];
  p95: readonly number[];
}

export interface BandsPanelProps {
  id: string;
  title: ReactNode;
  yLabel: string;
  /** hours since the first dose */
  time_h: readonly number[];
  bands: BandSeries[];
  /** clock time of the first dose, hours after midnight */
  firstDoseClockH: number;
  scale?: 'linear' | 'log';
  /** values are fractions shown as percent */
  percent?: boolean;
  domain?: [number, number];
  height?: number;
  aside?: ReactNode;
}

interface Row {
  x: number;
  lo: number;
  mid: number;
  hi: number;
}

export function BandsPanel(props: BandsPanelProps): ReactNode {
  const { t, clock, num, sig } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const { time_h, bands, firstDoseClockH, scale, percent, domain, yLabel } = props;
  const height = props.height ?? 220;
  const [boxWidth, setBoxWidth] = useState(0);

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
    const log = scale === 'log';
    const x0 = firstDoseClockH + time_h[0]!;
    const x1 = firstDoseClockH + time_h[n - 1]!;
    const width = Math.max(280, boxWidth || 720);
    const { ticks, interval } = clockTicks(x0, x1, width < 480 ? 4 : 8);
    const fmtTick = (x: number): string => {
      const { day, clockH } = dayAndClock(x);
      if (interval < 24 && clockH > 1e-6) return clock(clockH);
      return t('axis.dayN', { n: String(day) });
    };
    const ok = (v: number): boolean => Number.isFinite(v) && (!log || v > 0);
    const marks: Plot.Markish[] = [];
    if (!log) marks.push(Plot.ruleY([0], { stroke: '#8792a0' }));
    bands.forEach((b, k) => {
      const rows: Row[] = [];
      for (let i = 0; i < n; i++) {
        const r = { x: firstDoseClockH + time_h[i]!, lo: b.p5[i]!, mid: b.p50[i]!, hi: b.p95[i]! };
        if (ok(r.lo) && ok(r.mid) && ok(r.hi)) rows.push(r);
      }
      const colour = LINE_COLORS[k % LINE_COLORS.length]!;
      marks.push(Plot.areaY(rows, { x: 'x', y1: 'lo', y2: 'hi', fill: colour, fillOpacity: 0.22, className: `band band-${k}` }));
      marks.push(Plot.lineY(rows, { x: 'x', y: 'mid', stroke: colour, strokeWidth: 1.8, className: `median median-${k}` }));
    });
    const svg = Plot.plot({
      width,
      height,
      marginLeft: 56,
      marginRight: 16,
      marginBottom: 34,
      style: { fontSize: '12px' },
      ariaLabel: typeof props.title === 'string' ? props.title : yLabel,
      ariaDescription: bands.map((b) => b.label).join(', '),
      x: { domain: [x0, x1], ticks, tickFormat: fmtTick, label: t('axis.clock'), labelAnchor: 'right', grid: true },
      y: {
        label: yLabel,
        type: log ? 'log' : 'linear',
        grid: true,
        percent: percent === true,
        ...(domain ? { domain: percent === true ? [domain[0] * 100, domain[1] * 100] : domain } : { nice: true }),
        // significant digits: a band of small percentages (TLR4 inhibition) would print 0.01 twice with fixed decimals
        tickFormat: (v: number) => (log ? num(v, 3) : sig(v, 3)),
      },
      marks,
    });
    el.replaceChildren(svg);
  }, [time_h, bands, firstDoseClockH, scale, percent, domain, yLabel, height, boxWidth, t, clock, num, sig, props.title]);

  return (
    <figure className="figure" id={props.id} data-testid={props.id}>
      <figcaption>
        <h3>{props.title}</h3>
        {props.aside}
        <ul className="legend">
          {bands.map((b, k) => (
            <li key={b.label}>
              <span className="swatch band-swatch" style={{ borderTopColor: LINE_COLORS[k % LINE_COLORS.length], backgroundColor: `${LINE_COLORS[k % LINE_COLORS.length]}38` }} aria-hidden="true" />
              {t('pop.legend', { label: b.label })}
            </li>
          ))}
        </ul>
      </figcaption>
      <div className="plot-box" ref={box} />
    </figure>
  );
}
