// Rules 8–17 of planner.md §6: which protocol applies, dose and interval limits, the side-effect
// adjustments (applied to the schedule by titration.ts; the rules say so and cite the source), and
// the symptom diary.
import { t, type Text } from '../text.js';
import { ask, pass, trip, type Rule } from './types.js';

/** highest dose with trial data (FINAL 2024, Bruun-Plesner 2020; P) */
export const MAX_TRIAL_DOSE_MG = 6;
/** the usual LDN ceiling (guides and most trials) */
export const USUAL_MAX_DOSE_MG = 4.5;
/** guides step every 7–14 days (Moser; Dickson; S) */
export const MIN_INTERVAL_DAYS = 7;
/** Smith 2013 (P): liquid for age < 10 years or weight < 45 kg */
export const PAEDIATRIC_LIQUID_AGE = 10;
export const PAEDIATRIC_LIQUID_KG = 45;

const R08: Rule = {
  id: 'R08-default-protocol',
  n: 8,
  group: 'titration',
  levels: ['info'],
  title: t('Default protocol', 'Типовий протокол'),
  message: t(
    "No protocol chosen: the default is 1 mg, +1 mg every 7 days, to 4.5 mg, as a liquid (LDN Research Trust). Alternatives, each with its source: 1.5 → 3 → 4.5 mg at 7–14-day steps (Lavender Sky, preset lavender-sky); 1.5 mg +0.5 mg every 14 days (LDNRT pack, ldnrt-pack); 1 mg for a month, then 2 mg (O'Kelly 2022, okelly-2022).",
    "Протокол не обрано: типово — 1 мг із підвищенням на 1 мг кожні 7 днів до 4,5 мг, у рідкій формі (LDN Research Trust). Альтернативи з джерелами: 1,5 → 3 → 4,5 мг з кроком 7–14 днів (Lavender Sky, lavender-sky); 1,5 мг + 0,5 мг кожні 14 днів (інформаційний пакет LDNRT, ldnrt-pack); 1 мг протягом місяця, далі 2 мг (O'Kelly 2022, okelly-2022).",
  ),
  sources: [
    { source: 'ldnrt-dickson', level: 'S' },
    { source: 'lavender-sky', level: 'S' },
    { source: 'ldnrt-pack', level: 'S' },
    { source: 'okelly-2022', level: 'P' },
  ],
  evidence: "S (O'Kelly P)",
  evaluate(ctx) {
    return ctx.chosen_by === 'R08' ? trip() : pass();
  },
};

const R09: Rule = {
  id: 'R09-mecfs-longcovid-slow',
  n: 9,
  group: 'titration',
  levels: ['info'],
  title: t('ME/CFS and long COVID: slower default', 'МЕ/СХВ і постковідний синдром: повільніша схема'),
  message: t(
    'ME/CFS or long COVID: the default is slower — 0.5 mg, +0.5 mg every 14 days, to the maximum tolerated dose (LDN Research Trust; preset ldnrt-slow).',
    'МЕ/СХВ або постковідний синдром: типова схема повільніша — 0,5 мг із підвищенням на 0,5 мг кожні 14 днів до максимально переносимої дози (LDN Research Trust; ldnrt-slow).',
  ),
  sources: [{ source: 'ldnrt-dickson', level: 'S' }],
  evidence: 'S',
  evaluate(ctx) {
    if (ctx.condition !== 'me-cfs' && ctx.condition !== 'long-covid') return pass();
    if (ctx.chosen_by === 'R09') return trip();
    return trip(t(`a different schedule was chosen: ${ctx.preset?.id ?? 'custom steps'}`, `обрано іншу схему: ${ctx.preset?.id ?? 'власні кроки'}`));
  },
};

const R10: Rule = {
  id: 'R10-hashimoto-thyroid-hormone',
  n: 10,
  group: 'titration',
  levels: ['warn'],
  title: t("Hashimoto's on thyroid hormone", 'Хашимото на тлі тиреоїдних гормонів'),
  message: t(
    "Hashimoto's thyroiditis on thyroid hormone: start low — 0.5 mg, +0.5 mg every 7 days (Norland) or 0.25 mg, +0.25–0.5 mg weekly (HDRx) — and check TSH/fT4 during titration: practice sources warn that the thyroid hormone dose may need lowering. A Norwegian registry study of 898 patients found no change in thyroid hormone dispensing after starting LDN (Raknes 2020).",
    'Тиреоїдит Хашимото на тлі гормонів щитоподібної залози: починати з низької дози — 0,5 мг із підвищенням на 0,5 мг кожні 7 днів (Norland) або 0,25 мг із підвищенням на 0,25–0,5 мг щотижня (HDRx) — і контролювати ТТГ/вільний Т4 під час титрування: практичні джерела попереджають, що дозу тиреоїдних гормонів може знадобитися знизити. Норвезьке реєстрове дослідження 898 пацієнтів не виявило змін у відпуску тиреоїдних гормонів після початку LDN (Raknes 2020).',
  ),
  sources: [
    { source: 'norland', level: 'S' },
    { source: 'hdrx', level: 'S' },
    { source: 'ldn-org-thyroid', level: 'S' },
    { source: 'raknes-2020', level: 'P', note: 'null result shown beside the warning' },
  ],
  evidence: 'S (registry study P)',
  evaluate(ctx) {
    const hashimoto = ctx.condition === 'hashimoto' ? true : ctx.req.hashimoto;
    const hormone = ctx.req.thyroid_hormone;
    if (hashimoto === false || hormone === false) return pass();
    if (hashimoto === true && hormone === true) return trip();
    const missing = [...(hashimoto === undefined ? ['hashimoto'] : []), ...(hormone === undefined ? ['thyroid_hormone'] : [])];
    return ask(missing, t("Hashimoto's thyroiditis and thyroid hormone use: not both stated.", 'Тиреоїдит Хашимото та прийом тиреоїдних гормонів: зазначено не обидва факти.'));
  },
};

const R11: Rule = {
  id: 'R11-paediatric',
  n: 11,
  group: 'titration',
  levels: ['warn'],
  title: t('Under 18: weight-based dose', 'До 18 років: доза за масою тіла'),
  message: t(
    'Under 18: 0.1 mg/kg once daily, not more than 4.5 mg; a liquid if under 10 years or under 45 kg. The only data are one randomised trial in 14 children aged 8–17 (Smith 2013).',
    'Вік до 18 років: 0,1 мг/кг один раз на добу, не більше 4,5 мг; рідка форма, якщо дитині менше 10 років або маса тіла менше 45 кг. Єдині дані — одне рандомізоване дослідження за участю 14 дітей віком 8–17 років (Smith 2013).',
  ),
  sources: [{ source: 'smith-2013', level: 'P' }],
  evidence: 'P',
  evaluate(ctx) {
    const age = ctx.req.age;
    if (age === undefined) return ask(['age'], t('Age is not stated.', 'Вік не зазначено.'));
    if (age >= 18) return pass();
    const parts: Text[] = [];
    if (ctx.chosen_by === 'R11' && ctx.req.weight !== undefined) parts.push(t(`${ctx.req.weight} kg × 0.1 mg/kg → ${ctx.planned.start_mg} mg`, `${ctx.req.weight} кг × 0,1 мг/кг → ${String(ctx.planned.start_mg).replace('.', ',')} мг`));
    else if (ctx.chosen_by !== 'R11') parts.push(t(`schedule chosen by the user (${ctx.preset?.id ?? 'custom steps'}), not the weight-based dose`, `схему обрав користувач (${ctx.preset?.id ?? 'власні кроки'}), а не дозу за масою тіла`));
    const needsLiquid = age < PAEDIATRIC_LIQUID_AGE || (ctx.req.weight !== undefined && ctx.req.weight < PAEDIATRIC_LIQUID_KG);
    if (needsLiquid && ctx.preparation.formulation !== 'liquid') parts.push(t('the trial used a liquid for this age or weight', 'у дослідженні для такого віку чи маси тіла застосовували рідку форму'));
    if (age < 8) parts.push(t('younger than any child in the trial (8–17 years)', 'молодше за будь-яку дитину в дослідженні (8–17 років)'));
    return trip(parts.length ? { en: parts.map((p) => p.en).join('; '), uk: parts.map((p) => p.uk).join('; ') } : undefined);
  },
};

const R12: Rule = {
  id: 'R12-dose-above-4.5',
  n: 12,
  group: 'titration',
  levels: ['warn', 'block'],
  title: t('Dose above 4.5 mg', 'Доза понад 4,5 мг'),
  message: t(
    'A dose above 4.5 mg: trial data exist only up to 6 mg (FINAL 2024, 6 mg after a 4-week titration; Bruun-Plesner 2020, up to 6 mg). Above 6 mg the plan is refused as outside the LDN evidence (planner policy).',
    'Доза понад 4,5 мг: дані досліджень є лише до 6 мг (FINAL 2024 — 6 мг після 4-тижневого титрування; Bruun-Plesner 2020 — до 6 мг). Понад 6 мг план не складається як такий, що виходить за межі доказів щодо LDN (правило планувальника).',
  ),
  sources: [
    { source: 'final-2024', level: 'P' },
    { source: 'bruun-plesner-2020', level: 'P' },
    { source: 'planner-policy', level: 'policy', note: 'the block above 6 mg' },
  ],
  evidence: 'P (block above 6 mg: planner policy)',
  evaluate(ctx) {
    const max = Math.max(...ctx.doses);
    if (max > MAX_TRIAL_DOSE_MG) return trip(t(`highest dose ${max} mg`, `найвища доза ${String(max).replace('.', ',')} мг`), 'block');
    if (max > USUAL_MAX_DOSE_MG) return trip(t(`highest dose ${max} mg`, `найвища доза ${String(max).replace('.', ',')} мг`), 'warn');
    return pass();
  },
};

const R13: Rule = {
  id: 'R13-short-interval',
  n: 13,
  group: 'titration',
  levels: ['warn'],
  title: t('Step interval under 7 days', 'Інтервал між кроками менше 7 днів'),
  message: t(
    'A step interval shorter than 7 days: the titration guides use 7–14 days between increases (Moser; Dickson).',
    'Інтервал між підвищеннями дози менше 7 днів: настанови з титрування передбачають 7–14 днів між підвищеннями (Moser; Dickson).',
  ),
  sources: [
    { source: 'ldnrt-moser', level: 'S' },
    { source: 'ldnrt-dickson', level: 'S' },
  ],
  evidence: 'S',
  evaluate(ctx) {
    const s = ctx.planned.steps;
    const short = s.filter((x, i) => i < s.length - 1 && s[i + 1]!.dose_mg > x.dose_mg && x.days !== undefined && x.days < MIN_INTERVAL_DAYS);
    if (short.length === 0) return pass();
    return trip(t(`${short.map((x) => `${x.dose_mg} mg for ${x.days} d`).join(', ')}`, `${short.map((x) => `${String(x.dose_mg).replace('.', ',')} мг — ${x.days} дн.`).join(', ')}`));
  },
};

const R14: Rule = {
  id: 'R14-persistent-side-effects',
  n: 14,
  group: 'titration',
  levels: ['info'],
  title: t('Persistent side effects: halve and re-titrate', 'Стійкі побічні ефекти: зменшити вдвічі й титрувати знову'),
  message: t(
    'Persistent side effects (not subsiding after a few days): halve the current dose, then re-titrate with the same step (LDN Research Trust). The schedule applies this from the logged date.',
    'Стійкі побічні ефекти (не минають за кілька днів): зменшити поточну дозу вдвічі, а потім знову титрувати з тим самим кроком (LDN Research Trust). Схема застосовує це від зазначеної дати.',
  ),
  sources: [{ source: 'ldnrt-dickson', level: 'S' }],
  evidence: 'S',
  evaluate(ctx) {
    const a = ctx.adjustments.filter((x) => x.rule === 'R14');
    if (a.length === 0) return pass();
    return trip({ en: a.map((x) => x.text.en).join('; '), uk: a.map((x) => x.text.uk).join('; ') });
  },
};

const R15: Rule = {
  id: 'R15-worsening-step-back',
  n: 15,
  group: 'titration',
  levels: ['info'],
  title: t('Worse after an increase: step back', 'Погіршення після підвищення: повернутися на крок назад'),
  message: t(
    'Symptoms worse after a dose increase: return to the previous dose (LDN Research Trust). The schedule holds the previous dose from the logged date; the clinician decides whether to try the step again.',
    'Погіршення симптомів після підвищення дози: повернутися до попередньої дози (LDN Research Trust). Схема утримує попередню дозу від зазначеної дати; чи пробувати підвищення знову, вирішує лікар.',
  ),
  sources: [{ source: 'ldnrt-moser', level: 'S' }],
  evidence: 'S',
  evaluate(ctx) {
    const a = ctx.adjustments.filter((x) => x.rule === 'R15');
    const logged = ctx.events.filter((e) => e.kind === 'worsening');
    if (logged.length === 0) return pass();
    return trip(a.length ? { en: a.map((x) => x.text.en).join('; '), uk: a.map((x) => x.text.uk).join('; ') } : undefined);
  },
};

/** The label the reference requires on sleep-timing advice. */
export const SLEEP_ADVICE_LABEL = t('practice advice; no comparative trial', 'практична порада; порівняльних досліджень немає');

const R16: Rule = {
  id: 'R16-sleep-effects',
  n: 16,
  group: 'titration',
  levels: ['info'],
  title: t('Sleep effects: options', 'Порушення сну: варіанти'),
  message: t(
    `Sleep effects (insomnia, vivid dreams): wait — usually transient (Younger 2009); start-up effects are reported to settle within 7–14 days — or take the dose 1–2 h before bed or in the morning. Timing: ${SLEEP_ADVICE_LABEL.en}. Morning dosing is not evidence-based.`,
    `Порушення сну (безсоння, яскраві сновидіння): зачекати — зазвичай минущі (Younger 2009); початкові ефекти, за повідомленнями, минають за 7–14 днів — або приймати дозу за 1–2 год до сну чи вранці. Час прийому: ${SLEEP_ADVICE_LABEL.uk}. Ранковий прийом не має доказової бази.`,
  ),
  sources: [
    { source: 'younger-2009', level: 'P', note: 'transient' },
    { source: 'lawrence-notes', level: 'S', note: '7–10 days' },
    { source: 'ldn-norge', level: 'S', note: '10–14 days' },
    { source: 'biologyinsights-sleep', level: 'S' },
    { source: 'alanmeds-sleep', level: 'S' },
  ],
  evidence: 'P (transient) / S (timing)',
  evaluate(ctx) {
    const e = ctx.events.filter((x) => x.kind === 'sleep-effect');
    return e.length ? trip(t(`logged ${e.map((x) => x.date).join(', ')}`, `зафіксовано ${e.map((x) => x.date).join(', ')}`)) : pass();
  },
};

const R17: Rule = {
  id: 'R17-symptom-diary',
  n: 17,
  group: 'titration',
  levels: ['info'],
  title: t('Symptom diary', 'Щоденник симптомів'),
  message: t(
    'Record symptoms daily for the first 4 weeks and for 7 days after every dose change (diary schedule of the BC post-COVID trial protocol).',
    'Щоденно записувати симптоми протягом перших 4 тижнів і протягом 7 днів після кожної зміни дози (графік щоденника в протоколі дослідження постковідної втоми, Британська Колумбія).',
  ),
  sources: [{ source: 'bc-protocol', level: 'P' }],
  evidence: 'P (protocol)',
  evaluate(ctx) {
    const changes = ctx.titration.steps.length - 1;
    if (ctx.req.continuing === true && changes === 0) return pass(t('continuing at one dose, no change', 'продовження однієї дози без змін'));
    return trip(t(`${ctx.req.continuing === true ? '' : 'new start; '}${changes} dose change(s) in the schedule`, `${ctx.req.continuing === true ? '' : 'новий початок; '}змін дози в схемі: ${changes}`));
  },
};

export const TITRATION_RULES: readonly Rule[] = [R08, R09, R10, R11, R12, R13, R14, R15, R16, R17];
