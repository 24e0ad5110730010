// Typed input errors for the statistics and meta-analysis code. Bad data must be reported in terms the
// user can act on: which row (study) and which field, never a NaN deep inside a model. The CLI maps these
// to exit code 2 and a message naming the CSV row and column.

export class EvidenceInputError extends Error {
  /** 1-based row (study) number in the caller's data, or null when the error is not about one row. */
  readonly row: number | null;
  /** Study label of that row, when known. */
  readonly study: string | undefined;
  /** Name of the offending field (e.g. "events1", "vi"), or "k" for too few studies. */
  readonly field: string;
  /** The problem itself, without the row/field prefix (for callers that name fields differently). */
  readonly detail: string;

  constructor(message: string, field: string, row: number | null = null, study?: string) {
    const where = row === null ? '' : `row ${row}${study !== undefined && study !== '' ? ` (${study})` : ''}, `;
    super(`${where}${field}: ${message}`);
    this.name = 'EvidenceInputError';
    this.row = row;
    this.study = study;
    this.field = field;
    this.detail = message;
  }
}

/** Throws unless `value` is a finite number. */
export function requireFinite(value: number, field: string, row: number | null = null, study?: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new EvidenceInputError(`${String(value)} is not a finite number`, field, row, study);
  }
}

/** Throws unless `value` is a non-negative integer count. */
export function requireCount(value: number, field: string, row: number | null = null, study?: string): void {
  requireFinite(value, field, row, study);
  if (value < 0) throw new EvidenceInputError(`${value} is negative; counts must be >= 0`, field, row, study);
  if (!Number.isInteger(value)) throw new EvidenceInputError(`${value} is not a whole number`, field, row, study);
}

/** Throws unless `value` is a positive finite number. */
export function requirePositive(value: number, field: string, row: number | null = null, study?: string): void {
  requireFinite(value, field, row, study);
  if (value <= 0) throw new EvidenceInputError(`${value} must be > 0`, field, row, study);
}

/** Throws unless 0 < level < 1. */
export function requireLevel(level: number): void {
  if (!(level > 0 && level < 1)) throw new EvidenceInputError(`${level} must lie strictly between 0 and 1`, 'level');
}
