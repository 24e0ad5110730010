// Rules 1–7 of planner.md §6: opioids and surgery. Opioids are the hard rule (label
// contraindication); every day count is from the last opioid dose to the plan's first LDN dose.
import { addDays, daysBetween } from '../dates.js';
import type { OpioidEntry } from '../inputs.js';
import { t, type Text } from '../text.js';
import { ask, pass, trip, type Outcome, type Rule } from './types.js';

const isMB = (o: OpioidEntry) => o.agent === 'methadone' || o.agent === 'buprenorphine';
const OPIOIDS_FIELD = 'opioids';

/** Liptan's daily caps (S), mg of the opioid per day */
export const LIPTAN_CAPS_MG: Readonly<Record<string, number>> = { morphine: 40, hydrocodone: 40, oxycodone: 30, tramadol: 300 };
/** Liptan: at least 6 h between a short-acting opioid and the LDN dose (S) */
export const LIPTAN_SEPARATION_H = 6;
/** label: opioid-free for a minimum of 7 to 10 days after short-acting opioids (L) */
export const OPIOID_FREE_MIN_DAYS = 7;
export const OPIOID_FREE_MAX_DAYS = 10;
/** patient leaflet: not if methadone or buprenorphine was used in the past 14 days (S) */
export const METHADONE_BUPRENORPHINE_DAYS = 14;
/** the most conservative of 48 h (ldndirect), 3 days (LDNRT) and 72 h (Burns 2022), all S */
export const SURGERY_HOLD_H = 72;

function daysText(o: OpioidEntry, days: number): Text {
  const when = o.last_dose!;
  return days < 0
    ? t(`${o.agent}: last dose ${when} is after the planned start`, `${o.agent}: остання доза ${when} — після запланованого початку`)
    : t(`${o.agent}: last dose ${when}, ${days} day(s) before the first LDN dose`, `${o.agent}: остання доза ${when}, за ${days} дн. до першої дози LDN`);
}

const R01: Rule = {
  id: 'R01-opioid-regular',
  n: 1,
  group: 'opioids',
  levels: ['block'],
  title: t('Regular opioid use', 'Регулярне застосування опіоїдів'),
  message: t(
    'Regular use of an opioid agonist or partial agonist (including methadone, buprenorphine, tramadol, codeine products and long-acting opioids): naltrexone is contraindicated per label. No schedule is produced.',
    'Регулярне застосування агоніста або часткового агоніста опіоїдних рецепторів (зокрема метадону, бупренорфіну, трамадолу, препаратів із кодеїном та опіоїдів тривалої дії): налтрексон протипоказаний згідно з інструкцією. Схему не складено.',
  ),
  sources: [
    { source: 'label-current', level: 'L' },
    { source: 'fda-slc-2013', level: 'L' },
    { source: 'label-opioid-free', level: 'L', note: 'tramadol named in the opioid-free paragraph' },
  ],
  evidence: 'L',
  evaluate(ctx) {
    if (ctx.opioids === undefined) return ask([OPIOIDS_FIELD], t('Opioid use is not stated.', 'Застосування опіоїдів не зазначено.'));
    const regular = ctx.opioids.filter((o) => o.use === 'regular');
    if (regular.length > 0) return trip(t(`regular use: ${regular.map((o) => o.agent).join(', ')}`, `регулярне застосування: ${regular.map((o) => o.agent).join(', ')}`));
    return pass();
  },
};

const R02: Rule = {
  id: 'R02-opioid-free-interval',
  n: 2,
  group: 'opioids',
  levels: ['block', 'warn'],
  title: t('Opioid-free interval before the start', 'Період без опіоїдів перед початком'),
  message: t(
    'A last opioid dose less than 7 days before the first LDN dose blocks the start; 7 to 10 days needs acknowledgement. The label asks for a minimum of 7 to 10 days opioid-free (including tramadol) after short-acting opioids.',
    'Якщо від останньої дози опіоїду до першої дози LDN минуло менше 7 днів, початок блокується; 7–10 днів — потрібне підтвердження лікаря. Інструкція вимагає щонайменше 7–10 днів без опіоїдів (зокрема трамадолу) після опіоїдів короткої дії.',
  ),
  sources: [
    { source: 'label-opioid-free', level: 'L' },
    { source: 'label-mallinckrodt', level: 'L' },
  ],
  evidence: 'L',
  evaluate(ctx) {
    if (ctx.opioids === undefined) return ask([OPIOIDS_FIELD, 'opioid_last_dose'], t('Opioid use and the last opioid dose are not stated.', 'Застосування опіоїдів і дату останньої дози не зазначено.'));
    let worst: Outcome = pass();
    const details: Text[] = [];
    const missing: string[] = [];
    for (const o of ctx.opioids) {
      if (isMB(o) || o.use === 'regular') continue; // rules 3 and 1
      if (o.use === 'occasional' && ctx.req.allow_occasional_opioids === true) continue; // rule 5
      if (o.last_dose === undefined) {
        missing.push('opioid_last_dose');
        details.push(t(`${o.agent}: date of the last dose not stated`, `${o.agent}: дату останньої дози не зазначено`));
        continue;
      }
      if (o.action === 'long-acting') {
        missing.push('opioid_action');
        details.push(t(`${o.agent}: the label's 7–10 days are stated for short-acting opioids; the interval after a long-acting opioid is the clinician's judgement`, `${o.agent}: 7–10 днів в інструкції стосуються опіоїдів короткої дії; інтервал після опіоїду тривалої дії визначає лікар`));
        continue;
      }
      const days = daysBetween(o.last_dose, ctx.planned.start);
      details.push(daysText(o, days));
      if (days < OPIOID_FREE_MIN_DAYS) worst = trip(undefined, 'block');
      else if (days < OPIOID_FREE_MAX_DAYS && worst.outcome !== 'trip') worst = trip(undefined, 'warn');
    }
    const detail = details.length ? { en: details.map((d) => d.en).join('; '), uk: details.map((d) => d.uk).join('; ') } : undefined;
    if (worst.outcome === 'trip') return trip(detail, worst.level);
    if (missing.length) return ask([...new Set(missing)], detail);
    return pass(detail);
  },
};

const R03: Rule = {
  id: 'R03-methadone-buprenorphine-14d',
  n: 3,
  group: 'opioids',
  levels: ['block'],
  title: t('Methadone or buprenorphine in the last 14 days', 'Метадон або бупренорфін протягом останніх 14 днів'),
  message: t(
    'Methadone or buprenorphine used in the 14 days before the first dose: do not start (patient leaflet: not if used in the past 14 days; the label\'s "two weeks" statement is unverified).',
    'Метадон або бупренорфін застосовувалися протягом 14 днів до першої дози: не розпочинати (інформація для пацієнта: не застосовувати, якщо їх приймали протягом останніх 14 днів; твердження інструкції про «два тижні» не перевірено).',
  ),
  sources: [
    { source: 'leaflet-multum', level: 'S' },
    { source: 'ai-buprenorphine', level: 'U', note: 'the label statement on "as long as 2 weeks"' },
  ],
  evidence: 'S (label statement U)',
  evaluate(ctx) {
    if (ctx.opioids === undefined) return ask([OPIOIDS_FIELD], t('Methadone or buprenorphine use is not stated.', 'Застосування метадону чи бупренорфіну не зазначено.'));
    const mb = ctx.opioids.filter(isMB);
    for (const o of mb) {
      if (o.use === 'regular') return trip(t(`${o.agent}: regular use`, `${o.agent}: регулярне застосування`));
      if (o.last_dose === undefined) return ask(['opioid_last_dose'], t(`${o.agent}: date of the last dose not stated`, `${o.agent}: дату останньої дози не зазначено`));
      const days = daysBetween(o.last_dose, ctx.planned.start);
      if (days < METHADONE_BUPRENORPHINE_DAYS) return trip(daysText(o, days));
    }
    return pass();
  },
};

const R04: Rule = {
  id: 'R04-opioid-containing-products',
  n: 4,
  group: 'opioids',
  levels: ['warn'],
  title: t('Opioid-containing cough, cold or antidiarrhoeal products', 'Засоби від кашлю, застуди чи діареї, що містять опіоїди'),
  message: t(
    'Opioid-containing cough, cold or antidiarrhoeal products (including loperamide) may not work with naltrexone and may provoke withdrawal-like symptoms.',
    'Протикашльові, протизастудні або протидіарейні засоби, що містять опіоїди (зокрема лоперамід), можуть не діяти на тлі налтрексону та можуть спричинити симптоми, подібні до абстинентних.',
  ),
  sources: [
    { source: 'label-vivitrol', level: 'L' },
    { source: 'label-revia-ddi', level: 'L' },
    { source: 'ldn-norge', level: 'U', note: 'loperamide specifically' },
  ],
  evidence: 'L (loperamide U)',
  evaluate(ctx) {
    const v = ctx.req.opioid_products;
    if (v === undefined) return ask(['opioid_products'], t('Use of opioid-containing cough, cold or antidiarrhoeal products is not stated.', 'Застосування засобів від кашлю, застуди чи діареї з опіоїдами не зазначено.'));
    return v ? trip() : pass();
  },
};

const R05: Rule = {
  id: 'R05-occasional-opioids',
  n: 5,
  group: 'opioids',
  levels: ['warn', 'block'],
  title: t('Occasional short-acting opioids (prescriber opt-in)', 'Епізодичні опіоїди короткої дії (за рішенням лікаря)'),
  message: t(
    "Occasional short-acting opioid use with the prescriber's opt-in is one clinician's practice (Liptan), not a guideline: only short-acting opioids, at least 6 h apart from the LDN dose, at most 40 mg morphine or hydrocodone, 30 mg oxycodone or 300 mg tramadol a day. Long-acting opioids, other opioids or doses above these caps are refused.",
    'Епізодичне застосування опіоїдів короткої дії за рішенням лікаря — це практика одного лікаря (Liptan), а не настанова: лише опіоїди короткої дії, з інтервалом щонайменше 6 год від дози LDN, не більше 40 мг морфіну чи гідрокодону, 30 мг оксикодону або 300 мг трамадолу на добу. Опіоїди тривалої дії, інші опіоїди або дози понад ці межі не допускаються.',
  ),
  sources: [{ source: 'liptan', level: 'S' }],
  evidence: 'S',
  evaluate(ctx) {
    if (ctx.opioids === undefined) return ask([OPIOIDS_FIELD], t('Occasional opioid use is not stated.', 'Епізодичне застосування опіоїдів не зазначено.'));
    const occasional = ctx.opioids.filter((o) => o.use === 'occasional');
    if (occasional.length === 0) return pass();
    const optIn = ctx.req.allow_occasional_opioids;
    if (optIn === undefined) return ask(['allow_occasional_opioids'], t('Occasional opioid use is declared: the prescriber decides whether to allow it (this rule) or to require an opioid-free interval (rule 2).', 'Зазначено епізодичне застосування опіоїдів: лікар вирішує, чи дозволити його (це правило), чи вимагати період без опіоїдів (правило 2).'));
    if (!optIn) return pass(t('not allowed by the prescriber: rule 2 applies', 'лікар не дозволив: застосовується правило 2'));
    const caps: Text[] = [];
    for (const o of occasional) {
      const cap = LIPTAN_CAPS_MG[o.agent];
      if (o.action === 'long-acting' || isMB(o)) return trip(t(`${o.agent}: long-acting opioids are not allowed`, `${o.agent}: опіоїди тривалої дії не допускаються`), 'block');
      if (cap === undefined) return trip(t(`${o.agent}: the source gives no daily cap for it`, `${o.agent}: джерело не наводить для нього добової межі`), 'block');
      if (o.action === undefined) return ask(['opioid_action'], t(`${o.agent}: short-acting or long-acting not stated`, `${o.agent}: не зазначено, короткої чи тривалої дії`));
      if (o.max_daily_mg === undefined) return ask(['opioid_max_daily'], t(`${o.agent}: the largest daily dose is not stated`, `${o.agent}: найбільшу добову дозу не зазначено`));
      if (o.max_daily_mg > cap) return trip(t(`${o.agent}: ${o.max_daily_mg} mg/day is above the ${cap} mg/day cap`, `${o.agent}: ${o.max_daily_mg} мг/добу перевищує межу ${cap} мг/добу`), 'block');
      caps.push(t(`${o.agent} up to ${o.max_daily_mg} mg/day (cap ${cap}), ≥ ${LIPTAN_SEPARATION_H} h from the LDN dose`, `${o.agent} до ${o.max_daily_mg} мг/добу (межа ${cap}), ≥ ${LIPTAN_SEPARATION_H} год від дози LDN`));
    }
    return trip({ en: caps.map((c) => c.en).join('; '), uk: caps.map((c) => c.uk).join('; ') }, 'warn');
  },
};

/** The last day with a dose at `time` that is at least 72 h before the surgery day's 00:00 (the time of surgery is not asked, so the earliest is assumed). */
export function lastDoseDayBeforeSurgery(surgeryDate: string, time: string): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const doseH = h + m / 60;
  const back = Math.ceil((SURGERY_HOLD_H + doseH) / 24 - 1e-9);
  return addDays(surgeryDate, -back);
}

const R06: Rule = {
  id: 'R06-surgery-pause',
  n: 6,
  group: 'opioids',
  levels: ['warn'],
  title: t('Planned surgery: stop at least 72 h before', 'Запланована операція: припинити щонайменше за 72 год'),
  message: t(
    "Planned surgery: the last LDN dose is scheduled at least 72 h before the surgery date (the most conservative of 48 h from ldndirect, 3 days from the LDN Research Trust and 72 h from an anaesthesia review); restart only after the last opioid dose, on the clinician's decision. No perioperative guideline addresses LDN (Goel 2024).",
    'Запланована операція: останню дозу LDN призначено щонайменше за 72 год до дати операції (найобережніше з джерел: 48 год — ldndirect, 3 дні — LDN Research Trust, 72 год — огляд з анестезіології); відновлювати лише після останньої дози опіоїдів, за рішенням лікаря. Жодна периопераційна настанова не стосується LDN (Goel 2024).',
  ),
  sources: [
    { source: 'ldnrt-surgery', level: 'S' },
    { source: 'ldndirect-surgery', level: 'S' },
    { source: 'burns-2022', level: 'S' },
    { source: 'goel-2024', level: 'P-SR' },
  ],
  evidence: 'S (review P-SR)',
  evaluate(ctx) {
    const d = ctx.req.surgery_date;
    if (d === undefined) return ask(['surgery_date'], t('Whether surgery is planned is not stated.', 'Не зазначено, чи запланована операція.'));
    if (d === null) return pass();
    if (daysBetween(ctx.planned.start, d) < 0) return pass(t(`surgery ${d} is before the start`, `операція ${d} — до початку`));
    const last = ctx.surgery?.last_dose_day ?? lastDoseDayBeforeSurgery(d, ctx.time);
    return trip(
      t(
        `surgery ${d} (assumed from 00:00): last dose ${last} at ${ctx.time}${ctx.surgery?.in_calendar ? '; the calendar stops there' : ' (after the calendar shown)'}; restart date to be set by the clinician after the last opioid dose`,
        `операція ${d} (з 00:00): остання доза ${last} о ${ctx.time}${ctx.surgery?.in_calendar ? '; календар на цьому зупиняється' : ' (після показаного календаря)'}; дату відновлення визначає лікар після останньої дози опіоїдів`,
      ),
    );
  },
};

const R07: Rule = {
  id: 'R07-stop-opioid-sensitivity',
  n: 7,
  group: 'opioids',
  levels: ['info'],
  title: t('After stopping: increased opioid sensitivity', 'Після відміни: підвищена чутливість до опіоїдів'),
  message: t(
    'When LDN is stopped, opioid sensitivity may be increased: the label warns of vulnerability to opioid overdose after naltrexone is stopped, including at lower opioid doses than used before.',
    'Після припинення прийому LDN чутливість до опіоїдів може бути підвищеною: інструкція попереджає про вразливість до передозування опіоїдами після відміни налтрексону, зокрема за нижчих доз, ніж раніше.',
  ),
  sources: [{ source: 'fda-slc-2013', level: 'L' }],
  evidence: 'L',
  evaluate(ctx) {
    if (ctx.surgery?.in_calendar) return trip(t(`the plan stops LDN before surgery on ${ctx.surgery.date}`, `план припиняє LDN перед операцією ${ctx.surgery.date}`));
    if (ctx.req.trial_stop === true) return trip(t('a trial stop is requested', 'запитано пробну відміну'));
    return pass();
  },
};

export const OPIOID_RULES: readonly Rule[] = [R01, R02, R03, R04, R05, R06, R07];
