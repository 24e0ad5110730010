// Rules 25–32 of planner.md §6: liver, kidney, pregnancy, breastfeeding, interactions, red flags,
// a planned stop and missed doses.
import { parseClock } from '@ldn/engine';
import { fmt, t, type Text } from '../text.js';
import { ask, pass, trip, type Rule } from './types.js';

/** FINAL trial exclusions (P): ALT > 2 × upper reference limit; GFR < 59 mL/min. The label's "not studied in moderate–severe renal impairment" is read as eGFR < 60 (planner.md rule 26). */
export const ALT_ULN_LIMIT = 2;
export const EGFR_LIMIT = 60;
/** LDNRT (S): trial stop after 6 months stable */
export const TRIAL_STOP_STABLE_MONTHS = 6;
/** leaflet (S): take a missed dose unless within 6 h of the next one */
export const MISSED_DOSE_WINDOW_H = 6;

const R25: Rule = {
  id: 'R25-liver',
  n: 25,
  group: 'safety',
  levels: ['warn'],
  title: t('Liver disease or raised ALT', 'Захворювання печінки або підвищена АЛТ'),
  message: t(
    'Liver: with acute hepatitis, liver failure or decompensated cirrhosis, use only with great caution (naltrexone exposure about 10 × in decompensated cirrhosis); ALT above 2 × the upper limit of normal was an exclusion in the FINAL trial. The boxed hepatotoxicity warning was removed in 2013; a warning remains.',
    'Печінка: при гострому гепатиті, печінковій недостатності або декомпенсованому цирозі — лише з особливою обережністю (експозиція налтрексону приблизно в 10 разів вища при декомпенсованому цирозі); АЛТ понад 2 × верхню межу норми була критерієм виключення в дослідженні FINAL. Попередження в рамці про гепатотоксичність вилучено у 2013 р.; застереження залишається.',
  ),
  sources: [
    { source: 'drugs-ppa', level: 'L', note: 'AUC ≈ 10 × in decompensated cirrhosis (label via drugs.com)' },
    { source: 'fda-slc-2013', level: 'L', note: 'boxed warning removed' },
    { source: 'final-register', level: 'P', note: 'ALT > 2 × ULN exclusion' },
    { source: 'livertox', level: 'G' },
  ],
  evidence: 'L / P',
  evaluate(ctx) {
    const { liver, alt, alt_uln } = ctx.req;
    const parts: Text[] = [];
    if (liver === 'acute-hepatitis' || liver === 'liver-failure' || liver === 'decompensated-cirrhosis') parts.push(t(`liver: ${liver}`, `печінка: ${liver}`));
    const ratio = alt !== undefined && alt_uln !== undefined ? alt / alt_uln : undefined;
    if (ratio !== undefined && ratio > ALT_ULN_LIMIT) parts.push(t(`ALT ${fmt(alt!)} U/L = ${fmt(ratio, 1)} × ULN`, `АЛТ ${fmt(alt!)} Од/л = ${fmt(ratio, 1).replace('.', ',')} × ВМН`));
    if (parts.length) return trip({ en: parts.map((p) => p.en).join('; '), uk: parts.map((p) => p.uk).join('; ') });
    if (liver === undefined && ratio === undefined) {
      return ask(alt !== undefined ? ['liver', 'alt_uln'] : ['liver', 'alt'], t('Liver status and ALT not stated.', 'Стан печінки та АЛТ не зазначено.'));
    }
    return pass(ratio !== undefined ? t(`ALT ${fmt(ratio, 1)} × ULN`, `АЛТ ${fmt(ratio, 1).replace('.', ',')} × ВМН`) : undefined);
  },
};

const R26: Rule = {
  id: 'R26-kidney',
  n: 26,
  group: 'safety',
  levels: ['warn'],
  title: t('eGFR below 60 mL/min', 'рШКФ нижче 60 мл/хв'),
  message: t(
    'eGFR below 60 mL/min: naltrexone has not been adequately studied in moderate to severe renal impairment (label); the FINAL trial excluded GFR below 59 mL/min.',
    'рШКФ нижче 60 мл/хв: налтрексон належним чином не досліджували при помірній і тяжкій нирковій недостатності (інструкція); дослідження FINAL виключало пацієнтів із ШКФ нижче 59 мл/хв.',
  ),
  sources: [
    { source: 'drugs-ppa', level: 'L', note: 'label via drugs.com' },
    { source: 'final-register', level: 'P' },
  ],
  evidence: 'L / P',
  evaluate(ctx) {
    const { egfr, kidney } = ctx.req;
    if (egfr !== undefined) return egfr < EGFR_LIMIT ? trip(t(`eGFR ${fmt(egfr)} mL/min/1.73 m²`, `рШКФ ${fmt(egfr)} мл/хв/1,73 м²`)) : pass();
    if (kidney === 'impaired') return trip(t('renal impairment stated without eGFR', 'ниркову недостатність зазначено без рШКФ'));
    if (kidney === 'normal') return pass();
    return ask(['egfr', 'kidney'], t('Kidney function (eGFR) not stated.', 'Функцію нирок (рШКФ) не зазначено.'));
  },
};

const R27: Rule = {
  id: 'R27-pregnancy',
  n: 27,
  group: 'safety',
  levels: ['warn'],
  title: t('Pregnancy or planning pregnancy', 'Вагітність або її планування'),
  message: t(
    "Pregnant or planning pregnancy: there are no LDN pregnancy data; in animals, early fetal loss at 5 × the human dose and above (label). Requires the clinician's sign-off (acknowledge this rule).",
    'Вагітність або її планування: даних щодо LDN під час вагітності немає; у тварин — рання загибель плода при дозах від 5 × дози для людини (інструкція). Потрібне рішення лікаря (підтвердіть це правило).',
  ),
  sources: [{ source: 'label-pregnancy', level: 'L' }],
  evidence: 'L',
  evaluate(ctx) {
    const { pregnant, planning_pregnancy, sex } = ctx.req;
    if (sex === 'male') return pass();
    if (pregnant === true || planning_pregnancy === true) return trip(t(pregnant ? 'pregnant' : 'planning pregnancy', pregnant ? 'вагітна' : 'планує вагітність'));
    const missing = [...(pregnant === undefined ? ['pregnant'] : []), ...(planning_pregnancy === undefined ? ['planning_pregnancy'] : [])];
    return missing.length ? ask(missing, t('Pregnancy or plans for pregnancy not stated.', 'Вагітність або її планування не зазначено.')) : pass();
  },
};

const R28: Rule = {
  id: 'R28-breastfeeding',
  n: 28,
  group: 'safety',
  levels: ['info'],
  title: t('Breastfeeding', 'Грудне вигодовування'),
  message: t(
    'Breastfeeding: LactMed — "not a reason to discontinue breastfeeding"; the data come from one woman (50 mg/day per LactMed, 5 mg/day per the source abstract); caution in neonates and prematurity.',
    'Грудне вигодовування: LactMed — «не є причиною припиняти грудне вигодовування»; дані отримано від однієї жінки (50 мг/добу за LactMed, 5 мг/добу за анотацією першоджерела); обережність у новонароджених і недоношених.',
  ),
  sources: [
    { source: 'lactmed', level: 'G' },
    { source: 'chan-2004', level: 'P', note: 'dose conflict with LactMed' },
    { source: 'e-lactancia', level: 'S' },
  ],
  evidence: 'G / S (dose conflict P)',
  evaluate(ctx) {
    if (ctx.req.sex === 'male') return pass();
    const v = ctx.req.lactating;
    if (v === undefined) return ask(['lactating'], t('Breastfeeding not stated.', 'Грудне вигодовування не зазначено.'));
    return v ? trip() : pass();
  },
};

/** names (EN/UK, generic and brands seen in Ukraine) that trip rule 29 from the medicines list */
const THIORIDAZINE = ['thioridazine', 'тіоридазин', 'тиоридазин', 'sonapax', 'сонапакс'];
const DISULFIRAM = ['disulfiram', 'дисульфірам', 'дисульфирам', 'antabuse', 'антабус', 'teturam', 'тетурам', 'esperal', 'еспераль', 'эспераль'];

const R29: Rule = {
  id: 'R29-interactions',
  n: 29,
  group: 'safety',
  levels: ['warn'],
  title: t('Thioridazine, disulfiram or hepatotoxic drugs; transplant', 'Тіоридазин, дисульфірам чи гепатотоксичні препарати; трансплантація'),
  message: t(
    'Interactions: thioridazine — lethargy and somnolence reported with naltrexone; disulfiram or another potentially hepatotoxic drug — combined use is not ordinarily recommended unless the benefits outweigh the risks (label); immunosuppressed transplant recipients are cautioned against LDN (practice source).',
    'Взаємодії: тіоридазин — повідомляли про млявість і сонливість у поєднанні з налтрексоном; дисульфірам або інший потенційно гепатотоксичний препарат — спільне застосування зазвичай не рекомендоване, якщо користь не переважає ризик (інструкція); реципієнтам трансплантата на імуносупресивній терапії LDN застосовувати з пересторогою (практичне джерело).',
  ),
  sources: [
    { source: 'label-revia-ddi', level: 'L' },
    { source: 'ldn-org-fillers', level: 'S', note: 'transplant recipients (lowdosenaltrexone.org quoted)' },
  ],
  evidence: 'L / S',
  evaluate(ctx) {
    const { medicines, hepatotoxic_drugs, transplant } = ctx.req;
    const found: Text[] = [];
    const names = (medicines ?? []).map((m) => m.toLowerCase());
    if (names.some((n) => THIORIDAZINE.some((x) => n.includes(x)))) found.push(t('thioridazine', 'тіоридазин'));
    if (names.some((n) => DISULFIRAM.some((x) => n.includes(x)))) found.push(t('disulfiram', 'дисульфірам'));
    if (hepatotoxic_drugs === true) found.push(t('another potentially hepatotoxic drug', 'інший потенційно гепатотоксичний препарат'));
    if (transplant === true) found.push(t('immunosuppressed transplant recipient', 'реципієнт трансплантата на імуносупресії'));
    if (found.length) return trip({ en: found.map((f) => f.en).join('; '), uk: found.map((f) => f.uk).join('; ') });
    const missing = [...(medicines === undefined ? ['medicines'] : []), ...(hepatotoxic_drugs === undefined ? ['hepatotoxic_drugs'] : []), ...(transplant === undefined ? ['transplant'] : [])];
    return missing.length ? ask(missing, t('Other medicines, hepatotoxic drugs or transplant status not stated.', 'Інші ліки, гепатотоксичні препарати або трансплантацію не зазначено.')) : pass();
  },
};

export const RED_FLAG_TEXT: Record<string, Text> = {
  'hepatitis-symptoms': t('signs of hepatitis (jaundice, dark urine, persistent right upper abdominal pain)', 'ознаки гепатиту (жовтяниця, темна сеча, стійкий біль у правому підребер’ї)'),
  'suicidal-thoughts': t('depression or suicidal thoughts', 'депресія або суїцидальні думки'),
  'withdrawal-signs': t('opioid withdrawal signs (yawning, sweating, vomiting, diarrhoea, cramps, runny nose, goose bumps, restlessness)', 'ознаки відміни опіоїдів (позіхання, пітливість, блювання, діарея, спазми, нежить, «гусяча шкіра», неспокій)'),
  'breathing-trouble': t('breathing problems', 'утруднене дихання'),
  'allergic-reaction': t('allergic reaction', 'алергічна реакція'),
  'thyroid-over-replacement': t('palpitations, heat intolerance or anxiety on thyroid hormone', 'серцебиття, непереносимість тепла або тривожність на тлі тиреоїдних гормонів'),
  'severe-pain-needing-opioids': t('severe acute pain needing opioids', 'сильний гострий біль, що потребує опіоїдів'),
  pregnancy: t('pregnancy', 'вагітність'),
};

const R30: Rule = {
  id: 'R30-red-flag',
  n: 30,
  group: 'safety',
  levels: ['block'],
  title: t('Red flag: contact a clinician now', 'Тривожна ознака: негайно зверніться до лікаря'),
  message: t(
    'A red flag is logged (signs of hepatitis; depression or suicidal thoughts; opioid withdrawal signs; breathing problems or an allergic reaction; palpitations on thyroid hormone; severe pain needing opioids; pregnancy): contact a clinician now. No schedule suggestions are made.',
    'Зафіксовано тривожну ознаку (ознаки гепатиту; депресія або суїцидальні думки; ознаки відміни опіоїдів; утруднене дихання чи алергічна реакція; серцебиття на тлі тиреоїдних гормонів; сильний біль, що потребує опіоїдів; вагітність): негайно зверніться до лікаря. Жодних рекомендацій щодо схеми не надається.',
  ),
  sources: [
    { source: 'label-mallinckrodt', level: 'L', note: 'acute hepatitis' },
    { source: 'themeditary', level: 'S', note: 'symptom lists' },
    { source: 'fda-slc-2013', level: 'L', note: 'overdose risk' },
    { source: 'ww-safety', level: 'L', note: 'depression, suicidality (label via S)' },
    { source: 'buzzrx', level: 'S', note: 'breathing, allergy' },
    { source: 'ldn-org-thyroid', level: 'S', note: 'thyroid over-replacement' },
    { source: 'jucm', level: 'S', note: 'severe acute pain' },
    { source: 'label-pregnancy', level: 'L', note: 'pregnancy' },
  ],
  evidence: 'L / S',
  evaluate(ctx) {
    const flags = ctx.events.filter((e) => e.kind === 'red-flag');
    if (flags.length === 0) return pass();
    return trip({ en: flags.map((f) => `${f.date}: ${RED_FLAG_TEXT[f.red_flag!]!.en}`).join('; '), uk: flags.map((f) => `${f.date}: ${RED_FLAG_TEXT[f.red_flag!]!.uk}`).join('; ') });
  },
};

const R31: Rule = {
  id: 'R31-planned-stop',
  n: 31,
  group: 'safety',
  levels: ['info'],
  title: t('Planned trial stop', 'Запланована пробна відміна'),
  message: t(
    'A planned stop after at least 6 months stable (long COVID): offer a tracked trial stop, and restart if symptoms return (LDN Research Trust).',
    'Запланована перерва після щонайменше 6 місяців стабільного стану (постковідний синдром): запропонувати пробну відміну з відстеженням симптомів і відновити прийом, якщо симптоми повернуться (LDN Research Trust).',
  ),
  sources: [{ source: 'ldnrt-longcovid', level: 'S' }],
  evidence: 'S',
  evaluate(ctx) {
    if (ctx.req.trial_stop !== true) return pass();
    const months = ctx.req.stable_months;
    if (months === undefined) return ask(['stable_months'], t('Months of stable treatment not stated.', 'Кількість місяців стабільного лікування не зазначено.'));
    if (ctx.condition === 'long-covid' && months >= TRIAL_STOP_STABLE_MONTHS) return trip(t(`${fmt(months)} months stable`, `стабільно ${fmt(months)} міс.`));
    return pass(t('the source covers long COVID after at least 6 months stable', 'джерело стосується постковідного синдрому після щонайменше 6 місяців стабільного стану'));
  },
};

const R32: Rule = {
  id: 'R32-missed-dose',
  n: 32,
  group: 'safety',
  levels: ['info'],
  title: t('Missed dose', 'Пропущена доза'),
  message: t(
    'Missed dose: take it when remembered the same day, unless it is within 6 h of the next dose; never take a double dose.',
    'Пропущена доза: прийняти, щойно згадали, того ж дня, якщо до наступної дози залишається понад 6 год; ніколи не приймати подвійну дозу.',
  ),
  sources: [
    { source: 'leaflet-missed', level: 'S' },
    { source: 'physicianspreferencerx', level: 'S', note: 'the 6 h window' },
  ],
  evidence: 'S',
  evaluate(ctx) {
    const missed = ctx.events.filter((e) => e.kind === 'missed-dose');
    if (missed.length === 0) return pass();
    const doseH = parseClock(ctx.time);
    const parts = missed.map((e): Text => {
      if (e.time === undefined) return t(`${e.date}: missed`, `${e.date}: пропущено`);
      const remembered = parseClock(e.time);
      if (remembered < doseH) return t(`${e.date}: remembered at ${e.time}, before the ${ctx.time} dose — take it at the usual time`, `${e.date}: згадали о ${e.time}, до дози о ${ctx.time} — прийняти у звичний час`);
      const toNext = 24 - (remembered - doseH);
      return toNext > MISSED_DOSE_WINDOW_H
        ? t(`${e.date}: remembered at ${e.time}, ${fmt(toNext, 1)} h before the next dose — take it now`, `${e.date}: згадали о ${e.time}, за ${fmt(toNext, 1).replace('.', ',')} год до наступної дози — прийняти зараз`)
        : t(`${e.date}: remembered at ${e.time}, within 6 h of the next dose — skip it`, `${e.date}: згадали о ${e.time}, менше ніж за 6 год до наступної дози — пропустити`);
    });
    return trip({ en: parts.map((p) => p.en).join('; '), uk: parts.map((p) => p.uk).join('; ') });
  },
};

export const SAFETY_RULES: readonly Rule[] = [R25, R26, R27, R28, R29, R30, R31, R32];
