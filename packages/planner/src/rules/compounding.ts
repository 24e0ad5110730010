// Rules 18–24 of planner.md §6: what the preparation is, how long it keeps, what it is filled
// with, whether its dose volumes can be measured, and the units. The arithmetic is in
// compounding.ts; these rules read its result.
import { hclToBase, MW_BASE, MW_HCL } from '../compounding.js';
import { fmt, t } from '../text.js';
import { ask, pass, trip, type Rule } from './types.js';

/** Arenas-López 2017 (P): 1 mL syringes inaccurate at ≤ 0.1 mL; the block/warn thresholds are planner policy (planner.md rule 22) */
export const BLOCK_VOLUME_ML = 0.1;
export const WARN_VOLUME_ML = 0.25;

const R18: Rule = {
  id: 'R18-liquid-suspension',
  n: 18,
  group: 'compounding',
  levels: ['info'],
  title: t('A liquid from tablets is a suspension', 'Рідина з таблеток — це суспензія'),
  message: t(
    'A liquid made from tablets is a suspension, not a solution: naltrexone HCl dissolves but the tablet excipients do not. Shake well before every dose. Strength = tablets × 50 mg ÷ volume.',
    'Рідина, виготовлена з таблеток, — це суспензія, а не розчин: налтрексону гідрохлорид розчиняється, а допоміжні речовини таблеток — ні. Ретельно збовтувати перед кожною дозою. Концентрація = кількість таблеток × 50 мг ÷ об’єм.',
  ),
  sources: [
    { source: 'label-revia', level: 'L', note: 'excipients' },
    { source: 'label-dailymed-2024', level: 'L', note: 'solubility about 100 mg/mL' },
    { source: 'ahs-recipe', level: 'G', note: '"Shake Well"' },
    { source: 'fawcett-1997', level: 'P', note: '"bitter and gritty"' },
  ],
  evidence: 'L / G / P',
  evaluate(ctx) {
    const p = ctx.preparation;
    if (p.formulation !== 'liquid' || !p.suspension) return pass();
    return trip(t(`${fmt(p.tablets!)} × 50 mg ÷ ${fmt(p.volume_ml)} mL = ${fmt(p.concentration_mg_ml, 4)} mg/mL`, `${fmt(p.tablets!).replace('.', ',')} × 50 мг ÷ ${fmt(p.volume_ml).replace('.', ',')} мл = ${fmt(p.concentration_mg_ml, 4).replace('.', ',')} мг/мл`));
  },
};

const R19: Rule = {
  id: 'R19-liquid-beyond-use',
  n: 19,
  group: 'compounding',
  levels: ['warn', 'info'],
  title: t('Beyond-use date of the liquid', 'Термін використання рідини'),
  message: t(
    'Beyond-use date of a liquid: the Fawcett formula (ascorbic acid, 0.1 % preservative, glycerol, amber bottle, kept dark) is stable 60 days at 2–8 °C or 30 days at room temperature; plain water or another vehicle: 14 days at 2–8 °C (USP <795> default), which no stability study supports.',
    'Термін використання рідини: за рецептурою Fawcett (аскорбінова кислота, консервант 0,1 %, гліцерол, флакон бурштинового кольору, зберігання в темряві) вона стабільна 60 днів при 2–8 °C або 30 днів за кімнатної температури; на звичайній воді чи іншій основі — 14 днів при 2–8 °C (типове значення USP <795>), що не підтверджено жодним дослідженням стабільності.',
  ),
  sources: [
    { source: 'fawcett-1997', level: 'P' },
    { source: 'nz-formula', level: 'G' },
    { source: 'ahs-recipe', level: 'G' },
    { source: 'usp795-nj', level: 'L' },
  ],
  evidence: 'P (Fawcett) / L–G (USP default)',
  evaluate(ctx) {
    const p = ctx.preparation;
    if (p.formulation !== 'liquid') return pass();
    const bud = t(`beyond-use date: ${p.bud.text.en}`, `термін використання: ${p.bud.text.uk}`);
    if (p.vehicle === undefined) return ask(['vehicle'], t(`Vehicle not stated (water or the Fawcett formula); shown: the plain-water default, ${p.bud.text.en}.`, `Основу не зазначено (вода чи рецептура Fawcett); показано типове значення для води: ${p.bud.text.uk}.`));
    if (p.fawcett_match) return trip(bud, 'info');
    if (p.vehicle === 'fawcett') return trip(t(`Fawcett vehicle at ${fmt(p.concentration_mg_ml, 4)} mg/mL: stability was shown at 1 mg/mL (and 5 mg/mL, AHS) only; ${bud.en}`, `основа Fawcett при ${fmt(p.concentration_mg_ml, 4).replace('.', ',')} мг/мл: стабільність показано лише для 1 мг/мл (і 5 мг/мл, AHS); ${bud.uk}`), 'warn');
    return trip(bud, 'warn');
  },
};

const R20: Rule = {
  id: 'R20-capsule-beyond-use',
  n: 20,
  group: 'compounding',
  levels: ['info'],
  title: t('Beyond-use date of capsules', 'Термін використання капсул'),
  message: t(
    'Beyond-use date of capsules: with Avicel (microcrystalline cellulose), at room temperature and protected from light, up to 360 days (Cote 2018); otherwise 180 days (USP default of 6 months).',
    'Термін використання капсул: з наповнювачем Avicel (мікрокристалічна целюлоза), за кімнатної температури та в захищеному від світла місці — до 360 днів (Cote 2018); інакше — 180 днів (типові 6 місяців за USP).',
  ),
  sources: [
    { source: 'cote-2018', level: 'P' },
    { source: 'usp795-nj', level: 'L' },
  ],
  evidence: 'P / L',
  evaluate(ctx) {
    const p = ctx.preparation;
    if (p.formulation !== 'capsules') return pass();
    const avicel = p.filler === 'avicel' || p.filler === 'microcrystalline-cellulose';
    const missing = [...(p.filler === undefined ? ['filler'] : []), ...((p.filler === undefined || avicel) && p.storage === undefined ? ['storage'] : []), ...((p.filler === undefined || avicel) && p.light_protected === undefined ? ['light_protected'] : [])];
    if (missing.length) return ask(missing, t(`shown: ${p.bud.text.en}`, `показано: ${p.bud.text.uk}`));
    return trip(t(`beyond-use date: ${p.bud.text.en}`, `термін використання: ${p.bud.text.uk}`));
  },
};

const BAD_FILLERS = ['calcium-carbonate', 'methylcellulose', 'slow-release'];

const R21: Rule = {
  id: 'R21-capsule-filler',
  n: 21,
  group: 'compounding',
  levels: ['warn'],
  title: t('Capsule filler: calcium carbonate or slow-release', 'Наповнювач капсул: кальцію карбонат або сповільнене вивільнення'),
  message: t(
    'Capsule filler calcium carbonate or a slow-release (methylcellulose) excipient: absorption problems are reported; LDN should be immediate-release.',
    'Наповнювач капсул — кальцію карбонат або допоміжна речовина сповільненого вивільнення (метилцелюлоза): повідомляють про порушення всмоктування; LDN має бути лікарською формою з негайним вивільненням.',
  ),
  sources: [
    { source: 'compounder-fillers', level: 'S' },
    { source: 'ldn-org-fillers', level: 'S' },
  ],
  evidence: 'S',
  evaluate(ctx) {
    const p = ctx.preparation;
    if (p.formulation !== 'capsules') return pass();
    if (p.filler === undefined) return ask(['filler'], t('Capsule filler not stated.', 'Наповнювач капсул не зазначено.'));
    return BAD_FILLERS.includes(p.filler) ? trip(t(`filler: ${p.filler}`, `наповнювач: ${p.filler}`)) : pass();
  },
};

const R22: Rule = {
  id: 'R22-dose-volume-too-small',
  n: 22,
  group: 'compounding',
  levels: ['block', 'warn'],
  title: t('Dose volume too small to measure accurately', 'Об’єм дози замалий для точного відмірювання'),
  message: t(
    'A dose volume of 0.1 mL or less blocks the plan (use a weaker concentration); under 0.25 mL needs acknowledgement. 1 mL oral syringes were inaccurate at 0.1 mL and below (Arenas-López 2017); the thresholds are planner policy.',
    'Об’єм дози 0,1 мл або менше блокує план (потрібна менша концентрація); менше 0,25 мл — потрібне підтвердження. Дозувальні шприци на 1 мл були неточними при 0,1 мл і менше (Arenas-López 2017); пороги встановлено планувальником.',
  ),
  sources: [
    { source: 'arenas-lopez-2017', level: 'P' },
    { source: 'planner-policy', level: 'policy', note: 'the 0.1 and 0.25 mL thresholds' },
    { source: 'unc-device', level: 'G', note: 'device choice' },
    { source: 'ismp-oral-syringes', level: 'G', note: 'device choice' },
  ],
  evidence: 'P (thresholds: planner policy)',
  evaluate(ctx) {
    const p = ctx.preparation;
    if (p.formulation !== 'liquid') return pass();
    const smallest = p.doses.reduce((a, b) => (b.volume_ml < a.volume_ml ? b : a));
    const detail = t(`smallest dose ${fmt(smallest.dose_mg, 4)} mg = ${fmt(smallest.volume_ml, 3)} mL at ${fmt(p.concentration_mg_ml, 4)} mg/mL`, `найменша доза ${fmt(smallest.dose_mg, 4).replace('.', ',')} мг = ${fmt(smallest.volume_ml, 3).replace('.', ',')} мл при ${fmt(p.concentration_mg_ml, 4).replace('.', ',')} мг/мл`);
    if (smallest.volume_ml <= BLOCK_VOLUME_ML + 1e-9) return trip(detail, 'block');
    if (smallest.volume_ml < WARN_VOLUME_ML - 1e-9) return trip(detail, 'warn');
    return pass(detail);
  },
};

const R23: Rule = {
  id: 'R23-hcl-units',
  n: 23,
  group: 'compounding',
  levels: ['info'],
  title: t('mg of naltrexone hydrochloride; base powder converted', 'мг налтрексону гідрохлориду; порошок основи перераховано'),
  message: t(
    `All doses are mg of naltrexone hydrochloride. From naltrexone base powder: mg base = mg HCl × ${MW_BASE} / ${MW_HCL} (≈ ${fmt(MW_BASE / MW_HCL, 4)}).`,
    `Усі дози наведено в мг налтрексону гідрохлориду. З порошку налтрексону основи: мг основи = мг гідрохлориду × ${String(MW_BASE).replace('.', ',')} / ${String(MW_HCL).replace('.', ',')} (≈ ${fmt(MW_BASE / MW_HCL, 4).replace('.', ',')}).`,
  ),
  sources: [
    { source: 'label-revia', level: 'L', note: 'MW of the HCl salt; "50 mg of naltrexone hydrochloride"' },
    { source: 'drugs-mmx', level: 'S', note: 'MW of the base' },
  ],
  evidence: 'L / D',
  evaluate(ctx) {
    const p = ctx.preparation;
    if (p.formulation === 'tablet-fraction' || p.source !== 'base-powder') return pass();
    const top = Math.max(...ctx.doses);
    return trip(t(`${fmt(top, 4)} mg HCl = ${fmt(hclToBase(top), 4)} mg base`, `${fmt(top, 4).replace('.', ',')} мг гідрохлориду = ${fmt(hclToBase(top), 4).replace('.', ',')} мг основи`));
  },
};

const R24: Rule = {
  id: 'R24-lactose',
  n: 24,
  group: 'compounding',
  levels: ['info'],
  title: t('Lactose intolerance', 'Непереносимість лактози'),
  message: t(
    'Lactose intolerance: some 50 mg naltrexone tablets contain lactose; prefer a lactose-free source or filler (a lactose-free 4.5 mg tablet was used in the INNOVA trial).',
    'Непереносимість лактози: деякі таблетки налтрексону 50 мг містять лактозу; краще обрати джерело або наповнювач без лактози (у дослідженні INNOVA застосовували таблетку 4,5 мг без лактози).',
  ),
  sources: [
    { source: 'label-revia', level: 'L', note: 'lactose monohydrate among the excipients' },
    { source: 'innova', level: 'P' },
  ],
  evidence: 'L / P',
  evaluate(ctx) {
    const v = ctx.req.lactose_intolerant;
    if (v === undefined) return ask(['lactose_intolerant'], t('Lactose intolerance not stated.', 'Непереносимість лактози не зазначено.'));
    if (!v) return pass();
    const p = ctx.preparation;
    const fromTablets = p.formulation === 'tablet-fraction' || p.source === 'tablets' || (p.formulation === 'capsules' && p.source === undefined);
    const lactoseFiller = p.formulation === 'capsules' && p.filler === 'lactose';
    if (fromTablets || lactoseFiller) return trip(t(lactoseFiller ? 'filler: lactose' : 'made from tablets', lactoseFiller ? 'наповнювач: лактоза' : 'виготовлено з таблеток'));
    return pass(t('made from powder with a lactose-free filler', 'виготовлено з порошку з наповнювачем без лактози'));
  },
};

export const COMPOUNDING_RULES: readonly Rule[] = [R18, R19, R20, R21, R22, R23, R24];
