// `ldn evidence list | show | claims`: formats, the status of numbers in the output, and usage errors
// (exit 2) that name the bad value and list the accepted ones.
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('ldn evidence', () => {
  it('without a subcommand prints its help on stdout; an unknown subcommand exits 2 listing the accepted ones', async () => {
    const h = await runCli(['evidence']);
    expect(h.code).toBe(0);
    expect(h.out).toMatch(/Usage: ldn evidence <list\|show\|claims>/);
    const u = await runCli(['evidence', 'lst']);
    expect(u.code).toBe(2);
    expect(u.err).toContain('unknown evidence command "lst"; accepted: list, show, claims');
  });
});

describe('ldn evidence list', () => {
  it('prints an aligned table with evidence level, N, dose and number statuses', async () => {
    const r = await runCli(['evidence', 'list']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const lines = r.out.split('\n');
    const header = lines.find((l) => l.startsWith('ID'));
    expect(header).toMatch(/EVIDENCE LEVEL\s+CONDITIONS\s+N\s+DOSE\s+SEED REF\s+C\/D\/NF/);
    const smith = lines.find((l) => l.startsWith('smith2011 '));
    expect(smith).toMatch(/Smith 2011\s+RCT\s+Crohn's disease\s+40 \(derived\) randomized\s+4\.5 mg\/day\s+\[29\]/);
    // columns line up: the EVIDENCE LEVEL column starts at the same offset in the header and in each row
    const col = header?.indexOf('EVIDENCE LEVEL') ?? -1;
    expect(smith?.slice(col, col + 3)).toBe('RCT');
    expect(lines.find((l) => l.startsWith('agrawal2005'))?.slice(col)).toMatch(/^hypothesis paper/);
    expect(r.out).toMatch(/Numbers: \d+ confirmed, \d+ derived, \d+ not found/);
  });

  it('filters by condition (id or alias)', async () => {
    const r = await runCli(['evidence', 'list', '--condition', 'endometriosis']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('nct03970330');
    expect(r.out).not.toContain('smith2011');
    const ibd = await runCli(['evidence', 'list', '--condition', 'ibd', '--format', 'json']);
    const ids = (JSON.parse(ibd.out) as { id: string }[]).map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['smith2007', 'lie2018', 'dutch-ibd-2014']));
    expect(ids).not.toContain('cree2010');
  });

  it('an unknown condition exits 2 naming it and listing the accepted ones', async () => {
    const r = await runCli(['evidence', 'list', '--condition', 'gout']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/unknown condition "gout"; accepted: crohns-disease, .*endometriosis.*aliases: crohn/);
  });

  it('an unknown format exits 2', async () => {
    const r = await runCli(['evidence', 'list', '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--format "xml" is not accepted; use one of: table, json');
  });

  it('an unknown option of a subcommand is a usage error, not a crash', async () => {
    const r = await runCli(['evidence', 'list', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown option '--bogus'/);
  });
});

describe('ldn evidence show', () => {
  it('prints every number of a study with its status and source', async () => {
    const r = await runCli(['evidence', 'show', 'smith2011']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Evidence level: RCT/);
    expect(r.out).toMatch(/clinical-response · ldn vs placebo · p\s+0\.009\s+confirmed\s+smith2011-dds \(abstract\)/);
    expect(r.out).toMatch(/flow · randomized\s+40 participants \(derived\)\s+derived\s+CT\.gov participant flow: 20 started placebo \+ 20 started LDN = 40/);
    expect(r.out).toMatch(/clinical-response · ldn · total\s+not found\s+not found/);
    expect(r.out).toContain('PMID 21380937');
    expect(r.out).toContain('C44');
  });

  it('shows indirectness and not-found values (pregnancy data are 50 mg in opioid use disorder)', async () => {
    const r = await runCli(['evidence', 'show', 'towers-abstract141']);
    expect(r.out).toMatch(/dose: naltrexone 50 mg\/day \(full dose\), not LDN/);
    const b = await runCli(['evidence', 'show', 'berkson2007']);
    expect(b.out).toMatch(/max-node-size · ldn · value\s+not found\s+not found\s+seed: 12\.7 cm/);
  });

  it('shows a claim with Ukrainian original, English, verdict and the checks behind it', async () => {
    const r = await runCli(['evidence', 'show', 'C39']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('В результаті 89% пацієнтів');
    expect(r.out).toContain('89% of patients');
    expect(r.out).toMatch(/ERROR grim: Smith 2007, clinical response: 89% is impossible with 17/);
  });

  it('JSON output lists numbers with their field and status', async () => {
    const r = await runCli(['evidence', 'show', 'lie2018', '--format', 'json']);
    const j = JSON.parse(r.out) as { study: { id: string }; numbers: { field: string; number: { status: string; value?: number } }[] };
    expect(j.study.id).toBe('lie2018');
    expect(j.numbers.find((n) => n.field === 'clinical-improvement · ldn · events')?.number).toMatchObject({ status: 'derived', value: 35 });
  });

  it('an unknown id exits 2 naming it and listing study and claim ids', async () => {
    const r = await runCli(['evidence', 'show', 'smith2099']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown study or claim id "smith2099"; accepted: .*smith2007.*smith2011.*claims C01–C\d\d/);
  });
});

describe('ldn evidence claims', () => {
  it('lists the ledger with verdict counts', async () => {
    const r = await runCli(['evidence', 'claims']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ID\s+VERDICT\s+TOPIC\s+CITES\s+D\s+CLAIM/m);
    expect(r.out).toMatch(/Verdicts: \d+ supported, \d+ differs, \d+ unsupported, \d+ contradicted, \d+ not checkable\./);
  });

  it('filters by verdict and topic', async () => {
    const r = await runCli(['evidence', 'claims', '--verdict', 'contradicted', '--format', 'json']);
    const claims = JSON.parse(r.out) as { verdict: string; pharmacologyCheck?: string }[];
    expect(claims.length).toBeGreaterThan(0);
    expect(claims.every((c) => c.verdict === 'contradicted')).toBe(true);
    expect(claims.map((c) => c.pharmacologyCheck)).toContain('endorphin-half-life');
    const sleep = await runCli(['evidence', 'claims', '--topic', 'sleep']);
    expect(sleep.out).toMatch(/C\d\d\s+unsupported\s+sleep\s+\[39\]\s+D13/);
  });

  it('an unknown verdict or topic exits 2 listing the accepted values', async () => {
    const v = await runCli(['evidence', 'claims', '--verdict', 'maybe']);
    expect(v.code).toBe(2);
    expect(v.err).toContain('unknown verdict "maybe"; accepted: supported, differs, unsupported, contradicted, not_checkable');
    const t = await runCli(['evidence', 'claims', '--topic', 'astrology']);
    expect(t.code).toBe(2);
    expect(t.err).toMatch(/unknown topic "astrology"; accepted: general, history, pharmacology/);
  });
});
