// The generated files (JSON Schema, bundled record imports) must match what the generator produces
// from the current schemas and data/ directory, so nobody ships a stale schema or forgets a record.
import { describe, expect, it } from 'vitest';
import { expectedGeneratedFiles, readIfExists, recordFiles, PKG } from './generate.js';
import { SOURCES_FILES, STUDIES_FILES, CLAIMS_FILES } from '../../src/data/files.generated.js';
import { EVIDENCE_LEVELS, VERDICTS } from '../../src/schema/index.js';

describe('generated files are up to date (run: npx tsx packages/evidence/test/data/generate.ts)', () => {
  for (const [path, text] of expectedGeneratedFiles()) {
    it(path.slice(PKG.length), () => {
      expect(readIfExists(path), `${path.slice(PKG.length)} is stale or missing`).toBe(text);
    });
  }

  it('every record file on disk is bundled, and nothing else', () => {
    expect(SOURCES_FILES.map((f) => f.file)).toEqual(recordFiles('sources'));
    expect(STUDIES_FILES.map((f) => f.file)).toEqual(recordFiles('studies'));
    expect(CLAIMS_FILES.map((f) => f.file)).toEqual(recordFiles('claims'));
  });

  it('the JSON Schema carries the closed lists of the TypeScript schema', () => {
    const study = JSON.parse(readIfExists(`${PKG}data/schema/study.schema.json`) ?? '{}') as {
      properties: { evidenceLevel: { enum: string[] } };
    };
    expect(study.properties.evidenceLevel.enum).toEqual([...EVIDENCE_LEVELS]);
    const claims = JSON.stringify(JSON.parse(readIfExists(`${PKG}data/schema/claims.schema.json`) ?? '{}'));
    for (const v of VERDICTS) expect(claims).toContain(`"${v}"`);
  });
});
