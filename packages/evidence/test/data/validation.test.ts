// The loader must reject a bad record with the file and the field path, so that whoever edits the
// JSON by hand is told exactly what to fix. Each test breaks one field of a shipped record.
import { describe, expect, it } from 'vitest';
import { buildEvidenceBase, EvidenceValidationError, type RawEvidenceFiles } from '../../src/data/load.js';
import { SOURCES_FILES, STUDIES_FILES, CLAIMS_FILES } from '../../src/data/files.generated.js';

const shipped: RawEvidenceFiles = { sources: SOURCES_FILES, studies: STUDIES_FILES, claims: CLAIMS_FILES };

function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

function smith2007Raw(): Record<string, unknown> {
  const f = STUDIES_FILES.find((x) => x.file === 'data/studies/smith2007.json');
  if (f === undefined) throw new Error('smith2007.json is not bundled');
  return clone(f.data) as Record<string, unknown>;
}

function withBadStudy(data: unknown, file = 'data/studies/smith2007.json'): RawEvidenceFiles {
  return { ...shipped, studies: [...STUDIES_FILES.filter((f) => f.file !== file), { file, data }] };
}

function errorOf(fn: () => unknown): EvidenceValidationError {
  try {
    fn();
  } catch (e) {
    if (e instanceof EvidenceValidationError) return e;
    throw e;
  }
  throw new Error('expected an EvidenceValidationError');
}

describe('invalid records fail with the file and the field path', () => {
  it('an unknown number status names file and path', () => {
    const bad = smith2007Raw();
    ((bad.arms as Record<string, unknown>[])[0]!.n as Record<string, unknown>).status = 'guessed';
    const err = errorOf(() => buildEvidenceBase(withBadStudy(bad)));
    expect(err.message).toContain('data/studies/smith2007.json: arms[0].n.status');
    expect(err.issues[0]).toMatchObject({ file: 'data/studies/smith2007.json', path: 'arms[0].n.status' });
  });

  it('a value that differs from its printed form is rejected', () => {
    const bad = smith2007Raw();
    const n = (bad.flow as Record<string, Record<string, unknown>>).enrolled!;
    n.value = 18; // printed "17"
    const err = errorOf(() => buildEvidenceBase(withBadStudy(bad)));
    expect(err.message).toMatch(/data\/studies\/smith2007\.json: flow\.enrolled\.value: value must equal the printed number/);
  });

  it('a not_found number may not carry a value', () => {
    const bad = smith2007Raw();
    const res = ((bad.outcomes as Record<string, unknown>[])[2]!.results as Record<string, Record<string, unknown>>[])[0]!;
    res.events = { status: 'not_found', value: 15 };
    const err = errorOf(() => buildEvidenceBase(withBadStudy(bad)));
    expect(err.issues.some((i) => i.path === 'outcomes[2].results[0].events' && /value/.test(i.message))).toBe(true);
  });

  it('a source that does not exist, or is not listed by the study, is named', () => {
    const bad = smith2007Raw();
    ((bad.flow as Record<string, Record<string, unknown>>).enrolled!).source = 'nobody2099';
    const err = errorOf(() => buildEvidenceBase(withBadStudy(bad)));
    expect(err.message).toContain('data/studies/smith2007.json: flow.enrolled.source: unknown source "nobody2099"');

    const bad2 = smith2007Raw();
    ((bad2.flow as Record<string, Record<string, unknown>>).enrolled!).source = 'lie2018-jtm';
    const err2 = errorOf(() => buildEvidenceBase(withBadStudy(bad2)));
    expect(err2.message).toContain('source "lie2018-jtm" is not listed in this study\'s sourceIds');
  });

  it('a result for an arm the study does not have is named with the arms it has', () => {
    const bad = smith2007Raw();
    ((bad.outcomes as Record<string, unknown>[])[0]!.results as Record<string, unknown>[])[0]!.arm = 'placebo';
    const err = errorOf(() => buildEvidenceBase(withBadStudy(bad)));
    expect(err.message).toContain('outcomes[0].results[0].arm: unknown arm "placebo"; arms of this study: ldn');
  });

  it('a dose without a unit is rejected', () => {
    const bad = smith2007Raw();
    const dose = (bad.arms as Record<string, Record<string, Record<string, unknown>>>[])[0]!.dose!;
    delete dose.perDay!.unit;
    const err = errorOf(() => buildEvidenceBase(withBadStudy(bad)));
    expect(err.message).toContain('arms[0].dose.perDay.unit: dose unit must be one of: mg/day, mg/kg/day');
  });

  it('a study file whose id differs from its name is rejected', () => {
    const bad = smith2007Raw();
    const err = errorOf(() => buildEvidenceBase(withBadStudy(bad, 'data/studies/other.json')));
    expect(err.message).toContain('data/studies/other.json: id: study id "smith2007" must equal the file name "other"');
  });
});
