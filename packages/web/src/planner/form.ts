// The planner form as plain data: what the clinician typed (numbers as text, so a half-typed "4,"
// is kept), turned into the plan request of `ldn plan` / POST /api/plans, and rebuilt from a saved
// request. A fact left blank is *not stated* and is left out of the request, so the rules that
// need it answer "ask" (never pass); "no" and "none" state a fact (false, []). A number that does
// not parse is sent as typed, so the server's message names the field and what it accepts.
import type { PlanRequest } from '@ldn/planner';
import { parseLocaleNumber } from '../components/NumberField.js';

/** a fact: not stated, yes, no */
export type Tri = '' | 'yes' | 'no';

export interface OpioidRow {
  agent: string;
  use: string;
  action: string;
  last_dose: string;
  max_daily_mg: string;
}

export interface PlanForm {
  name: string;
  age: string;
  weight: string;
  sex: '' | 'female' | 'male';
  condition: string;
  hashimoto: Tri;
  pregnant: Tri;
  planning_pregnancy: Tri;
  lactating: Tri;
  liver: string;
  alt: string;
  alt_uln: string;
  kidney: string;
  egfr: string;
  /** not stated, none (opioids: []), or the listed entries */
  opioids: '' | 'none' | 'listed';
  opioidList: OpioidRow[];
  opioid_products: Tri;
  allow_occasional_opioids: Tri;
  thyroid_hormone: Tri;
  medicines: '' | 'none' | 'listed';
  /** one medicine per line */
  medicineText: string;
  hepatotoxic_drugs: Tri;
  transplant: Tri;
  lactose_intolerant: Tri;
  surgery: '' | 'none' | 'planned';
  surgery_date: string;
  // the plan
  start: string;
  /** '' = the default chosen by rules 8–11 */
  preset: string;
  start_dose: string;
  step: string;
  interval: string;
  target: string;
  time: string;
  days: string;
  formulation: 'liquid' | 'capsules' | 'tablet-fraction';
  source: 'tablets' | 'hcl-powder' | 'base-powder';
  tablets: string;
  volume: string;
  concentration: string;
  vehicle: '' | 'water' | 'fawcett';
  storage: '' | 'fridge' | 'room';
  syringe: string;
  graduation: string;
  filler: string;
  light_protected: Tri;
  tablet_strength: string;
  scored: Tri;
  /** language of the plan's printable page and calendar */
  lang: 'en' | 'uk';
}

export const NEW_OPIOID: OpioidRow = { agent: 'tramadol', use: 'stopped', action: 'short-acting', last_dose: '', max_daily_mg: '' };
export const MAX_OPIOIDS = 6;

/** Today's date in the browser's time zone, YYYY-MM-DD. */
export function today(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export function emptyForm(lang: 'en' | 'uk', start = today()): PlanForm {
  return {
    name: '',
    age: '',
    weight: '',
    sex: '',
    condition: 'endometriosis',
    hashimoto: '',
    pregnant: '',
    planning_pregnancy: '',
    lactating: '',
    liver: '',
    alt: '',
    alt_uln: '',
    kidney: '',
    egfr: '',
    opioids: '',
    opioidList: [],
    opioid_products: '',
    allow_occasional_opioids: '',
    thyroid_hormone: '',
    medicines: '',
    medicineText: '',
    hepatotoxic_drugs: '',
    transplant: '',
    lactose_intolerant: '',
    surgery: '',
    surgery_date: '',
    start,
    preset: '',
    start_dose: '',
    step: '',
    interval: '',
    target: '',
    time: '22:00',
    days: '',
    formulation: 'liquid',
    source: 'tablets',
    tablets: '',
    volume: '',
    concentration: '',
    vehicle: '',
    storage: '',
    syringe: '',
    graduation: '',
    filler: '',
    light_protected: '',
    tablet_strength: '',
    scored: '',
    lang,
  };
}

/** A typed number, or the text itself when it does not parse (the server names the field); undefined when blank. */
function number(text: string): number | string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const v = parseLocaleNumber(t);
  return Number.isFinite(v) ? v : t;
}

const tri = (x: Tri): boolean | undefined => (x === 'yes' ? true : x === 'no' ? false : undefined);

/** The plan request for the form (and the acknowledged warnings). */
export function toPlanRequest(f: PlanForm, ack: readonly string[] = []): PlanRequest {
  const r: Record<string, unknown> = { condition: f.condition, start: f.start };
  const put = (key: string, v: unknown): void => {
    if (v !== undefined && v !== '') r[key] = v;
  };
  put('name', f.name.trim());
  put('age', number(f.age));
  put('weight', number(f.weight));
  put('sex', f.sex);
  put('hashimoto', tri(f.hashimoto));
  put('pregnant', tri(f.pregnant));
  put('planning_pregnancy', tri(f.planning_pregnancy));
  put('lactating', tri(f.lactating));
  put('liver', f.liver);
  put('alt', number(f.alt));
  put('alt_uln', number(f.alt_uln));
  put('kidney', f.kidney);
  put('egfr', number(f.egfr));
  if (f.opioids === 'none') r.opioids = [];
  if (f.opioids === 'listed') {
    r.opioids = f.opioidList.map((o) => {
      const e: Record<string, unknown> = { agent: o.agent, use: o.use };
      if (o.action !== '') e.action = o.action;
      if (o.last_dose !== '') e.last_dose = o.last_dose;
      const max = number(o.max_daily_mg);
      if (max !== undefined) e.max_daily_mg = max;
      return e;
    });
  }
  put('opioid_products', tri(f.opioid_products));
  put('allow_occasional_opioids', tri(f.allow_occasional_opioids));
  put('thyroid_hormone', tri(f.thyroid_hormone));
  if (f.medicines === 'none') r.medicines = [];
  if (f.medicines === 'listed') r.medicines = f.medicineText.split('\n').map((m) => m.trim()).filter((m) => m !== '');
  put('hepatotoxic_drugs', tri(f.hepatotoxic_drugs));
  put('transplant', tri(f.transplant));
  put('lactose_intolerant', tri(f.lactose_intolerant));
  if (f.surgery === 'none') r.surgery_date = null;
  if (f.surgery === 'planned') r.surgery_date = f.surgery_date;
  put('preset', f.preset);
  put('start_dose', number(f.start_dose));
  put('step', number(f.step));
  put('interval', number(f.interval));
  put('target', number(f.target));
  put('time', f.time);
  put('days', number(f.days));
  r.formulation = f.formulation;
  if (f.formulation === 'liquid') {
    if (f.source !== 'tablets') r.source = f.source;
    if (f.source === 'tablets') put('tablets', number(f.tablets));
    else put('concentration', number(f.concentration));
    put('volume', number(f.volume));
    put('vehicle', f.vehicle);
    put('storage', f.storage);
    put('syringe', number(f.syringe));
    put('graduation', number(f.graduation));
  } else if (f.formulation === 'capsules') {
    if (f.source !== 'tablets') r.source = f.source;
    put('filler', f.filler);
    put('storage', f.storage);
    put('light_protected', tri(f.light_protected));
  } else {
    put('tablet_strength', number(f.tablet_strength));
    put('scored', tri(f.scored));
  }
  if (ack.length > 0) r.ack = [...ack];
  r.lang = f.lang;
  return r as PlanRequest;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const text = (x: unknown): string => (typeof x === 'number' ? String(x) : typeof x === 'string' ? x : '');
const triOf = (x: unknown): Tri => (x === true ? 'yes' : x === false ? 'no' : '');

/** The form for a saved request (what the form cannot show, such as logged events, is left out and listed). */
export function fromPlanRequest(input: unknown, lang: 'en' | 'uk'): { form: PlanForm; ack: string[]; dropped: string[] } {
  const f = emptyForm(lang);
  const dropped: string[] = [];
  if (!isRecord(input)) return { form: f, ack: [], dropped: ['request'] };
  const r = input;
  const str = <K extends keyof PlanForm>(k: K, v: unknown): void => {
    if (v !== undefined) (f[k] as unknown) = text(v);
  };
  str('name', r.name);
  str('age', r.age);
  str('weight', r.weight);
  if (r.sex === 'female' || r.sex === 'male') f.sex = r.sex;
  str('condition', r.condition);
  for (const k of ['hashimoto', 'pregnant', 'planning_pregnancy', 'lactating', 'opioid_products', 'allow_occasional_opioids', 'thyroid_hormone', 'hepatotoxic_drugs', 'transplant', 'lactose_intolerant', 'light_protected', 'scored'] as const) f[k] = triOf(r[k]);
  str('liver', r.liver);
  str('alt', r.alt);
  str('alt_uln', r.alt_uln);
  str('kidney', r.kidney);
  str('egfr', r.egfr);
  const opioids: OpioidRow[] = Array.isArray(r.opioids) ? r.opioids.filter(isRecord).map((o) => ({ agent: text(o.agent) || 'other', use: text(o.use) || 'stopped', action: text(o.action), last_dose: text(o.last_dose), max_daily_mg: text(o.max_daily_mg) })) : [];
  if (r.opioid !== undefined || r.opioid_use !== undefined || r.opioid_last_dose !== undefined) {
    opioids.push({ agent: text(r.opioid) || 'other', use: text(r.opioid_use) || 'stopped', action: text(r.opioid_action), last_dose: text(r.opioid_last_dose), max_daily_mg: text(r.opioid_max_daily) });
  }
  if (Array.isArray(r.opioids) || opioids.length > 0) {
    f.opioids = opioids.length === 0 ? 'none' : 'listed';
    f.opioidList = opioids;
  }
  if (Array.isArray(r.medicines)) {
    f.medicines = r.medicines.length === 0 ? 'none' : 'listed';
    f.medicineText = r.medicines.map(text).join('\n');
  }
  if (r.surgery_date === null) f.surgery = 'none';
  else if (typeof r.surgery_date === 'string') [f.surgery, f.surgery_date] = ['planned', r.surgery_date];
  str('start', r.start);
  str('preset', r.preset === 'default' ? '' : r.preset);
  str('start_dose', r.start_dose);
  str('step', r.step);
  str('interval', r.interval);
  str('target', r.target);
  str('time', r.time);
  str('days', r.days);
  if (r.formulation === 'liquid' || r.formulation === 'capsules' || r.formulation === 'tablet-fraction') f.formulation = r.formulation;
  if (r.source === 'tablets' || r.source === 'hcl-powder' || r.source === 'base-powder') f.source = r.source;
  str('tablets', r.tablets);
  str('volume', r.volume);
  str('concentration', r.concentration);
  if (r.vehicle === 'water' || r.vehicle === 'fawcett') f.vehicle = r.vehicle;
  if (r.storage === 'fridge' || r.storage === 'room') f.storage = r.storage;
  str('syringe', r.syringe);
  str('graduation', r.graduation);
  str('filler', r.filler);
  str('tablet_strength', r.tablet_strength);
  if (r.lang === 'en' || r.lang === 'uk') f.lang = r.lang;
  for (const k of ['events', 'steps', 'stable_months', 'trial_stop', 'continuing', 'simulate']) if (r[k] !== undefined) dropped.push(k);
  const ack = Array.isArray(r.ack) ? r.ack.filter((a): a is string => typeof a === 'string') : [];
  return { form: f, ack, dropped };
}

/** The id of the form control for a request field path ("weight", "opioids.0.last_dose"). */
export function inputIdFor(path: string, f: PlanForm): string {
  const [head = '', index, leaf] = path.split('.');
  if (head === 'opioids' && index !== undefined && leaf !== undefined) return `plan-opioid-${index}-${leaf}`;
  if (head === 'medicines') return f.medicines === 'listed' ? 'plan-medicineText' : 'plan-medicines';
  if (head === 'surgery_date') return f.surgery === 'planned' ? 'plan-surgery_date' : 'plan-surgery';
  // the one-opioid shorthand's facts belong to the first listed opioid
  const shorthand: Record<string, string> = { opioid_last_dose: 'last_dose', opioid_action: 'action', opioid_max_daily: 'max_daily_mg', opioid_use: 'use', opioid: 'agent' };
  if (head in shorthand) return f.opioids === 'listed' && f.opioidList.length > 0 ? `plan-opioid-0-${shorthand[head]}` : 'plan-opioids';
  if (head === 'steps') return 'plan-preset';
  if (head === 'source' || head === 'tablets' || head === 'concentration') return f.formulation === 'liquid' && f.source !== 'tablets' && head === 'tablets' ? 'plan-concentration' : `plan-${head}`;
  return `plan-${head}`;
}
