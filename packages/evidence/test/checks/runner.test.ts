// The runner over the shipped evidence base must flag what reference/evidence.md §3.4 and §1.8
// found by hand, and a synthetic record with planted errors must be flagged with the right severity.
import { describe, expect, it } from 'vitest';
import { checkEvidence, countBySeverity, findingsForClaim, runChecks, type Finding } from '../../src/checks/index.js';
import { buildEvidenceBase } from '../../src/data/load.js';
import { getClaim } from '../../src/data/query.js';
import { SOURCES_FILES } from '../../src/data/files.generated.js';

const findings = checkEvidence();
const about = (studyId: string, outcomeId?: string) =>
  findings.filter((f) => f.studyId === studyId && (outcomeId === undefined || f.outcomeId === outcomeId));

describe('runner over the shipped evidence base', () => {
  it('Smith 2007: 89% and 67% are impossible with 17 patients (error)', () => {
    const r = about('smith2007', 'response').find((f) => f.check === 'grim');
    const m = about('smith2007', 'remission').find((f) => f.check === 'grim');
    expect(r).toMatchObject({ severity: 'error' });
    expect(r?.message).toMatch(/89% is impossible with 17/);
    expect(r?.message).toContain('15/17 = 88.2%, 16/17 = 94.1%');
    expect(m?.message).toMatch(/67% is impossible with 17/);
    const joint = about('smith2007').find((f) => f.check === 'grim' && f.outcomeId === undefined);
    expect(joint?.message).toContain('together: 9, 18');
  });

  it('Lie 2018: "6 (25.5%)" is impossible with 47, and the seed\'s 6 differs from the source\'s 12', () => {
    const g = about('lie2018', 'remission-ldnrt').find((f) => f.check === 'grim');
    expect(g).toMatchObject({ severity: 'error' });
    expect(g?.message).toContain('6/47 = 12.8%');
    const seed = findings.find((f) => f.check === 'seed-vs-source' && f.studyId === 'lie2018' && f.outcomeId === 'remission');
    expect(seed).toMatchObject({ severity: 'error' });
    expect(seed?.message).toMatch(/6 participants.*12 \(derived\)/);
  });

  it('Smith 2011: seed remission 6% vs source 8% is an error; denominators unstated are warnings, not errors', () => {
    const d1 = findings.find((f) => f.check === 'seed-vs-source' && f.studyId === 'smith2011' && f.severity === 'error');
    expect(d1?.message).toContain('6%');
    expect(d1?.message).toContain('8%');
    const grim = about('smith2011').filter((f) => f.check === 'grim');
    expect(grim.length).toBeGreaterThan(0);
    expect(grim.every((f) => f.severity !== 'error')).toBe(true);
    expect(grim.find((f) => f.outcomeId === 'clinical-response' && f.message.includes('88%'))?.message).toContain('8, 16, 17');
  });

  it('Smith 2011 reconstruction is a demonstration only, and finds 14/16 vs 6/15 for p = 0.009', () => {
    const demo = about('smith2011', 'clinical-response').find((f) => f.check === 'reconstruction');
    expect(demo).toMatchObject({ severity: 'info', demonstration: true });
    expect(demo?.message).toContain('14/16 vs 6/15 (Fisher 0.0091)');
    expect(demo?.message).toMatch(/inference only, not data/);
  });

  it('Towers: p from 10/119 vs 79/105 is consistent with P < .0001', () => {
    const f = about('towers-ajog', 'nas').find((x) => x.check === 'p-from-counts');
    expect(f).toMatchObject({ severity: 'info' });
    expect(f?.message).toContain('Fisher 3.9e-26');
  });

  it('Younger: F(1,101) = 7.7, p = .006 passes statcheck; 11% fits the 28 completers, not the 31 randomized', () => {
    expect(about('younger2013', 'symptom-reduction-aapm').find((f) => f.check === 'statcheck')).toMatchObject({ severity: 'info' });
    const w = about('younger2013', 'responders').find((f) => f.severity === 'warning');
    expect(w?.message).toContain('11% fits 28 (completed) but not 31 (randomized)');
  });

  it('sums that add up are recorded as checked: Cree 80 − 20 = 60, Bolton subgroups = 89', () => {
    expect(about('cree2010').find((f) => f.check === 'arithmetic')?.message).toContain('80 enrolled − 20 lost = 60 completed');
    expect(about('bolton2019').find((f) => f.check === 'arithmetic')).toMatchObject({ severity: 'info' });
  });

  it('FINAL: p = 0.27 agrees with MD −0.34 (−0.95 to 0.27)', () => {
    expect(about('final2024', 'pain-nrs').find((f) => f.check === 'p-from-ci')).toMatchObject({ severity: 'info' });
  });

  it('the ledger shows the checks: claim C39 (Smith 2007 results) carries the GRIM errors', () => {
    const claim = getClaim('C39');
    expect(claim?.discrepancyIds).toContain('D4');
    const shown = claim === undefined ? [] : findingsForClaim(claim, findings);
    expect(shown.some((f) => f.check === 'grim' && f.severity === 'error' && f.message.includes('impossible with 17'))).toBe(true);
  });

  it('orders errors first and counts severities', () => {
    const order = findings.map((f) => ['error', 'warning', 'info'].indexOf(f.severity));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const c = countBySeverity(findings);
    expect(c.error + c.warning + c.info).toBe(findings.length);
    expect(c.error).toBeGreaterThan(0);
  });
});

describe('runner on a synthetic record with planted errors', () => {
  const c = (value: number, reported = String(value), extra: Record<string, unknown> = {}) => ({
    status: 'confirmed', value, reported, source: 'seed-review', where: 'abstract', ...extra,
  });
  const study = {
    id: 'planted',
    label: 'Planted 2099',
    sourceIds: ['seed-review'],
    seedMention: 'not_cited',
    design: 'parallel randomized trial',
    evidenceLevel: 'rct',
    conditions: ['endometriosis'],
    population: 'synthetic test record',
    flow: { randomized: c(40), completed: c(35), lost: [{ reason: 'dropped out', count: c(3) }] },
    arms: [
      { id: 'a', label: 'arm A', role: 'ldn', n: c(20), intervention: 'LDN' },
      { id: 'b', label: 'arm B', role: 'placebo', n: c(21), intervention: 'placebo' },
    ],
    outcomes: [
      {
        id: 'pain', name: 'pain', category: 'efficacy',
        comparisons: [{ arms: ['a', 'b'], test: { type: 't', df2: 28, value: c(1.2, '1.20') }, p: c(0.03, '.03') }],
      },
      {
        id: 'resp', name: 'response', category: 'efficacy',
        results: [{ arm: 'a', events: c(7), total: c(20), percent: c(30, '30') }, { arm: 'b', events: c(7), total: c(21) }],
      },
    ],
  };
  const base = buildEvidenceBase({ sources: SOURCES_FILES, studies: [{ file: 'data/studies/planted.json', data: study }], claims: [] });
  const found = runChecks(base);
  const of = (check: Finding['check']) => found.filter((f) => f.check === check);

  it('a t test whose p flips significance is a decision error (error)', () => {
    expect(of('statcheck')[0]).toMatchObject({ severity: 'error' });
    expect(of('statcheck')[0]?.message).toContain('decision error');
  });
  it('7/20 printed as 30% is an error', () => {
    expect(of('grim').find((f) => f.outcomeId === 'resp')?.message).toContain('7/20 is 35.00%, not 30%');
  });
  it('arms that do not add up, and enrolled − lost ≠ completed, are errors', () => {
    const msgs = of('arithmetic').filter((f) => f.severity === 'error').map((f) => f.message);
    expect(msgs.some((m) => m.includes('arms add up to 41, not the 40'))).toBe(true);
    expect(msgs.some((m) => m.includes('40 enrolled − 3 lost = 37, but 35 completed'))).toBe(true);
  });
  it('counts without a printed p get their p for context', () => {
    expect(of('p-from-counts')[0]?.message).toMatch(/7\/20 vs 7\/21, no p reported; computed Fisher/);
  });
});
