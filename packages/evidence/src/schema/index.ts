// Why this module exists: one import point for the record schemas, and their JSON Schema form so
// that people editing data/*.json in an editor (or tools outside TypeScript) get the same rules.
// data/schema/*.json is generated from here by test/data/gen-json-schema.ts and a test fails when
// the committed files are stale.
import { z } from 'zod';
import { NumberValueSchema } from './number.js';
import { SourcesFileSchema } from './source.js';
import { StudySchema } from './study.js';
import { ClaimsFileSchema } from './claim.js';

export * from './number.js';
export * from './source.js';
export * from './study.js';
export * from './claim.js';

/** The file formats under data/: a study per file, sources and claims as arrays per topic. */
export const FILE_SCHEMAS = {
  number: NumberValueSchema,
  study: StudySchema,
  sources: SourcesFileSchema,
  claims: ClaimsFileSchema,
} as const;
export type FileSchemaName = keyof typeof FILE_SCHEMAS;

/** JSON Schema (draft 2020-12) of each file format, as pretty-printed text ending in a newline. */
export function jsonSchemaTexts(): Record<FileSchemaName, string> {
  const out = {} as Record<FileSchemaName, string>;
  for (const name of Object.keys(FILE_SCHEMAS) as FileSchemaName[]) {
    // io: 'input' describes what a file may contain (fields with defaults are optional there).
    const schema = z.toJSONSchema(FILE_SCHEMAS[name], { io: 'input', unrepresentable: 'any' });
    out[name] = `${JSON.stringify({ ...schema, title: `LDN Workbench evidence: ${name}` }, null, 2)}\n`;
  }
  return out;
}
