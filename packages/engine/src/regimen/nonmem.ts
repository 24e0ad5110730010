// NONMEM-style event tables (the data-set format of NONMEM, mrgsolve, rxode2 and nlmixr2), so
// pharmacometricians can bring their dosing records and take ours back. Columns (case-insensitive):
// TIME (h), AMT (mg naltrexone HCl), EVID (1 dose, 0 observation), CMT (1 = gut/depot),
// II (interval, h), ADDL (additional doses), optional ID, MDV, DV, SS, RATE.
// Supported subset: oral bolus doses into the depot for one subject. Anything else is refused
// with a message that says what is accepted, never silently changed.

import { RegimenError } from './schema.js';
import { MAX_DOSE_MG } from './schema.js';
import type { Dose, DoseSchedule } from './expand.js';

export interface EventTableResult {
  schedule: DoseSchedule;
  /** observation times (EVID 0), hours since the first dose */
  observations: number[];
  /** what the importer did that a user should know (e.g. a time shift) */
  notes: string[];
}

const KNOWN = ['ID', 'TIME', 'AMT', 'EVID', 'CMT', 'II', 'ADDL', 'MDV', 'DV', 'SS', 'RATE'] as const;

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  out.push(cur.trim());
  return out;
}

/**
 * Parses a NONMEM event table. `firstDoseClockH` places TIME 0 on the clock; times are shifted
 * so that the first dose is at 0 h (a note says so).
 */
export function parseEventTable(text: string, firstDoseClockH = 22): EventTableResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const rows = lines.map((l, i) => ({ line: i + 1, text: l })).filter((r) => r.text.trim() !== '' && !r.text.trim().startsWith('#'));
  if (rows.length === 0) throw new RegimenError('event table is empty; expected a header line with TIME,AMT,EVID,CMT,II,ADDL');
  const header = splitCsvLine(rows[0]!.text).map((h) => h.toUpperCase());
  for (const need of ['TIME', 'AMT'] as const) {
    if (!header.includes(need)) throw new RegimenError(`event table: the header has no ${need} column; expected columns TIME,AMT,EVID,CMT,II,ADDL (got ${header.join(',')})`);
  }
  const unknown = header.filter((h) => !(KNOWN as readonly string[]).includes(h));
  const col = (name: string) => header.indexOf(name);
  const doses: Dose[] = [];
  const observations: number[] = [];
  const ids = new Set<string>();
  const notes: string[] = [];
  if (unknown.length) notes.push(`ignored columns: ${unknown.join(', ')}`);

  for (const row of rows.slice(1)) {
    const cells = splitCsvLine(row.text);
    if (cells.length !== header.length) {
      throw new RegimenError(`event table line ${row.line}: ${cells.length} cells but the header has ${header.length}`);
    }
    const num = (name: string, fallback: number): number => {
      const i = col(name);
      if (i < 0) return fallback;
      const raw = cells[i]!;
      if (raw === '' || raw === '.') return fallback;
      const v = Number(raw);
      if (!Number.isFinite(v)) throw new RegimenError(`event table line ${row.line}, column ${name}: "${raw}" is not a number`);
      return v;
    };
    if (col('ID') >= 0) ids.add(cells[col('ID')]!);
    const time = num('TIME', NaN);
    if (!Number.isFinite(time)) throw new RegimenError(`event table line ${row.line}, column TIME: a time in hours is required`);
    const amt = num('AMT', 0);
    const evid = num('EVID', amt !== 0 ? 1 : 0); // without EVID, a row with an amount is a dose
    if (evid === 0) {
      observations.push(time);
      continue;
    }
    if (evid !== 1) {
      throw new RegimenError(`event table line ${row.line}, column EVID: ${evid} is not supported; use 1 (dose) or 0 (observation)`);
    }
    const cmt = num('CMT', 1);
    if (cmt !== 1) throw new RegimenError(`event table line ${row.line}, column CMT: ${cmt} is not supported; oral doses go to compartment 1 (the gut/depot)`);
    if (num('RATE', 0) !== 0) throw new RegimenError(`event table line ${row.line}, column RATE: infusions are not supported; oral doses are boluses (RATE 0)`);
    if (num('SS', 0) !== 0) throw new RegimenError(`event table line ${row.line}, column SS: steady-state records are not supported; list the doses (ADDL/II) and simulate long enough`);
    if (!(amt > 0) || amt > MAX_DOSE_MG) throw new RegimenError(`event table line ${row.line}, column AMT: ${amt} is not accepted; a dose is above 0 and at most ${MAX_DOSE_MG} mg naltrexone HCl`);
    const addl = num('ADDL', 0);
    const ii = num('II', 0);
    if (!Number.isInteger(addl) || addl < 0 || addl > 100_000) throw new RegimenError(`event table line ${row.line}, column ADDL: ${addl} must be a whole number from 0 to 100000`);
    if (addl > 0 && !(ii > 0)) throw new RegimenError(`event table line ${row.line}, column II: ADDL ${addl} needs an interval II above 0 h`);
    for (let j = 0; j <= addl; j++) doses.push({ time_h: time + j * ii, dose_mg: amt, kind: 'scheduled' });
  }
  if (ids.size > 1) throw new RegimenError(`event table has ${ids.size} subjects (ID ${[...ids].slice(0, 5).join(', ')}…); give one subject per table`);
  if (doses.length === 0) throw new RegimenError('event table has no dose records (EVID 1 with AMT > 0)');
  doses.sort((a, b) => a.time_h - b.time_h);
  const t0 = doses[0]!.time_h;
  if (t0 !== 0) {
    notes.push(`times shifted by ${-t0} h so that the first dose is at 0 h`);
    for (const d of doses) d.time_h -= t0;
  }
  return {
    schedule: { doses, firstDoseClockH },
    observations: observations.map((t) => t - t0).filter((t) => t >= 0).sort((a, b) => a - b),
    notes,
  };
}

/** Writes a dose schedule as an event table, folding runs of equal doses at equal intervals into ADDL/II. */
export function formatEventTable(schedule: DoseSchedule, observations: readonly number[] = []): string {
  const out: string[] = ['ID,TIME,AMT,EVID,CMT,II,ADDL,MDV'];
  const d = schedule.doses;
  const rows: { time: number; line: string }[] = [];
  let i = 0;
  while (i < d.length) {
    let j = i;
    const ii = i + 1 < d.length ? d[i + 1]!.time_h - d[i]!.time_h : 0;
    if (ii > 0) {
      while (j + 1 < d.length && d[j + 1]!.dose_mg === d[i]!.dose_mg && Math.abs(d[j + 1]!.time_h - d[j]!.time_h - ii) < 1e-9) j++;
    }
    const addl = j - i;
    rows.push({ time: d[i]!.time_h, line: `1,${num(d[i]!.time_h)},${num(d[i]!.dose_mg)},1,1,${addl > 0 ? num(ii) : 0},${addl},1` });
    i = j + 1;
  }
  for (const t of observations) rows.push({ time: t, line: `1,${num(t)},0,0,1,0,0,0` });
  rows.sort((a, b) => a.time - b.time);
  return `${out.concat(rows.map((r) => r.line)).join('\n')}\n`;
}

function num(x: number): string {
  return Number(x.toPrecision(12)).toString();
}
