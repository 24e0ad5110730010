// `ldn plan` end to end: the JSON is buildPlan's (so the API's), the option names of the issue,
// every output format, and the exit codes: 0 plan, 2 bad input naming the option, 3 a block or an
// unacknowledged warning naming the rule and its source, 1 when the PDF renderer is missing.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPlan } from '@ldn/planner';
import { findChromium } from '../src/commands/plan.js';
import { runCli, tempFiles } from './run-cli.js';

const tmp = tempFiles('ldn-plan-');
const EXAMPLE = ['plan', '--age', '34', '--weight', '62', '--condition', 'endometriosis', '--start', '2026-12-01'];
const has = (bin: string) => {
  try {
    execFileSync('which', [bin], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

describe('ldn plan: output', () => {
  it('--format json is exactly buildPlan of the same request (the POST /api/plans answer)', async () => {
    const r = await runCli([...EXAMPLE, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const json = JSON.parse(r.out) as ReturnType<typeof buildPlan>;
    expect(json).toEqual(JSON.parse(JSON.stringify(buildPlan({ age: 34, weight: 62, condition: 'endometriosis', start: '2026-12-01' }))));
    expect(json.status).toBe('ok');
    expect(json.schedule!.map((s) => s.dose_mg)).toEqual([1, 2, 3, 4, 4.5]);
  });
  it('--input FILE.json takes the API body; options override it', async () => {
    const f = tmp.file('req.json', JSON.stringify({ age: 34, weight: 62, condition: 'endometriosis', start: '2026-12-01', target: 3, simulate: false }));
    const a = JSON.parse((await runCli(['plan', '--input', f, '--format', 'json'])).out) as ReturnType<typeof buildPlan>;
    expect(a.schedule!.map((s) => s.dose_mg)).toEqual([1, 2, 3]);
    const b = JSON.parse((await runCli(['plan', '--input', f, '--target', '4', '--format', 'json'])).out) as ReturnType<typeof buildPlan>;
    expect(b.schedule!.map((s) => s.dose_mg)).toEqual([1, 2, 3, 4]);
  });
  it('--format table: schedule, calendar with dates, dose and volume, preparation, notes, facts to confirm, blockade, evidence, sources, disclaimer', async () => {
    const r = await runCli([...EXAMPLE, '--format', 'table']);
    expect(r.code).toBe(0);
    const out = r.out;
    expect(out).toMatch(/supports, and does not replace, the clinician/);
    expect(out).toMatch(/2026-12-29 {2}2027-01-25 {4}28 {10}4.5 {2}4.5/);
    expect(out).toMatch(/2026-12-08 {2}8 {4}Tue {2}22:00 {2}2 +2 +step up/);
    expect(out).toMatch(/1 × 50 mg naltrexone HCl tablet\(s\) in 50 mL = 1 mg\/mL, a suspension: shake well/);
    expect(out).toMatch(/INFO {2}R08-default-protocol/);
    expect(out).toMatch(/--no-opioids \| --opioid AGENT --opioid-use USE +R01\(block\) R02\(block\) R03\(block\) R05\(warn\)/);
    expect(out).toMatch(/--pregnant \| --no-pregnant +R27\(warn\)/);
    expect(out).toMatch(/SIMULATED μ BLOCKADE/);
    expect(out).toMatch(/22:00 evening \/ bedtime/);
    expect(out).toMatch(/08:00 morning/);
    expect(out).toMatch(/NCT03970330 \(endometriosis\) — registry record, n = 9 enrolled, 4.5 mg\/day, terminated/);
    expect(out).toMatch(/SOURCES \[evidence level\]/);
    expect(out).toMatch(/ldnresearchtrust.org\/can-you-talk-through-starting-dose/);
  });
  it('stated facts remove their asks: --no-pregnant --no-planning-pregnancy --no-opioids', async () => {
    const r = await runCli([...EXAMPLE, '--no-pregnant', '--no-planning-pregnancy', '--no-opioids', '--no-simulate', '--format', 'json']);
    const json = JSON.parse(r.out) as ReturnType<typeof buildPlan>;
    expect(json.asks).not.toContain('R27-pregnancy');
    expect(json.asks).not.toContain('R01-opioid-regular');
    expect(json.request).toMatchObject({ pregnant: false, planning_pregnancy: false, opioids: [] });
  });
  it('--formulation liquid --tablets 1 --volume 50 --syringe 5 --graduation 0.2 rounds volumes to the marks', async () => {
    const r = await runCli([...EXAMPLE, '--formulation', 'liquid', '--tablets', '1', '--volume', '50', '--syringe', '5', '--graduation', '0.2', '--steps', '1.1:7,2.3', '--no-simulate', '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as ReturnType<typeof buildPlan>;
    expect(json.schedule!.map((s) => [s.dose_mg, s.volume_ml, s.delivered_mg])).toEqual([[1.1, 1.2, 1.2], [2.3, 2.4, 2.4]]);
  });
  it('--format ics gives an iCalendar with one daily event per step', async () => {
    const r = await runCli([...EXAMPLE, '--format', 'ics']);
    expect(r.code).toBe(0);
    expect(r.out.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(r.out.match(/RRULE:FREQ=DAILY;COUNT=\d+/g)).toHaveLength(5);
    expect(r.out).toContain('DTSTART:20261201T220000');
  });
  it('--format html --out writes the printable page, escaped, in Ukrainian with --lang uk', async () => {
    const out = tmp.path('plan.html');
    const r = await runCli([...EXAMPLE, '--name', '<i>Олена</i>', '--lang', 'uk', '--format', 'html', '--out', out]);
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<html lang="uk">');
    expect(html).toContain('&lt;i&gt;Олена&lt;/i&gt;');
    expect(html).toMatch(/не замінює його/);
  });
});

describe('ldn plan: blocks and acknowledgements (exit 3)', () => {
  it('a block exits 3 and names the rule, its text and its source', async () => {
    const r = await runCli([...EXAMPLE, '--opioid', 'tramadol', '--opioid-last-dose', '2026-11-28']);
    expect(r.code).toBe(3);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/plan not produced: blocked by R02-opioid-free-interval/);
    expect(r.err).toMatch(/tramadol: last dose 2026-11-28, 3 day\(s\) before the first LDN dose/);
    expect(r.err).toMatch(/source: Naltrexone label text: opioid-free \(including tramadol\).*prescriberpoint.com.*\[L\]/);
  });
  it('regular methadone: blocked by R01 and R03 (label contraindication)', async () => {
    const r = await runCli([...EXAMPLE, '--opioid', 'methadone', '--opioid-use', 'regular']);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/blocked by R01-opioid-regular, R03-methadone-buprenorphine-14d/);
    expect(r.err).toMatch(/contraindicated per label/);
  });
  it('with --format json a refused plan still writes its JSON (status and rule ids), and exits 3', async () => {
    const r = await runCli([...EXAMPLE, '--target', '8', '--format', 'json']);
    expect(r.code).toBe(3);
    const json = JSON.parse(r.out) as ReturnType<typeof buildPlan>;
    expect(json.status).toBe('blocked');
    expect(json.blocks).toEqual(['R12-dose-above-4.5']);
    expect(json.schedule).toBeUndefined();
  });
  it('warns need --ack: without it exit 3 listing the --ack to give; with it the plan, marked acknowledged', async () => {
    const r = await runCli([...EXAMPLE, '--pregnant', '--thyroid-hormone', '--hashimoto']);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/2 warning\(s\) need acknowledgement; re-run with --ack R10 --ack R27/);
    expect(r.err).toMatch(/R27-pregnancy: Pregnant or planning pregnancy: there are no LDN pregnancy data/);
    const ok = await runCli([...EXAMPLE, '--pregnant', '--thyroid-hormone', '--hashimoto', '--ack', 'R10', '--ack', 'R27-pregnancy']);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/WARN {2}R10-hashimoto-thyroid-hormone \(acknowledged\)/);
    expect(ok.out).toMatch(/WARN {2}R27-pregnancy \(acknowledged\)/);
    expect(ok.out).toMatch(/Protocol: norland-thyroid/);
  });
  it('--lactating is information only: the plan is produced', async () => {
    const r = await runCli([...EXAMPLE, '--lactating', '--no-simulate']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/INFO {2}R28-breastfeeding/);
  });
});

describe('ldn plan: bad input (exit 2, the message names the option)', () => {
  const bad: [string[], RegExp][] = [
    [['--weight', '500'], /^ldn: --weight: 500 is out of range; use a number from 1 to 300 kg\n$/],
    [['--weight', 'x'], /--weight: "x" must be a number from 1 to 300 kg/],
    [['--age', '130'], /--age: 130 is out of range; use a number from 0 to 120 years/],
    [['--start', '2026-13-01'], /--start: "2026-13-01" must be an existing date/],
    [['--condition', 'gout'], /--condition: "gout" is not a known condition; accepted: endometriosis/],
    [['--preset', 'turbo'], /--preset: "turbo" is not a preset; accepted: ldnrt-standard/],
    [['--start-dose', '2', '--target', '1'], /--target: 1 mg is below the start dose 2 mg/],
    [['--target', '0'], /--target: 0 is out of range/],
    [['--tablets', '10', '--volume', '10', '--syringe', '1', '--graduation', '0.1'], /--volume: the 1 mg dose is 0.02 mL .* too small to measure/],
    [['--formulation', 'powder'], /--formulation: "powder" must be one of: liquid, capsules, tablet-fraction/],
    [['--time', '7pm'], /--time: "7pm" must be a 24-hour clock time HH:MM/],
    [['--opioid-last-dose', 'yesterday'], /--opioid-last-dose: "yesterday" must be an existing date/],
    [['--ack', 'R77'], /--ack \(ack.0\): "R77" is not a rule id/],
    [['--event', 'sleepy'], /--event "sleepy" is not KIND\[:RED_FLAG\]@YYYY-MM-DD/],
    [['--event', 'sleep-effect@2026-11-01'], /--event \(events.0.date\): 2026-11-01 is before the first dose/],
    [['--format', 'pdf'], /--format pdf needs --out FILE.pdf/],
    [['--format', 'docx'], /--format "docx" is not accepted; use one of: table, json, ics, html, pdf/],
  ];
  it.each(bad)('%j', async (args, message) => {
    const r = await runCli([...EXAMPLE, ...args]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/at .*\.ts:\d+/);
  });
  it('missing --condition or --start', async () => {
    const r = await runCli(['plan', '--age', '34']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--condition: is required/);
  });
  it('an unknown option is a usage error', async () => {
    const r = await runCli([...EXAMPLE, '--wieght', '60']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown option '--wieght'/);
  });
  it('the option names of the issue exist', async () => {
    const r = await runCli(['plan', '--help']);
    for (const opt of ['--age', '--weight', '--condition', '--start', '--preset', '--target', '--time', '--formulation', '--tablets', '--volume', '--opioid-last-dose', '--pregnant', '--lactating', '--thyroid-hormone', '--format', '--out', '--ack', '--lang']) {
      expect(r.out).toContain(opt);
    }
  });
});

describe('ldn plan rules / presets', () => {
  it('rules --format json lists all 32 rules with level, sources and evidence level', async () => {
    const r = await runCli(['plan', 'rules', '--format', 'json']);
    expect(r.code).toBe(0);
    const rules = JSON.parse(r.out) as { id: string; levels: string[]; evidence: string; sources: { url?: string; level: string }[] }[];
    expect(rules).toHaveLength(32);
    expect(rules[0]).toMatchObject({ id: 'R01-opioid-regular', levels: ['block'], evidence: 'L' });
    for (const rule of rules) expect(rule.sources.length).toBeGreaterThan(0);
  });
  it('rules --lang uk prints Ukrainian titles and messages', async () => {
    const r = await runCli(['plan', 'rules', '--lang', 'uk']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/R27-pregnancy +warn +L +Вагітність або її планування/);
  });
  it('presets lists each preset with its source and what is NOT FOUND', async () => {
    const r = await runCli(['plan', 'presets']);
    expect(r.out).toMatch(/ldnrt-standard +S +1 mg, \+1 mg weekly/);
    expect(r.out).toMatch(/final-6mg: FINAL 2024/);
  });
  it('an unknown list or format is a usage error', async () => {
    expect((await runCli(['plan', 'rulez'])).code).toBe(2);
    expect((await runCli(['plan', 'rules', '--format', 'html'])).code).toBe(2);
  });
});

describe('ldn plan --format pdf', () => {
  it('without Chromium: exit 1 with how to install it', async () => {
    const prev = process.env.LDN_CHROMIUM;
    process.env.LDN_CHROMIUM = '/nonexistent/chromium';
    try {
      const r = await runCli([...EXAMPLE, '--format', 'pdf', '--out', tmp.path('none.pdf')]);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/needs Chromium .*apt-get install -y chromium/);
      expect(existsSync(tmp.path('none.pdf'))).toBe(false);
    } finally {
      if (prev === undefined) delete process.env.LDN_CHROMIUM;
      else process.env.LDN_CHROMIUM = prev;
    }
  });
  it.skipIf(findChromium() === undefined)('one A4 page starting %PDF, with the patient name and the plan text', async () => {
    const out = tmp.path('plan.pdf');
    const r = await runCli([...EXAMPLE, '--name', 'Olena Kovalenko', '--format', 'pdf', '--out', out]);
    expect(r.code).toBe(0);
    const pdf = readFileSync(out);
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    // one page, from the PDF structure (page objects) and, where poppler is installed, pdfinfo
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    if (has('pdfinfo')) expect(execFileSync('pdfinfo', [out]).toString()).toMatch(/Pages:\s+1\n/);
    if (has('pdftotext')) {
      const text = execFileSync('pdftotext', [out, '-']).toString();
      expect(text).toMatch(/Olena Kovalenko/);
      expect(text).toMatch(/does not replace, the clinician/);
      expect(text).toMatch(/2026-12-29 – 2027-01-25/);
    }
  });
  it.skipIf(findChromium() === undefined || !has('pdftotext'))('Ukrainian text survives into the PDF', async () => {
    const out = tmp.path('plan-uk.pdf');
    const r = await runCli([...EXAMPLE, '--name', 'Олена Коваленко', '--lang', 'uk', '--format', 'pdf', '--out', out]);
    expect(r.code).toBe(0);
    const text = execFileSync('pdftotext', [out, '-']).toString();
    expect(text).toMatch(/Олена Коваленко/);
    expect(text).toMatch(/План титрування низькодозового налтрексону/);
  });
});
