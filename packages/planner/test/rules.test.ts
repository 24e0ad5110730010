// Every rule of planner.md §6 with a patient that trips it, one that does not, and (where the rule
// rests on a fact) one whose missing fact makes it ask. BASE is a patient with every fact stated,
// on which no rule asks, warns or blocks.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildContext, buildPlan, evaluateRule, evaluateRules, parsePlanRequest, PlanInputError, RULES, findRule, type RuleResult } from '../src/index.js';

const BASE = {
  name: 'Test Patient',
  age: 34,
  weight: 62,
  sex: 'female',
  condition: 'endometriosis',
  start: '2026-12-01',
  preset: 'ldnrt-standard',
  hashimoto: false,
  thyroid_hormone: false,
  pregnant: false,
  planning_pregnancy: false,
  lactating: false,
  liver: 'normal',
  egfr: 90,
  opioids: [],
  opioid_products: false,
  medicines: [],
  hepatotoxic_drugs: false,
  transplant: false,
  lactose_intolerant: false,
  surgery_date: null,
  vehicle: 'fawcett',
  simulate: false,
} as const;

type Req = Record<string, unknown>;

function without(req: Req, ...keys: string[]): Req {
  const out = { ...req };
  for (const k of keys) delete out[k];
  return out;
}

function result(id: string, req: Req): RuleResult {
  const rule = findRule(id);
  if (!rule) throw new Error(`no rule ${id}`);
  return evaluateRule(rule, buildContext(parsePlanRequest(req)));
}

function expectTrip(id: string, req: Req, level?: string): RuleResult {
  const r = result(id, req);
  expect(r.outcome, `${id} should trip`).toBe('trip');
  if (level) expect(r.level).toBe(level);
  return r;
}
const expectPass = (id: string, req: Req) => expect(result(id, req).outcome, `${id} should pass`).toBe('pass');
function expectAsk(id: string, req: Req, missing?: string): RuleResult {
  const r = result(id, req);
  expect(r.outcome, `${id} should ask`).toBe('ask');
  if (missing) expect(r.missing).toContain(missing);
  return r;
}

describe('the rule set', () => {
  it('has the 32 rules of planner.md §6, in order, each with EN+UK text, a source with a URL or policy, and an evidence level', () => {
    expect(RULES.map((r) => r.n)).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
    for (const r of RULES) {
      expect(r.id).toMatch(new RegExp(`^R${String(r.n).padStart(2, '0')}-[a-z0-9.-]+$`));
      expect(r.message.en.length).toBeGreaterThan(20);
      expect(r.message.uk).toMatch(/[а-яіїєґ]/i);
      expect(r.message.uk).not.toBe(r.message.en);
      expect(r.sources.length).toBeGreaterThan(0);
      expect(r.evidence).toMatch(/^(P|L|S|G|U|D)/);
      expect(r.levels.length).toBeGreaterThan(0);
    }
    expect(new Set(RULES.map((r) => r.id)).size).toBe(32);
  });
  it('levels follow the reference: blocks for opioids, red flags, doses above 6 mg and volumes ≤ 0.1 mL', () => {
    const blocks = RULES.filter((r) => r.levels.includes('block')).map((r) => r.n);
    expect(blocks).toEqual([1, 2, 3, 5, 12, 22, 30]);
  });
  it('BASE states every fact: nothing asks, warns or blocks', () => {
    const ev = evaluateRules(buildContext(parsePlanRequest(BASE)));
    expect(ev.asks).toEqual([]);
    expect(ev.warnings).toEqual([]);
    expect(ev.blocks).toEqual([]);
    expect(ev.status).toBe('ok');
    expect(ev.infos).toEqual(['R17-symptom-diary', 'R18-liquid-suspension', 'R19-liquid-beyond-use']);
  });
  it('a minimal record (condition and start only) never crashes: facts missing → asks, and the plan is still built', () => {
    const p = buildPlan({ condition: 'endometriosis', start: '2026-12-01', simulate: false });
    expect(p.status).toBe('ok');
    expect(p.asks).toEqual(expect.arrayContaining(['R01-opioid-regular', 'R02-opioid-free-interval', 'R11-paediatric', 'R25-liver', 'R26-kidney', 'R27-pregnancy', 'R28-breastfeeding', 'R29-interactions']));
    for (const r of p.rules.filter((x) => x.outcome === 'ask')) expect(r.missing!.length).toBeGreaterThan(0);
  });
  it('random partial records never crash the rule engine: only PlanInputError for bad combinations', () => {
    const fields = {
      age: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
      weight: fc.option(fc.integer({ min: 3, max: 200 }), { nil: undefined }),
      pregnant: fc.option(fc.boolean(), { nil: undefined }),
      lactating: fc.option(fc.boolean(), { nil: undefined }),
      thyroid_hormone: fc.option(fc.boolean(), { nil: undefined }),
      hashimoto: fc.option(fc.boolean(), { nil: undefined }),
      lactose_intolerant: fc.option(fc.boolean(), { nil: undefined }),
      liver: fc.option(fc.constantFrom('normal', 'acute-hepatitis', 'decompensated-cirrhosis', 'other'), { nil: undefined }),
      egfr: fc.option(fc.integer({ min: 5, max: 150 }), { nil: undefined }),
      opioid_last_dose: fc.option(fc.constantFrom('2026-11-20', '2026-11-28', '2026-11-30'), { nil: undefined }),
      condition: fc.constantFrom('endometriosis', 'long-covid', 'hashimoto', 'fibromyalgia', 'other', 'me-cfs'),
      formulation: fc.option(fc.constantFrom('liquid', 'capsules'), { nil: undefined }),
      surgery_date: fc.option(fc.constantFrom(null, '2027-01-15', '2026-11-01'), { nil: undefined }),
    };
    fc.assert(
      fc.property(fc.record(fields), (rec) => {
        const req: Req = { start: '2026-12-01', simulate: false };
        for (const [k, v] of Object.entries(rec)) if (v !== undefined) req[k] = v;
        try {
          const p = buildPlan(req);
          expect(p.rules).toHaveLength(32);
          expect(['ok', 'blocked', 'needs-acknowledgement']).toContain(p.status);
        } catch (e) {
          expect(e).toBeInstanceOf(PlanInputError);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('opioids and surgery (rules 1–7)', () => {
  it('R01 regular opioid: trips (block), passes with none, asks when opioid use is not stated', () => {
    expectTrip('R01', { ...BASE, opioids: [{ agent: 'tramadol', use: 'regular' }] }, 'block');
    expectTrip('R01', { ...BASE, opioids: [], opioid: 'buprenorphine', opioid_use: 'regular' }, 'block');
    expectPass('R01', BASE);
    expectAsk('R01', without(BASE, 'opioids'), 'opioids');
  });
  it('R02 opioid-free interval: < 7 d blocks, 7–9 d warns, ≥ 10 d passes, no date asks', () => {
    expectTrip('R02', { ...BASE, opioid_last_dose: '2026-11-28' }, 'block'); // 3 days
    expectTrip('R02', { ...BASE, opioid_last_dose: '2026-11-25' }, 'block'); // 6 days
    expectTrip('R02', { ...BASE, opioid_last_dose: '2026-11-24' }, 'warn'); // 7 days
    expectTrip('R02', { ...BASE, opioid_last_dose: '2026-11-22' }, 'warn'); // 9 days
    expectPass('R02', { ...BASE, opioid_last_dose: '2026-11-21' }); // 10 days
    expectPass('R02', BASE);
    expectAsk('R02', { ...BASE, opioids: [{ agent: 'codeine', use: 'stopped' }] }, 'opioid_last_dose');
    expectAsk('R02', without(BASE, 'opioids'));
    const r = expectTrip('R02', { ...BASE, opioid: 'tramadol', opioid_last_dose: '2026-11-28' });
    expect(r.detail!.en).toMatch(/tramadol: last dose 2026-11-28, 3 day\(s\) before the first LDN dose/);
  });
  it('R03 methadone/buprenorphine within 14 days: trips, passes at 14 days, asks without a date', () => {
    expectTrip('R03', { ...BASE, opioids: [{ agent: 'methadone', use: 'stopped', last_dose: '2026-11-20' }] }, 'block');
    expectPass('R03', { ...BASE, opioids: [{ agent: 'buprenorphine', use: 'stopped', last_dose: '2026-11-17' }] });
    expectAsk('R03', { ...BASE, opioids: [{ agent: 'buprenorphine', use: 'stopped' }] }, 'opioid_last_dose');
  });
  it('R04 opioid-containing cough/cold/antidiarrhoeal products: warn / pass / ask', () => {
    expectTrip('R04', { ...BASE, opioid_products: true }, 'warn');
    expectPass('R04', BASE);
    expectAsk('R04', without(BASE, 'opioid_products'), 'opioid_products');
  });
  it('R05 occasional opioids with opt-in: warn within the caps, block above them or for long-acting, ask without the decision', () => {
    const occ = (mg: number, agent = 'oxycodone', action = 'short-acting') => ({ ...BASE, allow_occasional_opioids: true, opioids: [{ agent, action, use: 'occasional', max_daily_mg: mg }] });
    const warn = expectTrip('R05', occ(20), 'warn');
    expect(warn.detail!.en).toMatch(/oxycodone up to 20 mg\/day \(cap 30\), ≥ 6 h/);
    expectTrip('R05', occ(40), 'block');
    expectTrip('R05', occ(300, 'tramadol'), 'warn');
    expectTrip('R05', occ(20, 'oxycodone', 'long-acting'), 'block');
    expectTrip('R05', occ(10, 'codeine'), 'block');
    expectPass('R05', BASE);
    expectAsk('R05', without(occ(20), 'allow_occasional_opioids'), 'allow_occasional_opioids');
    // without opt-in, rule 2 governs the last dose
    expectTrip('R02', { ...BASE, allow_occasional_opioids: false, opioids: [{ agent: 'oxycodone', use: 'occasional', last_dose: '2026-11-29' }] }, 'block');
  });
  it('R06 planned surgery: the last dose is ≥ 72 h before, the calendar stops; none planned passes; not stated asks', () => {
    const r = expectTrip('R06', { ...BASE, surgery_date: '2027-01-10' }, 'warn');
    expect(r.detail!.en).toMatch(/last dose 2027-01-06 at 22:00/);
    const morning = expectTrip('R06', { ...BASE, surgery_date: '2027-01-10', time: '00:00' });
    expect(morning.detail!.en).toMatch(/last dose 2027-01-07 at 00:00/);
    expectPass('R06', BASE);
    expectPass('R06', { ...BASE, surgery_date: '2026-10-01' });
    expectAsk('R06', without(BASE, 'surgery_date'), 'surgery_date');
    const plan = buildPlan({ ...BASE, surgery_date: '2027-01-10', ack: ['R06'] });
    const days = plan.calendar!.days;
    expect(days.find((d) => d.date === '2027-01-06')!.status).toBe('dose');
    expect(days.find((d) => d.date === '2027-01-07')!.status).toBe('paused');
    expect(days[days.length - 1]).toMatchObject({ date: '2027-01-10', status: 'surgery' });
  });
  it('R07 stopping raises opioid sensitivity: trips when the plan stops LDN, passes otherwise (never asks)', () => {
    expectTrip('R07', { ...BASE, surgery_date: '2027-01-10' }, 'info');
    expectTrip('R07', { ...BASE, trial_stop: true, stable_months: 7 }, 'info');
    expectPass('R07', BASE);
    expect(result('R07', { condition: 'endometriosis', start: '2026-12-01' }).outcome).toBe('pass');
  });
});

describe('titration (rules 8–17)', () => {
  it('R08 default protocol: trips when none is chosen, passes with a preset', () => {
    expectTrip('R08', without(BASE, 'preset'), 'info');
    expect(buildPlan({ ...without(BASE, 'preset') }).preset!.id).toBe('ldnrt-standard');
    expectPass('R08', BASE);
  });
  it('R09 ME/CFS and long COVID: the slow preset by default; passes for other conditions', () => {
    expectTrip('R09', { ...without(BASE, 'preset'), condition: 'long-covid' }, 'info');
    expect(buildPlan({ ...without(BASE, 'preset'), condition: 'me-cfs' }).preset!.id).toBe('ldnrt-slow');
    const chosen = expectTrip('R09', { ...BASE, condition: 'me-cfs' });
    expect(chosen.detail!.en).toMatch(/ldnrt-standard/);
    expectPass('R09', BASE);
  });
  it("R10 Hashimoto's on thyroid hormone: warns (and picks the Norland preset), passes without, asks when unknown", () => {
    expectTrip('R10', { ...BASE, hashimoto: true, thyroid_hormone: true }, 'warn');
    expectTrip('R10', { ...BASE, condition: 'hashimoto', thyroid_hormone: true }, 'warn');
    expect(buildPlan({ ...without(BASE, 'preset'), hashimoto: true, thyroid_hormone: true, ack: ['R10'] }).preset!.id).toBe('norland-thyroid');
    expectPass('R10', BASE);
    expectAsk('R10', without(BASE, 'hashimoto', 'thyroid_hormone'), 'thyroid_hormone');
    expectAsk('R10', { ...without(BASE, 'thyroid_hormone'), condition: 'hashimoto' }, 'thyroid_hormone');
  });
  it('R11 under 18: 0.1 mg/kg capped at 4.5 mg; passes for adults; asks without an age', () => {
    const child = { ...without(BASE, 'preset'), age: 12, weight: 40 };
    const r = expectTrip('R11', child, 'warn');
    expect(r.detail!.en).toMatch(/40 kg × 0.1 mg\/kg → 4 mg/);
    expect(buildPlan({ ...child, ack: ['R11'] }).schedule!.map((s) => s.dose_mg)).toEqual([4]);
    expect(buildPlan({ ...child, weight: 60, ack: ['R11'] }).schedule!.map((s) => s.dose_mg)).toEqual([4.5]);
    expect(expectTrip('R11', { ...child, age: 6, weight: 20 }).detail!.en).toMatch(/younger than any child in the trial/);
    expectPass('R11', BASE);
    expectAsk('R11', without(BASE, 'age'), 'age');
  });
  it('R12 dose above 4.5 mg warns, above 6 mg blocks', () => {
    expectTrip('R12', { ...BASE, target: 5 }, 'warn');
    expectTrip('R12', { ...BASE, target: 6 }, 'warn');
    expectTrip('R12', { ...BASE, target: 6.5 }, 'block');
    expectPass('R12', BASE);
  });
  it('R13 an interval under 7 days warns', () => {
    expectTrip('R13', { ...BASE, interval: 5 }, 'warn');
    expectTrip('R13', { ...without(BASE, 'preset'), steps: '1:3,2:7,4.5' }, 'warn');
    expectPass('R13', BASE);
    expectPass('R13', { ...BASE, interval: 7 });
  });
  it('R14 persistent side effects: halve the current dose, then re-titrate with the same step', () => {
    const req = { ...BASE, events: [{ date: '2026-12-10', kind: 'persistent-side-effect' }] };
    expectTrip('R14', req, 'info');
    const doses = buildPlan(req).schedule!.map((s) => [s.from, s.dose_mg]);
    expect(doses).toEqual([
      ['2026-12-01', 1],
      ['2026-12-08', 2],
      ['2026-12-10', 1],
      ['2026-12-17', 2],
      ['2026-12-24', 3],
      ['2026-12-31', 4],
      ['2027-01-07', 4.5],
    ]);
    expectPass('R14', BASE);
  });
  it('R15 worse after an increase: back to the previous dose and hold', () => {
    const req = { ...BASE, events: [{ date: '2026-12-16', kind: 'worsening' }] };
    expectTrip('R15', req, 'info');
    const s = buildPlan(req).schedule!;
    expect(s.map((x) => x.dose_mg)).toEqual([1, 2, 3, 2]);
    expect(s[2]).toMatchObject({ from: '2026-12-15', to: '2026-12-15' });
    expect(s[3]!.origin).toBe('step-back');
    expectPass('R15', BASE);
  });
  it('R16 sleep effects: the timing advice is labelled practice advice with no comparative trial', () => {
    const r = expectTrip('R16', { ...BASE, events: [{ date: '2026-12-03', kind: 'sleep-effect' }] }, 'info');
    expect(r.message.en).toMatch(/practice advice; no comparative trial/);
    expect(r.message.uk).toMatch(/практична порада; порівняльних досліджень немає/);
    expect(r.message.en).toMatch(/Morning dosing is not evidence-based/);
    expectPass('R16', BASE);
  });
  it('R17 symptom diary: trips for a new start or a dose change, passes when continuing one dose', () => {
    expectTrip('R17', BASE, 'info');
    expectPass('R17', { ...BASE, preset: 'trial-fixed-4.5', continuing: true });
  });
});

describe('compounding (rules 18–24)', () => {
  const capsules = { ...without(BASE, 'vehicle'), formulation: 'capsules', source: 'hcl-powder', filler: 'avicel', storage: 'room', light_protected: true };
  it('R18 a liquid from tablets is a suspension: tablets × 50 mg ÷ volume', () => {
    const r = expectTrip('R18', { ...BASE, vehicle: 'water', tablets: 1, volume: 50 }, 'info');
    expect(r.detail!.en).toBe('1 × 50 mg ÷ 50 mL = 1 mg/mL');
    expectPass('R18', capsules);
    expectPass('R18', { ...BASE, source: 'hcl-powder', concentration: 1, volume: 50 });
  });
  it('R19 liquid beyond-use date: Fawcett info, plain water warns, unknown vehicle asks', () => {
    expect(expectTrip('R19', BASE, 'info').detail!.en).toMatch(/60 days at 2–8 °C/);
    expect(expectTrip('R19', { ...BASE, vehicle: 'fawcett', storage: 'room' }, 'info').detail!.en).toMatch(/30 days at room temperature/);
    expect(expectTrip('R19', { ...BASE, vehicle: 'water' }, 'warn').detail!.en).toMatch(/14 days at 2–8 °C/);
    expectTrip('R19', { ...BASE, vehicle: 'fawcett', tablets: 1, volume: 20 }, 'warn'); // 2.5 mg/mL: not a studied strength
    expectAsk('R19', without(BASE, 'vehicle'), 'vehicle');
    expectPass('R19', capsules);
  });
  it('R20 capsule beyond-use date: 360 days with Avicel at room temperature protected from light, else 180; asks without the filler', () => {
    expect(expectTrip('R20', capsules, 'info').detail!.en).toMatch(/360 days/);
    expect(expectTrip('R20', { ...capsules, light_protected: false }).detail!.en).toMatch(/180 days/);
    expectAsk('R20', without(capsules, 'filler'), 'filler');
    expectPass('R20', BASE);
  });
  it('R21 capsule filler calcium carbonate or slow-release warns', () => {
    expectTrip('R21', { ...capsules, filler: 'calcium-carbonate' }, 'warn');
    expectTrip('R21', { ...capsules, filler: 'slow-release' }, 'warn');
    expectPass('R21', capsules);
    expectAsk('R21', without(capsules, 'filler'), 'filler');
  });
  it('R22 dose volume ≤ 0.1 mL blocks, < 0.25 mL warns', () => {
    expectTrip('R22', { ...BASE, vehicle: 'water', tablets: 10, volume: 50 }, 'block'); // 10 mg/mL: 1 mg = 0.1 mL
    expectTrip('R22', { ...BASE, tablets: 5, volume: 50 }, 'warn'); // 5 mg/mL: 1 mg = 0.2 mL
    expectPass('R22', BASE);
    expectPass('R22', capsules);
  });
  it('R23 base powder is converted with 341.41/377.86; doses stay mg HCl', () => {
    const r = expectTrip('R23', { ...BASE, source: 'base-powder', concentration: 1, volume: 50 }, 'info');
    expect(r.detail!.en).toBe('4.5 mg HCl = 4.0659 mg base');
    expectPass('R23', BASE);
  });
  it('R24 lactose intolerance with a tablet-based preparation: info; a powder with a lactose-free filler passes', () => {
    expectTrip('R24', { ...BASE, lactose_intolerant: true }, 'info');
    expectTrip('R24', { ...capsules, filler: 'lactose', lactose_intolerant: true });
    expectPass('R24', { ...capsules, lactose_intolerant: true });
    expectPass('R24', BASE);
    expectAsk('R24', without(BASE, 'lactose_intolerant'), 'lactose_intolerant');
  });
});

describe('other safety (rules 25–32)', () => {
  it('R25 liver: decompensated cirrhosis or ALT > 2 × ULN warns', () => {
    expectTrip('R25', { ...BASE, liver: 'decompensated-cirrhosis' }, 'warn');
    expect(expectTrip('R25', { ...BASE, alt: 100, alt_uln: 40 }).detail!.en).toMatch(/2.5 × ULN/);
    expectPass('R25', { ...BASE, alt: 80, alt_uln: 40 });
    expectPass('R25', BASE);
    expectAsk('R25', without(BASE, 'liver'), 'liver');
  });
  it('R26 eGFR < 60 warns', () => {
    expectTrip('R26', { ...BASE, egfr: 45 }, 'warn');
    expectPass('R26', { ...BASE, egfr: 60 });
    expectAsk('R26', without(BASE, 'egfr'), 'egfr');
  });
  it('R27 pregnancy or planning it warns and needs sign-off', () => {
    expectTrip('R27', { ...BASE, pregnant: true }, 'warn');
    expectTrip('R27', { ...BASE, planning_pregnancy: true }, 'warn');
    expectPass('R27', BASE);
    expectPass('R27', { ...without(BASE, 'pregnant', 'planning_pregnancy'), sex: 'male' });
    expectAsk('R27', without(BASE, 'pregnant'), 'pregnant');
  });
  it('R28 breastfeeding: info', () => {
    expectTrip('R28', { ...BASE, lactating: true }, 'info');
    expectPass('R28', BASE);
    expectAsk('R28', without(BASE, 'lactating'), 'lactating');
  });
  it('R29 thioridazine, disulfiram (names in English or Ukrainian), hepatotoxic drugs or a transplant warn', () => {
    expectTrip('R29', { ...BASE, medicines: ['Thioridazine 25 mg'] }, 'warn');
    expect(expectTrip('R29', { ...BASE, medicines: ['Тетурам'] }).detail!.en).toBe('disulfiram');
    expectTrip('R29', { ...BASE, transplant: true }, 'warn');
    expectPass('R29', { ...BASE, medicines: ['levothyroxine'] });
    expectAsk('R29', without(BASE, 'medicines'), 'medicines');
  });
  it('R30 a red flag blocks: contact a clinician now', () => {
    expectTrip('R30', { ...BASE, events: [{ date: '2026-12-05', kind: 'red-flag', red_flag: 'hepatitis-symptoms' }] }, 'block');
    expectPass('R30', BASE);
  });
  it('R31 a trial stop after ≥ 6 months stable in long COVID: info; asks for the months', () => {
    expectTrip('R31', { ...BASE, condition: 'long-covid', trial_stop: true, stable_months: 6 }, 'info');
    expectPass('R31', { ...BASE, condition: 'long-covid', trial_stop: true, stable_months: 3 });
    expectPass('R31', BASE);
    expectAsk('R31', { ...BASE, trial_stop: true }, 'stable_months');
  });
  it('R32 missed dose: take it unless within 6 h of the next; never double', () => {
    const r = expectTrip('R32', { ...BASE, events: [{ date: '2026-12-05', kind: 'missed-dose', time: '23:30' }] }, 'info');
    expect(r.detail!.en).toMatch(/22.5 h before the next dose — take it now/);
    const morning = expectTrip('R32', { ...BASE, time: '08:00', events: [{ date: '2026-12-05', kind: 'missed-dose', time: '03:00' }] });
    expect(morning.detail!.en).toMatch(/before the 08:00 dose/);
    expect(expectTrip('R32', { ...BASE, time: '08:00', events: [{ date: '2026-12-05', kind: 'missed-dose', time: '23:00' }] }).detail!.en).toMatch(/9 h before the next dose — take it now/);
    const late = expectTrip('R32', { ...BASE, time: '04:00', events: [{ date: '2026-12-05', kind: 'missed-dose', time: '23:00' }] });
    expect(late.detail!.en).toMatch(/within 6 h of the next dose — skip it/);
    expectPass('R32', BASE);
  });
});

describe('blocks, warnings and acknowledgements', () => {
  it('a block produces no plan (no schedule, calendar or simulation) and lists the rule', () => {
    const p = buildPlan({ ...BASE, opioid_last_dose: '2026-11-28' });
    expect(p.status).toBe('blocked');
    expect(p.blocks).toEqual(['R02-opioid-free-interval']);
    expect(p.schedule).toBeUndefined();
    expect(p.calendar).toBeUndefined();
    expect(p.simulation).toBeUndefined();
  });
  it('a warn without --ack produces no plan; acknowledged (full id or Rnn prefix) it does, marked acknowledged', () => {
    const p = buildPlan({ ...BASE, pregnant: true });
    expect(p.status).toBe('needs-acknowledgement');
    expect(p.needs_ack).toEqual(['R27-pregnancy']);
    expect(p.schedule).toBeUndefined();
    for (const ack of ['R27', 'r27', 'R27-pregnancy']) {
      const q = buildPlan({ ...BASE, pregnant: true, ack: [ack] });
      expect(q.status).toBe('ok');
      expect(q.acknowledged).toEqual(['R27-pregnancy']);
      expect(q.rules.find((r) => r.id === 'R27-pregnancy')!.acknowledged).toBe(true);
    }
  });
  it('a block cannot be acknowledged away', () => {
    expect(buildPlan({ ...BASE, target: 7, ack: ['R12'] }).status).toBe('blocked');
  });
  it('an unknown ack id is bad input naming the field', () => {
    expect(() => buildPlan({ ...BASE, ack: ['R99'] })).toThrow(/ack\.0: "R99" is not a rule id/);
  });
});
