// The printable plan: every text escaped (a hostile name or medicine cannot inject markup), both
// languages, the disclaimer, the schedule, warnings with their sources and levels, and a page that
// says why when no plan was produced.
import { describe, expect, it } from 'vitest';
import { buildPlan, escapeHtml, planToHtml } from '../src/index.js';

const HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> & "Olena"';
const BASE = { name: HOSTILE, age: 34, weight: 62, condition: 'endometriosis', start: '2026-12-01', simulate: false, medicines: ['<b>bold</b> Тетурам'], ack: ['R29'] };

describe('planToHtml', () => {
  const html = planToHtml(buildPlan(BASE));
  it('escapes hostile patient text everywhere', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<b>bold<\/b>/);
    expect(html).toContain(escapeHtml(HOSTILE));
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(escapeHtml(`<a href='x'>&</a>`)).toBe('&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;');
  });
  it('is one printable page of HTML with print CSS, the disclaimer, the schedule and the sources', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="en">');
    expect(html).toMatch(/@page \{ size: A4/);
    expect(html).toMatch(/@media print/);
    expect(html).toMatch(/supports, and does not replace, the clinician/);
    expect(html).toMatch(/2026-12-29 – 2027-01-25<\/td><td class="n">28<\/td><td class="n"><b>4.5<\/b><\/td><td>4.5 mL<\/td>/);
    expect(html).toMatch(/<b class="lvl">WARN<\/b> <b>R29-interactions<\/b>/);
    expect(html).toMatch(/\(acknowledged\)/);
    expect(html).toMatch(/<a href="https:\/\/ldnresearchtrust.org\/can-you-talk-through-starting-dose-and-titration-low-dose-naltrexone-ldn">LDN Research Trust, pharmacist S. Dickson/);
    expect(html).toMatch(/NCT03970330 \(endometriosis\)<\/a> — registry record, n = 9/);
    expect(html).not.toMatch(/<script|javascript:|<[^>]*\son\w+\s*=/i);
  });
  it('Ukrainian: lang="uk", decimal commas, Ukrainian headings and disclaimer', () => {
    const uk = planToHtml(buildPlan({ ...BASE, lang: 'uk' }));
    expect(uk).toContain('<html lang="uk">');
    expect(uk).toMatch(/План титрування низькодозового налтрексону \(LDN\)/);
    expect(uk).toMatch(/не замінює його/);
    expect(uk).toMatch(/<b>4,5<\/b><\/td><td>4,5 мл<\/td>/);
    expect(uk).toMatch(/ендометріоз/);
  });
  it('with a simulation: the chart and the blockade per step and bedtime vs morning', () => {
    const sim = planToHtml(buildPlan({ ...BASE, simulate: true }));
    expect(sim).toMatch(/<svg class="chart"/);
    expect(sim).toMatch(/22:00 \(evening \/ bedtime\)/);
    expect(sim).toMatch(/08:00 \(morning\)/);
    expect(sim).toMatch(/no comparative trial/);
    expect(sim).toMatch(/not a clinical fact/);
  });
  it('a plan not produced says so and why, with no schedule', () => {
    const blocked = planToHtml(buildPlan({ ...BASE, opioids: [{ agent: 'methadone', use: 'regular' }] }));
    expect(blocked).toMatch(/Plan not produced: Blocked by/);
    expect(blocked).toMatch(/R01-opioid-regular/);
    expect(blocked).not.toMatch(/<h2>Schedule<\/h2>/);
    const needs = planToHtml(buildPlan({ ...BASE, ack: [], pregnant: true }));
    expect(needs).toMatch(/Warnings to acknowledge before a plan is produced/);
    expect(needs).toMatch(/R27-pregnancy/);
  });
});
