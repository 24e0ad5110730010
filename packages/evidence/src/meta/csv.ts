// A small, strict CSV reader for meta-analysis input (RFC 4180: quoted fields with "" escapes and embedded
// separators or newlines, CRLF or LF line ends, an optional UTF-8 byte-order mark), and the mapping from the
// documented column layouts to escalc input. No CSV parser existed in the repository. Every problem is an
// EvidenceInputError naming the data row (1 = first row after the header) and the column.
import { EvidenceInputError } from '../stats/errors.js';
import type { EscalcInput, Measure } from './types.js';

/** One field written as parseCsv reads it back: quoted, with "" for ", when it holds a comma, a quote or a line break. */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export interface CsvTable {
  header: string[];
  rows: string[][];
}

/** Parses CSV text; blank lines are skipped; every row must have as many cells as the header. */
export function parseCsv(text: string, separator = ','): CsvTable {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let inQuotes = false;
  let quotedField = false;
  let line = 1;
  let recordLine = 1;
  const endField = (): void => {
    record.push(quotedField ? field : field.trim());
    field = '';
    quotedField = false;
  };
  const endRecord = (): void => {
    endField();
    if (!(record.length === 1 && record[0] === '')) records.push(record);
    record = [];
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i] as string;
    if (inQuotes) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      inQuotes = true;
      quotedField = true;
      field = '';
    } else if (ch === separator) endField();
    else if (ch === '\r' && src[i + 1] === '\n') {
      // CRLF: handled at the \n
    } else if (ch === '\n' || ch === '\r') {
      endRecord();
      line++;
      recordLine = line;
    } else if (quotedField) {
      if (ch.trim() !== '') throw new EvidenceInputError(`unexpected text after a closing quote on line ${line}`, 'csv');
    } else field += ch;
  }
  if (inQuotes) throw new EvidenceInputError(`a quoted field that starts on line ${recordLine} is never closed`, 'csv');
  if (field !== '' || record.length > 0) endRecord();
  const header = records.shift();
  if (header === undefined) throw new EvidenceInputError('the file is empty (no header row)', 'csv');
  const seen = new Set<string>();
  header.forEach((h, j) => {
    if (h === '') throw new EvidenceInputError(`header cell ${j + 1} is empty`, 'csv');
    if (seen.has(h)) throw new EvidenceInputError(`column "${h}" appears twice in the header`, h);
    seen.add(h);
  });
  records.forEach((r, i) => {
    if (r.length !== header.length) {
      throw new EvidenceInputError(`has ${r.length} cells but the header has ${header.length}`, 'csv', i + 1);
    }
  });
  return { header, rows: records };
}

/** The documented column layouts. */
export const CSV_LAYOUTS = {
  binary: ['study', 'events_1', 'total_1', 'events_2', 'total_2'],
  continuous: ['study', 'mean_1', 'sd_1', 'n_1', 'mean_2', 'sd_2', 'n_2'],
  single: ['study', 'events', 'total'],
  generic: ['study', 'yi', 'vi'],
} as const;

/** escalc field name -> CSV column, for error messages. */
export const FIELD_TO_COLUMN: Record<string, string> = {
  events1: 'events_1',
  total1: 'total_1',
  events2: 'events_2',
  total2: 'total_2',
  mean1: 'mean_1',
  sd1: 'sd_1',
  n1: 'n_1',
  mean2: 'mean_2',
  sd2: 'sd_2',
  n2: 'n_2',
  events: 'events',
  total: 'total',
  yi: 'yi',
  vi: 'vi',
};

export function layoutFor(measure: Measure): keyof typeof CSV_LAYOUTS {
  if (measure === 'RR' || measure === 'OR' || measure === 'RD' || measure === 'PETO') return 'binary';
  if (measure === 'MD' || measure === 'SMD') return 'continuous';
  if (measure === 'PLO') return 'single';
  return 'generic';
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export interface MetaCsv {
  input: EscalcInput;
  /** study labels (row number when the cell is empty) */
  studies: string[];
  /** every column as text, by header name, for extra figure columns and subgroups */
  columns: Record<string, string[]>;
}

/** Reads the CSV layout that `measure` needs and returns escalc input. */
export function studiesFromCsv(text: string, measure: Measure): MetaCsv {
  const { header, rows } = parseCsv(text);
  const layout = CSV_LAYOUTS[layoutFor(measure)];
  const missing = layout.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new EvidenceInputError(
      `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; measure ${measure} needs ${layout.join(',')}`,
      missing[0] as string,
    );
  }
  if (rows.length === 0) throw new EvidenceInputError('the file has a header but no studies', 'k');
  const col = (name: string): number => header.indexOf(name);
  // no prototype: a column may be called __proto__ or constructor
  const columns = Object.create(null) as Record<string, string[]>;
  header.forEach((h, j) => (columns[h] = rows.map((r) => r[j] as string)));
  const studies = rows.map((r, i) => {
    const s = r[col('study')] as string;
    return s === '' ? `Study ${i + 1}` : s;
  });
  const num = (i: number, name: string): number => {
    const cell = (rows[i] as string[])[col(name)] as string;
    if (cell === '') throw new EvidenceInputError('the cell is empty', name, i + 1, studies[i]);
    if (!NUMBER.test(cell)) throw new EvidenceInputError(`"${cell}" is not a number`, name, i + 1, studies[i]);
    return Number(cell);
  };
  const idx = rows.map((_r, i) => i);
  let input: EscalcInput;
  if (measure === 'RR' || measure === 'OR' || measure === 'RD' || measure === 'PETO') {
    input = {
      measure,
      studies: idx.map((i) => ({
        study: studies[i] as string,
        events1: num(i, 'events_1'),
        total1: num(i, 'total_1'),
        events2: num(i, 'events_2'),
        total2: num(i, 'total_2'),
      })),
    };
  } else if (measure === 'MD' || measure === 'SMD') {
    input = {
      measure,
      studies: idx.map((i) => ({
        study: studies[i] as string,
        mean1: num(i, 'mean_1'),
        sd1: num(i, 'sd_1'),
        n1: num(i, 'n_1'),
        mean2: num(i, 'mean_2'),
        sd2: num(i, 'sd_2'),
        n2: num(i, 'n_2'),
      })),
    };
  } else if (measure === 'PLO') {
    input = { measure, studies: idx.map((i) => ({ study: studies[i] as string, events: num(i, 'events'), total: num(i, 'total') })) };
  } else {
    input = { measure: 'GEN', studies: idx.map((i) => ({ study: studies[i] as string, yi: num(i, 'yi'), vi: num(i, 'vi') })) };
  }
  return { input, studies, columns };
}
