// Build step: every evidence record file on disk is validated by the schemas before anything is
// compiled, so an invalid record fails `npm run build` (and `npm install`) naming the file and the
// field; and the bundled list of record files must match the files on disk (regenerate with
// `npx tsx packages/evidence/test/data/generate.ts`).
import { readFileSync } from 'node:fs';
import { buildEvidenceBase, EvidenceValidationError, formatIssue } from '../packages/evidence/src/index.js';
import type { RECORD_DIRS } from '../packages/evidence/test/data/generate.js';
import { expectedGeneratedFiles, PKG, readIfExists, recordFiles } from '../packages/evidence/test/data/generate.js';

function read(dir: (typeof RECORD_DIRS)[number]) {
  return recordFiles(dir).map((file) => {
    try {
      return { file, data: JSON.parse(readFileSync(`${PKG}${file}`, 'utf8')) as unknown };
    } catch (e) {
      console.error(`evidence: ${file}: not valid JSON: ${(e as Error).message}`);
      process.exit(1);
    }
  });
}
const files = { sources: read('sources'), studies: read('studies'), claims: read('claims') };

try {
  const base = buildEvidenceBase(files);
  const stale = [...expectedGeneratedFiles()].filter(([path, text]) => readIfExists(path) !== text).map(([path]) => path.replace(PKG, 'packages/evidence/'));
  if (stale.length) {
    console.error(`evidence: generated files out of date: ${stale.join(', ')}; run npx tsx packages/evidence/test/data/generate.ts`);
    process.exit(1);
  }
  console.log(`evidence: ${base.studies.length} studies, ${base.claims.length} claims and ${base.sources.size} sources are valid`);
} catch (e) {
  if (e instanceof EvidenceValidationError) {
    console.error('evidence: invalid records:');
    for (const i of e.issues) console.error(`  ${formatIssue(i)}`);
    process.exit(1);
  }
  throw e;
}
