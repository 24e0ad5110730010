// The CSV reader used by `ldn meta`: quoting, CRLF, BOM, and errors that name the row and column.
import { describe, expect, it } from 'vitest';
import { csvField, EvidenceInputError, parseCsv, studiesFromCsv } from '../../src/index.js';

describe('parseCsv', () => {
  it('handles a BOM, CRLF, quoted fields with commas, escaped quotes and newlines, and blank lines', () => {
    const text = '\uFEFFstudy,note\r\n"Smith, J ""A""",x\r\n\r\n"multi\nline", y \r\n';
    const t = parseCsv(text);
    expect(t.header).toEqual(['study', 'note']);
    expect(t.rows).toEqual([
      ['Smith, J "A"', 'x'],
      ['multi\nline', 'y'],
    ]);
  });
  it('rejects an unterminated quote, ragged rows and duplicate headers', () => {
    expect(() => parseCsv('a,b\n"x,1\n')).toThrow(/never closed/);
    expect(() => parseCsv('a,b\n1,2,3\n')).toThrow(/row 1, csv: has 3 cells but the header has 2/);
    expect(() => parseCsv('a,a\n1,2\n')).toThrow(/twice/);
    expect(() => parseCsv('')).toThrow(/empty/);
  });
});

describe('studiesFromCsv', () => {
  it('reads the 2x2 layout, with extra columns kept', () => {
    const r = studiesFromCsv('study,events_1,total_1,events_2,total_2,dose\nA,1,10,2,10,4.5 mg\n,3,30,4,40,1.5 mg\n', 'RR');
    expect(r.studies).toEqual(['A', 'Study 2']);
    expect(r.columns.dose).toEqual(['4.5 mg', '1.5 mg']);
    expect(r.input.studies[1]).toEqual({ study: 'Study 2', events1: 3, total1: 30, events2: 4, total2: 40 });
  });
  it('names the missing column, and the row and column of a non-numeric or empty cell', () => {
    expect(() => studiesFromCsv('study,events_1,total_1,events_2\nA,1,2,3\n', 'OR')).toThrow(/total_2: missing column total_2/);
    const bad = (): unknown => studiesFromCsv('study,mean_1,sd_1,n_1,mean_2,sd_2,n_2\nA,1,1,5,2,1,5\nB,1,abc,5,2,1,5\n', 'MD');
    expect(bad).toThrow(EvidenceInputError);
    expect(bad).toThrow(/row 2 \(B\), sd_1: "abc" is not a number/);
    expect(() => studiesFromCsv('study,yi,vi\nA,,0.1\n', 'GEN')).toThrow(/row 1 \(A\), yi: the cell is empty/);
    expect(() => studiesFromCsv('study,events,total\n', 'PLO')).toThrow(/no studies/);
  });
});

describe('csvField', () => {
  it('writes fields that parseCsv reads back unchanged, quoting only where needed', () => {
    const fields = ['plain', 'Doe, "A" 2025', 'two\nlines', 'cr\r\nlf', '', 'Іваненко 2025'];
    expect(fields.map(csvField)).toEqual(['plain', '"Doe, ""A"" 2025"', '"two\nlines"', '"cr\r\nlf"', '', 'Іваненко 2025']);
    const table = parseCsv(`a,b,c,d,e,f\n${fields.map(csvField).join(',')}\n`);
    expect(table.rows).toEqual([fields]);
  });
});
