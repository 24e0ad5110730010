// The claims ledger: coverage (D1–D13 of evidence.md §1.8, the pharmacology.md §0 verdicts),
// verbatim Ukrainian quotes, and filters. Expected verdicts are typed in from the reference notes.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { countVerdicts, getClaim, listClaims, loadEvidence } from '../../src/data/query.js';
import { PHARMACOLOGY_CHECKS, TOPICS, VERDICTS, type Claim } from '../../src/schema/index.js';

const claims = loadEvidence().claims;
const byDiscrepancy = (d: string): Claim[] => claims.filter((c) => c.discrepancyIds.includes(d));

describe('claims ledger coverage', () => {
  it('has at least 40 claims with consecutive ids C01…', () => {
    expect(claims.length).toBeGreaterThanOrEqual(40);
    const ids = listClaims().map((c) => c.id);
    expect(ids).toEqual(ids.map((_, i) => `C${String(i + 1).padStart(2, '0')}`));
  });

  it('covers every topic the brief names', () => {
    const topics = new Set(claims.map((c) => c.topic));
    for (const t of ['pharmacology', 'mechanism', 'history', 'crohns-disease', 'multiple-sclerosis', 'cancer', 'safety', 'sleep', 'pregnancy']) {
      expect(topics, t).toContain(t);
    }
  });

  it('carries each discrepancy D1–D13 of evidence.md §1.8', () => {
    for (let i = 1; i <= 13; i++) expect(byDiscrepancy(`D${i}`).length, `D${i}`).toBeGreaterThan(0);
  });

  it('gives the discrepancies the verdicts the notes imply', () => {
    const verdictsOf = (d: string) => byDiscrepancy(d).map((c) => c.verdict);
    expect(verdictsOf('D1')).toEqual(['differs']); // 6% vs 8%
    expect(verdictsOf('D5')).toEqual(['differs']); // 6 vs 12 of 47
    expect(verdictsOf('D7')).toEqual(['differs']); // hypothesis paper as results
    expect(verdictsOf('D8')).toEqual(['differs']); // 80 enrolled, 60 completed, crossover
    expect(verdictsOf('D9')).toEqual(['differs']); // 2009, not 2010
    expect(verdictsOf('D13')).toEqual(['unsupported']); // morning dosing
    expect(verdictsOf('D12')).toEqual(['not_checkable', 'not_checkable']);
    expect(verdictsOf('D10')).toContain('not_checkable'); // 12.7 cm
  });

  it('carries the pharmacology.md §0 verdicts', () => {
    const expected: Record<(typeof PHARMACOLOGY_CHECKS)[number], Claim['verdict']> = {
      'ntx-half-life': 'supported', // 6 h inside 2.7–10.9 h
      '6bn-half-life': 'supported', // 13 h on the label
      'endorphin-half-life': 'contradicted', // measured 37 min
      'endorphin-circadian': 'contradicted', // trough 22:00–03:30
      'endorphin-300-percent': 'unsupported', // no primary data
      tlr4: 'differs', // IC50 105 µM vs 3.5 nM
    };
    for (const check of PHARMACOLOGY_CHECKS) {
      const c = claims.filter((x) => x.pharmacologyCheck === check);
      expect(c.map((x) => x.verdict), check).toEqual([expected[check]]);
      expect(c[0]?.referenceVerdict, check).toBeDefined();
    }
  });

  it('explains with numbers: the D1 claim names both 6% and 8%', () => {
    const d1 = byDiscrepancy('D1')[0];
    expect(d1?.explanation).toMatch(/8%/);
    expect(d1?.seedValues.find((v) => v.label.includes('placebo'))?.value).toBe(6);
  });

  it('every verdict other than not_checkable names a source, and every claim has an English translation', () => {
    for (const c of claims) {
      if (c.verdict !== 'not_checkable') expect(c.sourceIds.length, c.id).toBeGreaterThan(0);
      expect(c.text.en.length, c.id).toBeGreaterThan(10);
      expect(c.text.en, c.id).not.toMatch(/[а-яіїєґ]/i);
    }
  });
});

const SEED = fileURLToPath(new URL('../../../../../shared/seed/000_5d758c2fa6c39eb6.txt', import.meta.url));

describe('Ukrainian claim texts are verbatim quotes of the seed', () => {
  // Only hyphenation line-breaks were fixed, so comparing with hyphens and whitespace removed must match.
  const squash = (s: string) => s.replace(/[-\s\u00ad]/g, '');
  it.skipIf(!existsSync(SEED))('each quote occurs in the seed', () => {
    const seed = squash(readFileSync(SEED, 'utf8'));
    for (const c of claims) expect(seed.includes(squash(c.text.uk)), `${c.id}: ${c.text.uk.slice(0, 60)}`).toBe(true);
  });

  it('quotes keep no hyphenation line-breaks', () => {
    for (const c of claims) expect(c.text.uk, c.id).not.toMatch(/-\n|\n/);
  });
});

describe('claim queries', () => {
  it('filters by verdict and topic', () => {
    const contradicted = listClaims({ verdict: 'contradicted' });
    expect(contradicted.length).toBeGreaterThan(0);
    expect(contradicted.every((c) => c.verdict === 'contradicted')).toBe(true);
    const sleep = listClaims({ topic: 'sleep' });
    expect(sleep.every((c) => c.topic === 'sleep')).toBe(true);
    expect(listClaims({ verdict: 'supported', topic: 'crohns-disease' }).every((c) => c.verdict === 'supported' && c.topic === 'crohns-disease')).toBe(true);
  });

  it('counts verdicts over the closed list', () => {
    const counts = countVerdicts();
    expect(Object.keys(counts)).toEqual([...VERDICTS]);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(claims.length);
    expect(TOPICS).toContain(getClaim('C01')?.topic);
  });
});
