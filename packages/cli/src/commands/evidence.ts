// `ldn evidence`: the evidence base from the command line, for clinicians and reviewers who want to
// see a study's numbers with where each one came from, or the seed review's claims with verdicts.
//   ldn evidence list [--condition NAME]          studies, oldest first (evidence level, N, dose, number statuses)
//   ldn evidence show ID                          one study (every number with status and source) or one claim (C01…)
//   ldn evidence claims [--verdict V] [--topic T] the claims ledger
// Each takes --format table|json (table by default) and --out FILE. Unknown ids, conditions, verdicts
// and topics are usage errors (exit 2) that name the value and list what is accepted.
import type { Command } from 'commander';
import {
  CONDITION_ALIASES,
  CONDITION_LABELS,
  CONDITIONS,
  EVIDENCE_LEVEL_LABELS,
  TOPICS,
  VERDICTS,
  VERDICT_MEANINGS,
  checkEvidence,
  countNumbers,
  countVerdicts,
  getSource,
  listClaims,
  loadEvidence,
  walkNumbers,
  claimReport,
  claimsReport,
  describeNumberPath,
  EvidenceQueryError,
  studiesReport,
  studyReport,
  unknownIdMessage,
  type Claim,
  type Finding,
  type NumberValue,
  type Study,
} from '@ldn/evidence';
import { UsageError } from '../errors.js';
import { parseFormat, writeOutput } from '../io.js';

const FORMATS = ['table', 'json'] as const;

// ---------- small text-table helpers (shared with `ldn check`) ----------

/** Wraps text to `width` columns at spaces (long words are cut). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter((w) => w !== '')) {
      let w = word;
      while (w.length > width) {
        if (line !== '') {
          lines.push(line);
          line = '';
        }
        lines.push(w.slice(0, width));
        w = w.slice(width);
      }
      if (line === '') line = w;
      else if (line.length + 1 + w.length <= width) line += ` ${w}`;
      else {
        lines.push(line);
        line = w;
      }
    }
    lines.push(line);
  }
  return lines;
}

/**
 * Aligned columns; the last column is wrapped to keep lines within `maxWidth`, continuation lines
 * indented under it. Header underlined with dashes.
 */
export function table(headers: readonly string[], rows: readonly (readonly string[])[], maxWidth = 110): string {
  const n = headers.length;
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (i < n - 1 ? (r[i] ?? '').length : 0))));
  const lead = widths.slice(0, n - 1).reduce((a, b) => a + b + 2, 0);
  const lastWidth = Math.max(20, maxWidth - lead);
  widths[n - 1] = Math.min(lastWidth, Math.max(headers[n - 1]?.length ?? 0, ...rows.map((r) => (r[n - 1] ?? '').length)));
  const fmt = (cells: readonly string[]): string[] => {
    const last = wrap(cells[n - 1] ?? '', lastWidth);
    const head = cells.slice(0, n - 1).map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
    const pad = ' '.repeat(lead);
    return last.map((l, k) => (k === 0 ? `${head}${n > 1 ? '  ' : ''}${l}` : `${pad}${l}`).trimEnd());
  };
  const out = [...fmt(headers), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const r of rows) out.push(...fmt(r));
  return out.join('\n');
}

// ---------- number display ----------

/** A number with its status: "17 participants", "35 participants (derived)", "not found". */
export function showNumber(n: NumberValue | undefined): string {
  if (n === undefined) return '—';
  const unit = n.unit === undefined ? '' : n.unit === '%' ? '%' : ` ${n.unit}`;
  if (n.status === 'not_found') return 'not found';
  const cmp = n.status === 'confirmed' && n.comparator !== undefined && n.comparator !== '=' ? `${n.comparator} ` : '';
  const text = n.status === 'confirmed' ? n.reported : String(n.value);
  return `${cmp}${text}${unit}${n.status === 'derived' ? ' (derived)' : ''}`;
}

function statusCounts(study: Study): string {
  const c = countNumbers([study]);
  return `${c.confirmed}/${c.derived}/${c.not_found}`;
}

function mainN(study: Study): string {
  const f = study.flow;
  if (study.evidenceLevel === 'systematic_review' && f.studies !== undefined) {
    return `${showNumber(f.studies)}${f.enrolled !== undefined ? `, ${showNumber(f.enrolled)}` : ''}`;
  }
  const pick: [string, NumberValue | undefined][] = [
    ['enrolled', f.enrolled],
    ['randomized', f.randomized],
    ['analysed', f.analysed],
    ['studies', f.studies],
  ];
  for (const [label, n] of pick) {
    if (n === undefined) continue;
    if (label === 'studies') return `${showNumber(n)}`;
    const v = n.status === 'not_found' ? 'not found' : n.status === 'confirmed' ? n.reported : `${n.value} (derived)`;
    return `${v} ${label}`;
  }
  const arms = study.arms.map((a) => a.n).filter((n): n is NumberValue => n !== undefined);
  if (arms.length > 0) return arms.map((n) => showNumber(n).replace(/ participants| dyads/g, '')).join(' + ');
  return '—';
}

function mainDose(study: Study): string {
  const arm = study.arms.find((a) => a.dose !== undefined && (a.role === 'ldn' || a.role === 'naltrexone'));
  const d = arm?.dose;
  if (d === undefined) return '—';
  if (d.perDay !== undefined) return showNumber(d.perDay);
  return `${showNumber(d.min)} to ${showNumber(d.max)}`;
}

function seedRef(study: Study): string {
  if (study.seedRefs.length > 0) return study.seedRefs.map((r) => `[${r}]`).join('');
  return study.seedMention === 'described_without_number' ? 'no number' : '—';
}

// ---------- paths of numbers, readable ----------

const describePath = describeNumberPath;

function provenance(n: NumberValue): string {
  const note = n.note === undefined ? '' : ` — ${n.note}`;
  if (n.status === 'confirmed') return `${n.source} (${n.where.replace(/_/g, ' ')}${n.locator === undefined ? '' : `, ${n.locator}`})${note}`;
  if (n.status === 'derived') return `${n.method}${note}`;
  return `${n.claimedElsewhere === undefined ? '' : `${n.claimedElsewhere}; `}${n.note ?? 'searched for, not found'}`;
}

// ---------- list ----------

interface ListOptions {
  condition?: string;
  format: string;
  out?: string;
}

/** Runs a report builder, turning a bad filter value into a usage error (same message). */
function query<T>(build: () => T): T {
  try {
    return build();
  } catch (e) {
    if (e instanceof EvidenceQueryError) throw new UsageError(e.message);
    throw e;
  }
}

function listCommand(opts: ListOptions): void {
  const format = parseFormat(opts.format, FORMATS);
  const studies = query(() => studiesReport(opts.condition === undefined ? {} : { condition: opts.condition }));
  if (format === 'json') {
    writeOutput(JSON.stringify(studies, null, 2), opts.out);
    return;
  }
  const rows = studies.map((s) => [
    s.id,
    s.label,
    EVIDENCE_LEVEL_LABELS[s.evidenceLevel],
    s.conditions.map((c) => CONDITION_LABELS[c].en).join(', '),
    mainN(s),
    mainDose(s),
    seedRef(s),
    statusCounts(s),
  ]);
  const title = opts.condition === undefined ? 'All studies' : `Studies in ${opts.condition}`;
  const all = countNumbers(studies);
  const text = [
    `${title} (${studies.length})`,
    '',
    table(['ID', 'STUDY', 'EVIDENCE LEVEL', 'CONDITIONS', 'N', 'DOSE', 'SEED REF', 'C/D/NF'], rows, 160),
    '',
    `Numbers: ${all.confirmed} confirmed, ${all.derived} derived, ${all.not_found} not found (C/D/NF per study).`,
    'N and dose are shown as printed; "(derived)" marks a number computed here, "not found" one searched for and absent.',
    'Details of one study: ldn evidence show ID',
  ].join('\n');
  writeOutput(text, opts.out);
}

// ---------- show ----------

interface ShowOptions {
  format: string;
  out?: string;
}

function studyText(study: Study, findings: readonly Finding[], claims: readonly Claim[]): string {
  const base = loadEvidence();
  const lines: string[] = [];
  lines.push(`${study.label}  (${study.id})`);
  if (study.title !== undefined) lines.push(`Title:          ${study.title}`);
  lines.push(`Evidence level: ${EVIDENCE_LEVEL_LABELS[study.evidenceLevel]}${study.status === 'completed' ? '' : ` (${study.status})`}`);
  lines.push(`Design:         ${study.design}`);
  lines.push(`Conditions:     ${study.conditions.map((c) => `${CONDITION_LABELS[c].en} / ${CONDITION_LABELS[c].uk}`).join('; ')}`);
  lines.push(`Population:     ${study.population}`);
  if (study.durationText !== undefined || study.duration !== undefined) {
    lines.push(`Duration:       ${study.duration !== undefined ? showNumber(study.duration) : ''}${study.durationText !== undefined ? ` (${study.durationText})` : ''}`);
  }
  lines.push(`Seed citation:  ${study.seedRefs.length > 0 ? study.seedRefs.map((r) => `[${r}]`).join(' ') : study.seedMention.replace(/_/g, ' ')}`);
  if (study.registryIds.length > 0) lines.push(`Registry:       ${study.registryIds.join(', ')}`);
  lines.push('', 'Sources:');
  for (const id of study.sourceIds) {
    const s = getSource(id, base);
    if (s === undefined) continue;
    const ids = [s.pmid && `PMID ${s.pmid}`, s.pmcid, s.doi && `doi:${s.doi}`, ...(s.registryIds ?? [])].filter(Boolean).join(', ');
    lines.push(`  ${s.id} [${s.kind.replace(/_/g, ' ')}]${ids === '' ? '' : ` ${ids}`}`);
    lines.push(...wrap(s.citation, 100).map((l) => `      ${l}`));
    if (s.urls.length > 0) lines.push(`      ${s.urls.join(' | ')}`);
  }
  lines.push('', 'Arms:');
  if (study.arms.length === 0) lines.push('  (none)');
  for (const a of study.arms) lines.push(`  ${a.id}: ${a.label} — ${a.intervention}${a.note === undefined ? '' : ` (${a.note})`}`);
  lines.push('', 'Indirectness:');
  if (study.indirectness.length === 0) lines.push('  (none flagged)');
  for (const i of study.indirectness) lines.push(`  ${i.domain.replace(/_/g, ' ')}: ${i.reason}`);

  const rows: string[][] = [];
  walkNumbers(study, (n, path) => rows.push([describePath(study, path), showNumber(n), n.status.replace('_', ' '), provenance(n)]));
  const c = countNumbers([study]);
  lines.push('', `Numbers (${c.confirmed} confirmed, ${c.derived} derived, ${c.not_found} not found):`);
  lines.push(table(['FIELD', 'VALUE', 'STATUS', 'SOURCE (WHERE) / METHOD / NOTE'], rows, 150));

  const text = study.outcomes.filter((o) => o.results.some((r) => r.text !== undefined) || o.note !== undefined || o.definition !== undefined);
  if (text.length > 0) {
    lines.push('', 'Outcome notes:');
    for (const o of text) {
      const bits = [o.definition && `definition: ${o.definition}`, ...o.results.filter((r) => r.text !== undefined).map((r) => `${r.arm}: ${r.text ?? ''}`), o.note].filter(Boolean);
      lines.push(...wrap(`${o.id} (${o.name}): ${bits.join('; ')}`, 110).map((l, i) => (i === 0 ? `  ${l}` : `    ${l}`)));
    }
  }
  if (study.notes.length > 0) {
    lines.push('', 'Notes:');
    for (const n of study.notes) lines.push(...wrap(n, 110).map((l, i) => (i === 0 ? `  - ${l}` : `    ${l}`)));
  }
  lines.push('', 'Checks (ldn check):');
  if (findings.length === 0) lines.push('  (nothing checkable)');
  for (const f of findings) lines.push(...wrap(`${f.severity.toUpperCase()} ${f.check}: ${f.message}`, 110).map((l, i) => (i === 0 ? `  ${l}` : `    ${l}`)));
  if (claims.length > 0) {
    lines.push('', 'Seed claims resting on this study:');
    for (const cl of claims) lines.push(`  ${cl.id} ${cl.verdict.replace('_', ' ')}: ${cl.text.en.length > 90 ? `${cl.text.en.slice(0, 89)}…` : cl.text.en}`);
  }
  return lines.join('\n');
}

function claimText(claim: Claim, findings: readonly Finding[]): string {
  const lines: string[] = [];
  lines.push(`${claim.id}  ${claim.verdict.toUpperCase().replace('_', ' ')}  (topic: ${claim.topic})`);
  lines.push(`Verdict means:  ${VERDICT_MEANINGS[claim.verdict]}`);
  lines.push(`Seed section:   ${claim.section}`);
  lines.push(`Citation:       ${claim.citations.length > 0 ? claim.citations.map((c) => `[${c}]`).join(' ') : '(none)'} — ${claim.citationMatch.replace(/_/g, ' ')}`);
  lines.push('', 'Seed (uk):', ...wrap(claim.text.uk, 104).map((l) => `  ${l}`));
  lines.push('', 'English:', ...wrap(claim.text.en, 104).map((l) => `  ${l}`));
  lines.push('', 'Explanation:', ...wrap(claim.explanation, 104).map((l) => `  ${l}`));
  if (claim.referenceVerdict !== undefined) lines.push('', `Reference note's verdict: ${claim.referenceVerdict}`);
  const meta = [
    claim.discrepancyIds.length > 0 && `discrepancies (evidence.md §1.8): ${claim.discrepancyIds.join(', ')}`,
    claim.pharmacologyCheck && `pharmacology.md §0: ${claim.pharmacologyCheck}`,
    claim.flags.length > 0 && `flags: ${claim.flags.join(', ').replace(/_/g, ' ')}`,
    claim.sourceIds.length > 0 && `sources: ${claim.sourceIds.join(', ')}`,
    claim.studyIds.length > 0 && `studies: ${claim.studyIds.join(', ')}`,
  ].filter((x): x is string => typeof x === 'string');
  if (meta.length > 0) lines.push('', ...meta);
  if (claim.seedValues.length > 0) {
    lines.push('', 'Numbers in the seed:');
    for (const v of claim.seedValues) lines.push(`  ${v.label}: ${v.reported}${v.unit === '%' ? '%' : v.unit !== undefined ? ` ${v.unit}` : ''}${v.n !== undefined ? ` (n = ${v.n})` : ''}`);
  }
  if (findings.length > 0) {
    lines.push('', 'Checks (ldn check):');
    for (const f of findings) lines.push(...wrap(`${f.severity.toUpperCase()} ${f.check}: ${f.message}`, 110).map((l, i) => (i === 0 ? `  ${l}` : `    ${l}`)));
  }
  return lines.join('\n');
}

function showCommand(id: string, opts: ShowOptions): void {
  const format = parseFormat(opts.format, FORMATS);
  const findings = checkEvidence();
  const claimed = claimReport(id, loadEvidence(), findings);
  if (claimed !== undefined) {
    writeOutput(format === 'json' ? JSON.stringify(claimed, null, 2) : claimText(claimed.claim, claimed.findings), opts.out);
    return;
  }
  const report = studyReport(id, loadEvidence(), findings);
  if (report === undefined) throw new UsageError(unknownIdMessage(id));
  if (format === 'json') {
    writeOutput(JSON.stringify(report, null, 2), opts.out);
    return;
  }
  const claims = listClaims().filter((c) => c.studyIds.includes(report.study.id));
  writeOutput(studyText(report.study, report.findings, claims), opts.out);
}

// ---------- claims ----------

interface ClaimsOptions {
  verdict?: string;
  topic?: string;
  format: string;
  out?: string;
}

function claimsCommand(opts: ClaimsOptions): void {
  const format = parseFormat(opts.format, FORMATS);
  const claims = query(() => claimsReport({ ...(opts.verdict !== undefined ? { verdict: opts.verdict } : {}), ...(opts.topic !== undefined ? { topic: opts.topic } : {}) }));
  if (format === 'json') {
    writeOutput(JSON.stringify(claims, null, 2), opts.out);
    return;
  }
  const rows = claims.map((c) => [
    c.id,
    c.verdict.replace('_', ' '),
    c.topic,
    c.citations.length > 0 ? c.citations.map((x) => `[${x}]`).join('') : '—',
    c.discrepancyIds.join(',') || '—',
    c.text.en,
  ]);
  const counts = countVerdicts(claims);
  const filter = [opts.verdict && `verdict ${opts.verdict}`, opts.topic && `topic ${opts.topic}`].filter(Boolean).join(', ');
  const text = [
    `Claims of the seed review${filter === '' ? '' : ` (${filter})`}: ${claims.length}`,
    '',
    table(['ID', 'VERDICT', 'TOPIC', 'CITES', 'D', 'CLAIM (English; Ukrainian original: ldn evidence show ID)'], rows, 130),
    '',
    `Verdicts: ${VERDICTS.map((v) => `${counts[v]} ${v.replace('_', ' ')}`).join(', ')}.`,
    'D = discrepancy ids of reference/evidence.md §1.8. One claim in full, with checks: ldn evidence show C01',
  ].join('\n');
  writeOutput(text, opts.out);
}

export function registerEvidence(program: Command): void {
  const evidence = program
    .command('evidence')
    .description('the LDN evidence base: studies (every number with its status and source) and the claims ledger of the seed review')
    .usage('<list|show|claims> [options]')
    .argument('[command]', 'list, show or claims')
    // without a subcommand, show what there is (stdout, exit 0); an unknown one is a usage error
    .action((name: string | undefined) => {
      if (name !== undefined) throw new UsageError(`unknown evidence command "${name}"; accepted: list, show, claims`);
      process.stdout.write(evidence.helpInformation());
    });
  evidence
    .command('list')
    .description('list studies, oldest first, with evidence level, N, dose and how many numbers are confirmed/derived/not found')
    .option('--condition <name>', `only studies in this condition (${CONDITIONS.join(', ')}; aliases ${Object.keys(CONDITION_ALIASES).join(', ')})`)
    .option('--format <format>', 'table or json', 'table')
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .action((opts: ListOptions) => listCommand(opts));
  evidence
    .command('show')
    .description('show one study (every number with status and source, checks, related claims) or one claim (C01…)')
    .argument('<id>', 'study id (see ldn evidence list) or claim id (C01…)')
    .option('--format <format>', 'table or json', 'table')
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .action((id: string, opts: ShowOptions) => showCommand(id, opts));
  evidence
    .command('claims')
    .description('the claims ledger: each factual claim of the seed review with its verdict against the primary source')
    .option('--verdict <verdict>', `only this verdict (${VERDICTS.join(', ')})`)
    .option('--topic <topic>', `only this topic (${TOPICS.join(', ')})`)
    .option('--format <format>', 'table or json', 'table')
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .action((opts: ClaimsOptions) => claimsCommand(opts));
  // main() makes only top-level commands throw instead of exiting; do the same for these subcommands,
  // so a bad option here is also a usage error (exit 2) with one message.
  for (const sub of evidence.commands) {
    sub.exitOverride();
    sub.configureOutput({ writeErr: () => undefined, outputError: () => undefined });
  }
}
