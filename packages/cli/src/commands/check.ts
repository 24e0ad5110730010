// `ldn check`: runs every consistency check over the evidence base (GRIM, statcheck, p from counts
// or CI, sums, seed-vs-source) and prints what it flags: errors (impossible or contradicted numbers,
// decision errors), then warnings (inconsistent under an assumption, e.g. an unstated denominator).
// Checked-and-consistent results and context are "info", shown with --all. Reconstructed tables are
// labelled as demonstrations. Exit code 0: a finding is about the literature, not a failure of the tool.
//   ldn check [--severity error|warning|info] [--check KIND] [--study ID] [--all] [--format table|json] [--out FILE]
import type { Command } from 'commander';
import { CHECK_KINDS, EvidenceQueryError, SEVERITIES, checkEvidence, checksReport, countBySeverity, getStudy, type Finding, type Severity } from '@ldn/evidence';
import { UsageError } from '../errors.js';
import { parseFormat, writeOutput } from '../io.js';
import { table } from './evidence.js';

const FORMATS = ['table', 'json'] as const;

interface CheckOptions {
  severity?: string;
  check?: string;
  study?: string;
  all?: boolean;
  format: string;
  out?: string;
}

function where(f: Finding): string {
  const study = f.studyId === undefined ? undefined : getStudy(f.studyId)?.label;
  return [f.claimId, study].filter((x): x is string => x !== undefined).join(' · ') || '—';
}

function checkCommand(opts: CheckOptions): void {
  const format = parseFormat(opts.format, FORMATS);
  const all = checkEvidence();
  const minRank = (s: Severity) => SEVERITIES.indexOf(s);
  let shown: Finding[];
  try {
    shown = checksReport({ ...(opts.severity !== undefined ? { severity: opts.severity } : {}), ...(opts.check !== undefined ? { check: opts.check } : {}), ...(opts.study !== undefined ? { study: opts.study } : {}), ...(opts.all === true ? { all: true } : {}) }).findings;
  } catch (e) {
    if (e instanceof EvidenceQueryError) throw new UsageError(e.message);
    throw e;
  }
  if (format === 'json') {
    writeOutput(JSON.stringify({ counts: countBySeverity(all), findings: shown }, null, 2), opts.out);
    return;
  }
  const counts = countBySeverity(all);
  const rows = shown
    .slice()
    .sort((a, b) => minRank(a.severity) - minRank(b.severity))
    .map((f) => [f.severity.toUpperCase(), f.check + (f.demonstration === true ? ' (demo)' : ''), where(f), f.message]);
  const hidden = opts.severity === undefined && opts.all !== true ? ` (${counts.info} info findings hidden; show them with --all)` : '';
  const text = [
    `Consistency checks over the evidence base: ${counts.error} errors, ${counts.warning} warnings, ${counts.info} info${hidden}.`,
    '',
    rows.length === 0 ? '(nothing to show)' : table(['SEVERITY', 'CHECK', 'CLAIM · STUDY', 'FINDING'], rows, 140),
    '',
    'error: impossible or contradicted numbers (incl. decision errors); warning: inconsistent under an assumption or not reproduced.',
    'GRIM: Brown & Heathers 2017; p recomputation: statcheck rules (Nuijten et al.). "(demo)" rows rest on reconstructed tables: inference, never data.',
  ].join('\n');
  writeOutput(text, opts.out);
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('run the consistency checks (GRIM, statcheck, p from counts/CI, sums, seed vs source) over the evidence base and print what they flag')
    .option('--severity <severity>', `only this severity (${SEVERITIES.join(', ')})`)
    .option('--check <kind>', `only this check (${CHECK_KINDS.join(', ')})`)
    .option('--study <id>', 'only findings about this study')
    .option('--all', 'include info findings (checked and consistent, context, demonstrations)')
    .option('--format <format>', 'table or json', 'table')
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .action((opts: CheckOptions) => checkCommand(opts));
}
