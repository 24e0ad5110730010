// Validation of the shipped records. Expected values are typed
// in from reference/evidence.md, not read back from the records, so a wrong record fails here.
import { describe, expect, it } from 'vitest';
import { buildEvidenceBase, walkNumbers, type RawEvidenceFiles } from '../../src/data/load.js';
import { SOURCES_FILES, STUDIES_FILES, CLAIMS_FILES } from '../../src/data/files.generated.js';
import { countNumbers, getStudy, listStudies, loadEvidence } from '../../src/data/query.js';
import type { NumberValue, Study } from '../../src/schema/index.js';

const shipped: RawEvidenceFiles = { sources: SOURCES_FILES, studies: STUDIES_FILES, claims: CLAIMS_FILES };

describe('every shipped record validates', () => {
  it('loads without error', () => {
    expect(() => buildEvidenceBase(shipped)).not.toThrow();
  });

  it.each(STUDIES_FILES.map((f) => [f.file, f] as const))('%s is a valid study on its own', (_name, f) => {
    const base = buildEvidenceBase({ ...shipped, studies: [f], claims: [] });
    expect(base.studies).toHaveLength(1);
  });

  it('holds every study of evidence.md §1 and the requested extras', () => {
    const ids = new Set(loadEvidence().studies.map((s) => s.id));
    const required = [
      'smith2007', 'peds-case-2010', 'smith2011', 'smith2013', 'lie2018', 'dutch-ibd-2014', 'cochrane-cd010410',
      'ldn-crohn-protocol', 'agrawal2005', 'gironi2008', 'cree2010', 'turel2015', 'sharafaddinzadeh2010', 'ludwig2016',
      'berkson2006', 'berkson2009', 'berkson2007', 'bolton2019', 'towers-abstract141', 'towers-ajog', 'wachman2019',
      'younger2009', 'younger2013', 'bested2023', 'final2024', 'vatvani2024', 'parkitny2017', 'bruunplesner2020',
      'nct03970330', 'bihari1996',
    ];
    for (const id of required) expect(ids, id).toContain(id);
  });

  it('no derived number is a reconstruction', () => {
    for (const s of loadEvidence().studies) {
      walkNumbers(s, (n, path) => {
        if (n.status === 'derived') expect(n.method, `${s.id} ${path.join('.')}`).not.toMatch(/infer|assum|guess|probabl/i);
      });
    }
  });

  it('counts numbers by status', () => {
    const c = countNumbers();
    expect(c.confirmed).toBeGreaterThan(250);
    expect(c.derived).toBeGreaterThan(0);
    expect(c.not_found).toBeGreaterThan(20);
  });
});

function num(study: Study, pick: (s: Study) => NumberValue | undefined): NumberValue {
  const n = pick(study);
  if (n === undefined) throw new Error(`number missing in ${study.id}`);
  return n;
}

describe('records carry the values of reference/evidence.md with their status', () => {
  const get = (id: string): Study => {
    const s = getStudy(id);
    if (s === undefined) throw new Error(`no study ${id}`);
    return s;
  };
  const outcome = (s: Study, id: string) => {
    const o = s.outcomes.find((x) => x.id === id);
    if (o === undefined) throw new Error(`${s.id} has no outcome ${id}`);
    return o;
  };

  it('Smith 2011: 88% vs 40%, p = 0.009; placebo remission 8% (not the seed\'s 6%); per-arm denominators not found', () => {
    const s = get('smith2011');
    const o = outcome(s, 'clinical-response');
    expect(o.results.map((r) => r.percent?.status === 'confirmed' && r.percent.value)).toEqual([88, 40]);
    expect(o.comparisons[0]?.p).toMatchObject({ status: 'confirmed', value: 0.009, reported: '0.009', source: 'smith2011-dds' });
    expect(o.results.every((r) => r.total?.status === 'not_found')).toBe(true);
    const rem = outcome(s, 'endoscopic-remission').results.find((r) => r.arm === 'placebo');
    expect(rem?.percent).toMatchObject({ status: 'confirmed', value: 8 });
    expect(s.arms.map((a) => (a.n?.status === 'confirmed' ? a.n.value : null))).toEqual([20, 20]);
  });

  it('Lie 2018: 35/47 and 12/47 are derived with the method written out', () => {
    const s = get('lie2018');
    const improved = num(s, (x) => outcome(x, 'clinical-improvement').results[0]?.events);
    expect(improved).toMatchObject({ status: 'derived', value: 35 });
    expect(improved.status === 'derived' && improved.method).toContain('74.5% × 47');
    expect(num(s, (x) => outcome(x, 'remission').results[0]?.events)).toMatchObject({ status: 'derived', value: 12 });
  });

  it('Towers: NAS 10/119 vs 79/105, P < .0001, comparator kept', () => {
    const o = outcome(get('towers-ajog'), 'nas');
    expect(o.results.map((r) => [valueOf(r.events), valueOf(r.total)])).toEqual([[10, 119], [79, 105]]);
    expect(o.comparisons[0]?.p).toMatchObject({ status: 'confirmed', value: 0.0001, comparator: '<' });
  });

  it('not-found values stay absent: the 12.7 cm node, the pediatric dose, Turel percentages', () => {
    expect(num(get('berkson2007'), (x) => outcome(x, 'max-node-size').results[0]?.value)).toEqual({
      status: 'not_found', unit: 'cm', claimedElsewhere: 'seed: 12.7 cm',
    });
    expect(get('peds-case-2010').arms[0]?.dose?.perDay?.status).toBe('not_found');
    expect(num(get('turel2015'), (x) => outcome(x, 'insomnia').results[0]?.percent).status).toBe('not_found');
  });

  it('indirectness is flagged for the pregnancy data (50 mg in opioid use disorder)', () => {
    for (const id of ['towers-abstract141', 'towers-ajog', 'wachman2019']) {
      const domains = get(id).indirectness.map((i) => i.domain);
      expect(domains, id).toEqual(expect.arrayContaining(['population', 'dose', 'design']));
    }
  });

  it('evidence levels follow the notes', () => {
    expect(get('agrawal2005').evidenceLevel).toBe('hypothesis_paper');
    expect(get('cree2010').evidenceLevel).toBe('crossover_rct');
    expect(get('bihari1996').evidenceLevel).toBe('unpublished_report');
    expect(get('nct03970330').evidenceLevel).toBe('registry_record');
    expect(get('towers-abstract141').evidenceLevel).toBe('conference_abstract');
  });

  it('lists studies by condition (ids and aliases)', () => {
    const crohn = listStudies({ condition: 'crohn' }).map((s) => s.id);
    expect(crohn).toEqual(expect.arrayContaining(['smith2007', 'smith2011', 'lie2018']));
    expect(crohn).not.toContain('cree2010');
    expect(listStudies({ condition: 'endometriosis' }).map((s) => s.id)).toEqual(['nct03970330']);
    expect(() => listStudies({ condition: 'gout' })).toThrow(/unknown condition "gout"/);
  });
});

function valueOf(n: NumberValue | undefined): number | null {
  return n === undefined || n.status === 'not_found' ? null : n.value;
}

