// The "add a study" form as data: ids from labels (Ukrainian labels by the national
// transliteration, with the resolution's own examples), a filled form becoming a record that the
// server's validation accepts against the shipped base (numbers confirmed, as printed, decimal comma
// read as a point), and each kind of mistake named by the form field it belongs to.
import { describe, expect, it } from 'vitest';
import { loadEvidence, validateAdditions } from '@ldn/evidence';
import { buildStudy, emptyOutcome, emptyStudyForm, idFromLabel, studyField, type StudyForm } from '../src/evidence/study-form.js';

describe('ids from labels', () => {
  it.each([
    ['Doe 2025', 'doe2025'],
    ['Smith et al. 2007', 'smithetal2007'],
    ['Müller-Lüdenscheidt 2019', 'muller-ludenscheidt2019'],
    // examples printed in Cabinet of Ministers of Ukraine resolution No. 55 (2010)
    ['Згорани', 'zghorany'],
    ['Розгон', 'rozghon'],
    ['Єнакієве', 'yenakiieve'],
    ['Їжакевич', 'yizhakevych'],
    ['Йосипівка', 'yosypivka'],
    ['Стрий', 'stryi'],
    ['Юрій', 'yurii'],
    ['Яготин', 'yahotyn'],
    ['Щербухи', 'shcherbukhy'],
    ['Іваненко 2024', 'ivanenko2024'],
  ])('%s → %s', (label, id) => expect(idFromLabel(label)).toBe(id));

  it('gives nothing when no letter or digit is left', () => {
    expect(idFromLabel('—')).toBe('');
    expect(idFromLabel('')).toBe('');
  });
});

function filled(): StudyForm {
  const f = emptyStudyForm();
  f.label = 'Іваненко 2025';
  f.design = 'randomised, double-blind, placebo-controlled';
  f.evidenceLevel = 'rct';
  f.conditions = ['endometriosis'];
  f.population = 'women 18–45 with laparoscopically confirmed endometriosis';
  f.registryIds = 'NCT00000001';
  f.duration = '12';
  f.durationUnit = 'weeks';
  f.source = { ...f.source, citation: 'Ivanenko O, et al. LDN in endometriosis. Test J. 2025;1:1-9.', year: '2025', pmid: '12345678', doi: 'https://doi.org/10.1000/test.1', url: 'https://example.org/paper' };
  f.where = 'table';
  f.locator = 'Table 2';
  f.enrolled = '60';
  f.randomized = '60';
  f.arms = [
    { label: 'LDN 4.5 mg', role: 'ldn', n: '30', intervention: 'naltrexone 4.5 mg at bedtime', dose: '4,5', timing: 'at bedtime' },
    { label: 'placebo', role: 'placebo', n: '30', intervention: 'identical placebo capsule', dose: '', timing: '' },
  ];
  const o = emptyOutcome(2);
  o.name = 'pain response (≥30 % less pain)';
  o.primary = true;
  o.timepoint = '12 weeks';
  o.cells = [
    { events: '18', total: '30', mean: '', sd: '', n: '' },
    { events: '9', total: '30', mean: '', sd: '', n: '' },
  ];
  o.p = '0.02';
  const c = emptyOutcome(2);
  c.name = 'pain score (VAS)';
  c.kind = 'continuous';
  c.unit = 'mm';
  c.cells = [
    { events: '', total: '', mean: '38,50', sd: '12.1', n: '30' },
    { events: '', total: '', mean: '51.2', sd: '14', n: '29' },
  ];
  c.p = '0.001';
  c.pComparator = '<';
  f.outcomes = [o, c];
  f.indirectness = [{ domain: 'population', reason: 'single centre; Ukrainian tertiary clinic only' }];
  f.notes = 'first note\n\nsecond note';
  return f;
}

describe('a filled form becomes a record', () => {
  it('that the server accepts against the shipped base, with every number confirmed as printed', () => {
    const r = buildStudy(filled());
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.studyId).toBe('ivanenko2025');
    expect(r.sourceId).toBe('ivanenko2025-src');
    const v = validateAdditions(loadEvidence(), { sources: r.body.sources, studies: [r.body.study] });
    if (!v.ok) throw new Error(JSON.stringify(v.issues));
    const study = v.value.studies[0]!;
    expect(study.sourceIds).toEqual(['ivanenko2025-src']);
    expect(study.arms.map((a) => a.id)).toEqual(['ldn45mg', 'placebo']);
    expect(study.arms[0]!.dose?.perDay).toEqual({ status: 'confirmed', value: 4.5, reported: '4.5', unit: 'mg/day', source: 'ivanenko2025-src', where: 'table', locator: 'Table 2' });
    expect(study.arms[1]!.dose).toBeUndefined();
    expect(study.flow.enrolled).toMatchObject({ value: 60, reported: '60', unit: 'participants' });
    expect(study.flow.completed).toBeUndefined();
    const [resp, vas] = study.outcomes;
    expect(resp!.results.map((x) => [x.arm, x.events?.status === 'confirmed' ? x.events.value : null, x.total?.status === 'confirmed' ? x.total.value : null])).toEqual([
      ['ldn45mg', 18, 30],
      ['placebo', 9, 30],
    ]);
    expect(resp!.primary).toBe(true);
    expect(resp!.comparisons[0]).toMatchObject({ arms: ['ldn45mg', 'placebo'], p: { value: 0.02, reported: '0.02' } });
    // trailing zeros survive (GRIM and statcheck need the printed decimals)
    expect(vas!.results[0]!.mean).toMatchObject({ value: 38.5, reported: '38.50', unit: 'mm' });
    expect(vas!.results[1]!.total).toMatchObject({ value: 29 });
    expect(vas!.comparisons[0]!.p).toMatchObject({ value: 0.001, comparator: '<' });
    expect(study.duration).toMatchObject({ value: 12, unit: 'weeks' });
    expect(study.registryIds).toEqual(['NCT00000001']);
    expect(study.notes).toEqual(['first note', 'second note']);
    const source = v.value.sources[0]!;
    expect(source).toMatchObject({ id: 'ivanenko2025-src', year: 2025, pmid: '12345678', doi: '10.1000/test.1', urls: ['https://example.org/paper'], registryIds: ['NCT00000001'] });
  });

  it('citing a source already in the base', () => {
    const f = filled();
    f.source = { ...f.source, mode: 'existing', existingId: 'smith2007-ajg' };
    const r = buildStudy(f);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.body.sources).toEqual([]);
    expect(validateAdditions(loadEvidence(), { studies: [r.body.study] }).ok).toBe(true);
  });
});

describe('mistakes are named by their form field', () => {
  const problemsOf = (edit: (f: StudyForm) => void) => {
    const f = filled();
    edit(f);
    const r = buildStudy(f);
    return r.ok ? [] : r.problems.map((p) => [p.field, p.code]);
  };

  it.each<[string, (f: StudyForm) => void, string, string]>([
    ['no label', (f) => (f.label = ''), 'label', 'labelRequired'],
    ['a label without letters or digits', (f) => (f.label = '— —'), 'id', 'idFromLabel'],
    ['a typed id that is not an id', (f) => (f.id = 'Doe 2025'), 'id', 'idPattern'],
    ['a count that is not printed as a number', (f) => (f.arms[0]!.n = 'thirty'), 'arms.0.n', 'notPrinted'],
    ['a fractional count', (f) => (f.enrolled = '60.5'), 'enrolled', 'notCount'],
    ['more events than participants', (f) => (f.outcomes[0]!.cells[1]!.events = '31'), 'outcomes.0.cells.1.events', 'eventsOverTotal'],
    ['a p-value above 1', (f) => (f.outcomes[0]!.p = '1.5'), 'outcomes.0.p', 'above'],
    ['a negative SD', (f) => (f.outcomes[1]!.cells[0]!.sd = '-2'), 'outcomes.1.cells.0.sd', 'below'],
    ['an arm without label', (f) => (f.arms[1]!.label = ' '), 'arms.1.label', 'armLabel'],
    ['an arm without intervention', (f) => (f.arms[1]!.intervention = ''), 'arms.1.intervention', 'armIntervention'],
    ['an outcome without name', (f) => (f.outcomes[1]!.name = ''), 'outcomes.1.name', 'outcomeName'],
    ['no condition', (f) => (f.conditions = []), 'conditions', 'conditions'],
    ['no design', (f) => (f.design = ''), 'design', 'required'],
    ['a short citation', (f) => (f.source.citation = 'Doe'), 'source.citation', 'required'],
    ['a PMID with letters', (f) => (f.source.pmid = 'PMID123'), 'source.pmid', 'pmid'],
    ['a year that is not one', (f) => (f.source.year = '25'), 'source.year', 'year'],
    ['an existing source left blank', (f) => (f.source = { ...f.source, mode: 'existing', existingId: '' }), 'source.existingId', 'sourceExisting'],
    ['a short indirectness reason', (f) => (f.indirectness[0]!.reason = 'small'), 'indirectness.0.reason', 'reasonShort'],
    ['no arms', (f) => ((f.arms = []), (f.outcomes = [])), 'arms', 'noArms'],
  ])('%s', (_what, edit, field, code) => {
    expect(problemsOf(edit)).toContainEqual([field, code]);
  });

  it('keeps a draft record for the JSON editor even when there are problems', () => {
    const f = filled();
    f.design = '';
    const r = buildStudy(f);
    expect(r.ok).toBe(false);
    expect(r.body.study.label).toBe('Іваненко 2025');
    expect(r.body.sources).toHaveLength(1);
  });

  it('maps record paths (as the server names them) to form fields', () => {
    expect(studyField(['arms', 1, 'n', 'value'])).toBe('arms.1.n');
    expect(studyField(['arms', 0, 'dose', 'perDay', 'unit'])).toBe('arms.0.dose');
    expect(studyField(['outcomes', 2, 'results', 1, 'total', 'value'])).toBe('outcomes.2.cells.1.total');
    expect(studyField(['outcomes', 0, 'comparisons', 0, 'p', 'reported'])).toBe('outcomes.0.p');
    expect(studyField(['flow', 'enrolled', 'value'])).toBe('enrolled');
    expect(studyField(['sourceIds', 0])).toBe('source.existingId');
    expect(studyField(['id'])).toBe('id');
  });
});
