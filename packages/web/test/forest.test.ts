// Forest plots of the evidence base: effects with intervals grouped by measure, risk ratios
// computed from counts (and checked against escalc's numbers), text from records escaped in the
// SVG, and the header translation touching only the header.
import { describe, expect, it } from 'vitest';
import { listStudies, type Study } from '@ldn/evidence';
import { forestPlot } from '@ldn/figures';
import { clip, forestGroups } from '../src/evidence/forest.js';

describe('forestGroups', () => {
  it('collects the fibromyalgia effects: mean differences as reported, and an RR from counts', () => {
    const { groups, skipped } = forestGroups(listStudies({ condition: 'fibromyalgia' }));
    const md = groups.find((g) => g.measure === 'MD')!;
    expect(md.scale).toBe('linear');
    expect(md.entries.map((e) => e.studyId).sort()).toEqual(['final2024', 'vatvani2024', 'vatvani2024']);
    expect(md.entries.every((e) => e.origin === 'reported' && e.ciLower <= e.estimate && e.estimate <= e.ciUpper)).toBe(true);
    const rr = groups.find((g) => g.measure === 'RR')!;
    expect(rr.scale).toBe('log');
    const computed = rr.entries.find((e) => e.origin === 'computed')!;
    expect(computed.studyId).toBe('final2024');
    // 4/49 vs 3/50: RR = (4/49)/(3/50) = 1.3605; var(log RR) = 1/4 − 1/49 + 1/3 − 1/50
    expect(Math.exp(computed.estimate)).toBeCloseTo(1.3605, 4);
    const se = Math.sqrt(1 / 4 - 1 / 49 + 1 / 3 - 1 / 50);
    expect(computed.ciUpper - computed.estimate).toBeCloseTo(1.959964 * se, 5);
    expect(computed.counts).toBe('4/49 vs 3/50');
    // effects printed without an interval are listed, not drawn
    expect(skipped.some((s) => s.studyId === 'bested2023' && s.reason === 'no_ci')).toBe(true);
  });

  it('draws nothing for a study without effects or two-arm counts', () => {
    const s = listStudies().find((x) => x.id === 'bihari1996')!;
    const lonely: Study = { ...s, outcomes: [] };
    expect(forestGroups([lonely]).groups).toEqual([]);
  });
});

describe('forest SVG', () => {
  it('escapes record text and draws the header and numbers in the reader’s language', () => {
    const evil = '<img src=x onerror=alert(1)> Study';
    const svg = forestPlot({
      rows: [{ label: evil, estimate: 0.1, ciLower: -0.2, ciUpper: 0.4, cells: ['Weight'] }],
      columns: ['Outcome'],
      scale: 'log',
      effectLabel: 'RR',
      labels: { study: 'Дослідження', weight: '', ci: (l) => `${l} % ДІ` },
      formatNumber: (x, d) => x.toFixed(d).replace('.', ','),
    });
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt; Study');
    expect(svg).toContain('>Дослідження</text>');
    expect(svg).toContain('RR [95 % ДІ]</text>');
    expect(svg).toContain('1,11 [0,82, 1,49]'); // e^0.1, e^-0.2, e^0.4 with decimal commas
    expect(svg).toContain('>Weight</text>'); // a record's cell that says "Weight" stays as it is
  });

  it('clip shortens with an ellipsis and counts characters, not UTF-16 units', () => {
    expect(clip('discontinuation because of adverse events', 20)).toBe('discontinuation bec…');
    expect(clip('μ-occupancy', 20)).toBe('μ-occupancy');
    expect([...clip('нерандомізоване дослідження', 20)]).toHaveLength(20);
  });
});
