// Why this module exists: the evidence base's one rule is that no number travels without its
// provenance. Every clinical or pharmacological number in a record is an object with a status:
//   confirmed  – seen in a stored copy of a source (which source, and where in it: abstract, table, registry…)
//   derived    – computed here from confirmed numbers, with the method written out ("74.5% × 47 = 35.0")
//   not_found  – searched for and not found; the value is absent, never guessed
// Reconstructions ("inference" in the research notes) have no status here on purpose: they cannot be loaded.
import { z } from 'zod';

/** Ids of sources, studies, arms and outcomes: lower-case words joined by hyphens. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const IdSchema = z.string().regex(ID_PATTERN, 'ids are lower-case letters, digits and single hyphens');

/** Where in a source a confirmed number was seen. */
export const WHERE = [
  'abstract',
  'full_text',
  'table',
  'figure',
  'registry',
  'label',
  'publisher_page',
  'secondary_summary',
] as const;
export const WhereSchema = z.enum(WHERE);
export type Where = z.infer<typeof WhereSchema>;

export const NUMBER_STATUSES = ['confirmed', 'derived', 'not_found'] as const;
export type NumberStatus = (typeof NUMBER_STATUSES)[number];

/** A printed number: optional sign, digits, optional decimals (trailing zeros matter for GRIM and statcheck). */
export const REPORTED_PATTERN = /^-?(?:\d+(?:\.\d+)?|\.\d+)(?:e-?\d+)?$/;

/** Comparison printed with the number, e.g. "P < 0.001" → comparator "<". */
export const ComparatorSchema = z.enum(['=', '<', '>', '≤', '≥']);
export type Comparator = z.infer<typeof ComparatorSchema>;

const common = {
  unit: z.string().min(1).optional(),
  note: z.string().min(1).optional(),
};

export const ConfirmedNumberSchema = z
  .strictObject({
    status: z.literal('confirmed'),
    value: z.number(),
    /** The number exactly as printed in the source (without unit or % sign), so its decimals survive. */
    reported: z.string().regex(REPORTED_PATTERN, 'reported must be a plain printed number such as "0.009" or "74.5"'),
    comparator: ComparatorSchema.optional(),
    source: IdSchema,
    where: WhereSchema,
    /** Finer location: "Table 2", "results section", "CT.gov participant flow". */
    locator: z.string().min(1).optional(),
    ...common,
  })
  .refine((v) => Number(v.reported) === v.value, {
    message: 'value must equal the printed number in "reported"',
    path: ['value'],
  });

export const DerivedNumberSchema = z.strictObject({
  status: z.literal('derived'),
  value: z.number(),
  /** The computation, written so that a reader can redo it: "74.5% × 47 = 35.0 → 35". */
  method: z.string().min(5),
  ...common,
});

export const NotFoundNumberSchema = z.strictObject({
  status: z.literal('not_found'),
  /** What the seed review (or a secondary source) claims for this number, kept only as text. */
  claimedElsewhere: z.string().min(1).optional(),
  ...common,
});

export const NumberValueSchema = z.discriminatedUnion('status', [
  ConfirmedNumberSchema,
  DerivedNumberSchema,
  NotFoundNumberSchema,
]);

export type ConfirmedNumber = z.infer<typeof ConfirmedNumberSchema>;
export type DerivedNumber = z.infer<typeof DerivedNumberSchema>;
export type NotFoundNumber = z.infer<typeof NotFoundNumberSchema>;
export type NumberValue = z.infer<typeof NumberValueSchema>;

/** The numeric value of a number that has one (confirmed or derived); undefined when not found. */
export function valueOf(n: NumberValue | undefined): number | undefined {
  return n === undefined || n.status === 'not_found' ? undefined : n.value;
}

/** True when `x` looks like a NumberValue (used by walkers that count numbers by status). */
export function isNumberValue(x: unknown): x is NumberValue {
  if (typeof x !== 'object' || x === null) return false;
  const s = (x as { status?: unknown }).status;
  return s === 'confirmed' || s === 'derived' || s === 'not_found';
}
