// `ldn check`: prints what the consistency checks flag over the evidence base.
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('ldn check', () => {
  it('prints errors then warnings in aligned columns, with a summary', async () => {
    const r = await runCli(['check']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^Consistency checks over the evidence base: \d+ errors, \d+ warnings, \d+ info \(\d+ info findings hidden; show them with --all\)\./);
    expect(r.out).toMatch(/^SEVERITY\s+CHECK\s+CLAIM · STUDY\s+FINDING/m);
    expect(r.out).toMatch(/ERROR\s+grim\s+Smith 2007\s+Smith 2007, clinical response: 89% is impossible with 17/);
    expect(r.out).toMatch(/ERROR\s+seed-vs-source\s+C\d\d · Smith 2011\s+C\d\d: the seed says remission, placebo 6%; Smith 2011 says 8%\./);
    expect(r.out).not.toMatch(/^INFO/m);
    const first = r.out.search(/^WARNING/m);
    const lastError = r.out.lastIndexOf('\nERROR');
    expect(first).toBeGreaterThan(lastError);
  });

  it('--all adds the info findings, including the Smith 2011 reconstruction labelled as a demonstration', async () => {
    const r = await runCli(['check', '--all', '--study', 'smith2011']);
    expect(r.out).toMatch(/INFO\s+reconstruction \(demo\)\s+Smith 2011/);
    const flat = r.out.replace(/\s+/g, ' '); // the FINDING column wraps
    expect(flat).toContain('14/16 vs 6/15 (Fisher 0.0091)');
    expect(flat).toContain('inference only, not data');
  });

  it('filters by check and severity; JSON carries counts and findings', async () => {
    const r = await runCli(['check', '--check', 'statcheck', '--severity', 'info', '--format', 'json']);
    const j = JSON.parse(r.out) as { counts: { error: number }; findings: { check: string; severity: string; message: string }[] };
    expect(j.counts.error).toBeGreaterThan(0);
    expect(j.findings.every((f) => f.check === 'statcheck' && f.severity === 'info')).toBe(true);
    expect(j.findings.some((f) => f.message.includes('F(1, 101) = 7.7'))).toBe(true);
  });

  it('unknown severity, check or study exits 2 naming it and the accepted values', async () => {
    const s = await runCli(['check', '--severity', 'fatal']);
    expect(s.code).toBe(2);
    expect(s.err).toContain('unknown severity "fatal"; accepted: error, warning, info');
    const c = await runCli(['check', '--check', 'vibes']);
    expect(c.code).toBe(2);
    expect(c.err).toMatch(/unknown check "vibes"; accepted: grim, arithmetic, statcheck/);
    const st = await runCli(['check', '--study', 'nope']);
    expect(st.code).toBe(2);
    expect(st.err).toMatch(/unknown study "nope"; accepted: .*smith2007/);
  });
});
