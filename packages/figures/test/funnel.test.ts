// The funnel plot is checked by parsing the SVG: one point per study at (yi, SE) on an inverted SE axis,
// the pseudo-confidence triangle estimate +/- 1.96 SE_max with its apex at SE = 0, and escaping.
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { funnelPlot } from '../src/index.js';

const yi = [-0.889, -1.585, -1.348, -1.442, -0.218, -0.786, -1.621, 0.012, -0.469, -1.371, -0.339, 0.446, -0.017];
const vi = [0.326, 0.195, 0.415, 0.02, 0.051, 0.0069, 0.223, 0.004, 0.056, 0.073, 0.0124, 0.533, 0.0714];
// parsed as HTML: linkedom's XML mode does not decode entities in attribute values
const parse = (s: string): Document => new DOMParser().parseFromString(`<html><body>${s}</body></html>`, 'text/html') as unknown as Document;
const attr = (d: Document, sel: string, name: string): number[] =>
  (d.querySelector(sel)?.getAttribute(name) ?? '').split(',').map(Number);

describe('funnel plot', () => {
  const svg = funnelPlot({ yi, vi, estimate: -0.7145, scale: 'log', effectLabel: 'Risk ratio', labels: yi.map((_v, i) => `S${i + 1}`) });
  const doc = parse(svg);
  const [d0, d1] = attr(doc, '.x-axis', 'data-x-domain') as [number, number];
  const [r0, r1] = attr(doc, '.x-axis', 'data-x-range') as [number, number];
  const [s0, s1] = attr(doc, '.y-axis', 'data-y-domain') as [number, number];
  const [q0, q1] = attr(doc, '.y-axis', 'data-y-range') as [number, number];
  const x = (v: number): number => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
  const y = (v: number): number => q0 + ((v - s0) / (s1 - s0)) * (q1 - q0);

  it('plots one point per study at (yi, SE) with SE increasing downwards', () => {
    const pts = doc.querySelectorAll('.funnel-point');
    expect(pts.length).toBe(13);
    expect(Number(pts[7]?.getAttribute('cx'))).toBeCloseTo(x(0.012), 1);
    expect(Number(pts[7]?.getAttribute('cy'))).toBeCloseTo(y(Math.sqrt(0.004)), 1);
    // the most precise study is nearest the top
    const cys = [...pts].map((p) => Number(p.getAttribute('cy')));
    expect(cys.indexOf(Math.min(...cys))).toBe(7);
    expect(q1).toBeGreaterThan(q0);
  });

  it('draws the 95% pseudo-confidence region with its apex at the estimate and SE = 0', () => {
    const pts = (doc.querySelector('.funnel-region')?.getAttribute('points') ?? '').split(' ').map((p) => p.split(',').map(Number));
    const seMax = s1;
    expect(pts[1]?.[0]).toBeCloseTo(x(-0.7145), 1);
    expect(pts[1]?.[1]).toBeCloseTo(y(0), 1);
    expect(pts[0]?.[0]).toBeCloseTo(x(-0.7145 - 1.959963984540054 * seMax), 1);
    expect(pts[2]?.[0]).toBeCloseTo(x(-0.7145 + 1.959963984540054 * seMax), 1);
    expect(pts[0]?.[1]).toBeCloseTo(y(seMax), 1);
  });

  it('labels the log axis on the ratio scale and escapes labels', () => {
    expect([...doc.querySelectorAll('.x-axis .tick-label')].map((t) => t.textContent)).toContain('1');
    const s = funnelPlot({ yi: [0.1, 0.2], vi: [0.1, 0.2], estimate: 0.15, scale: 'linear', effectLabel: 'MD <x>', labels: ['<a&b>', 'ok'] });
    expect(s).not.toContain('<a&b>');
    expect(parse(s).querySelector('.funnel-point title')?.textContent).toBe('<a&b>');
  });
});

describe('funnel plot in another language', () => {
  it('uses the given axis words and number format', () => {
    const svg = funnelPlot({ yi: [-0.5, 0, 0.4], vi: [0.1, 0.05, 0.2], estimate: 0, scale: 'linear', effectLabel: 'РС', words: { standardError: 'Стандартна похибка' }, formatNumber: (x, d) => x.toFixed(d).replace('.', ',') });
    expect(svg).toContain('>Стандартна похибка</text>');
    expect(svg).toMatch(/>-?0,\d+<\/text>/);
    expect(svg).not.toMatch(/tick-label[^>]*>-?0\.\d+</);
  });
});
