// Why this module exists: a confirmed number points at a source id, and the source record is where
// a reader goes to check it: identifiers (PMID, DOI, registry id), the URLs of the stored copies that
// were actually read, and what kind of document it is (a forum post is not a journal article).
import { z } from 'zod';
import { IdSchema } from './number.js';

export const SOURCE_KINDS = [
  'journal_article',
  'conference_abstract',
  'registry_record',
  'systematic_review',
  'trial_protocol',
  'drug_label',
  'web_page',
  'secondary_summary',
  'forum_post',
  'narrative_review',
] as const;
export const SourceKindSchema = z.enum(SOURCE_KINDS);
export type SourceKind = z.infer<typeof SourceKindSchema>;

/** How far the bibliographic identity of the source was confirmed in the stored copies. */
export const IDENTIFICATION = ['confirmed', 'partial', 'inferred'] as const;

export const SourceSchema = z.strictObject({
  id: IdSchema,
  kind: SourceKindSchema,
  /** Citation as far as it was confirmed; unconfirmed parts are left out, not guessed. */
  citation: z.string().min(5),
  title: z.string().min(3).optional(),
  /** Bibliographic year; absent when the stored copies did not show it. */
  year: z.number().int().min(1900).max(2100).optional(),
  pmid: z.string().regex(/^\d{6,9}$/).optional(),
  pmcid: z.string().regex(/^PMC\d+$/).optional(),
  doi: z.string().regex(/^10\.\d{4,9}\/\S+$/).optional(),
  registryIds: z.array(z.string().min(3)).optional(),
  /** Stored copies that were read (scheme optional, as in the research notes). */
  urls: z.array(z.string().min(4)).default([]),
  identification: z.enum(IDENTIFICATION),
  /** The seed review's in-text citation numbers that map to this source, if any. */
  seedRefs: z.array(z.number().int().min(1).max(41)).default([]),
  note: z.string().min(1).optional(),
});
export type Source = z.infer<typeof SourceSchema>;

export const SourcesFileSchema = z.array(SourceSchema).min(1);
