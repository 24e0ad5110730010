// Titration protocols from shared/reference/planner.md §1 as named presets: each is data (start,
// step, interval, target, or explicit steps, or a weight-based dose) with its source, evidence level
// and the patients it was written for. Where a source gives a range (an interval of "7–14 days") the
// preset uses one end of it and says which, and the user can override. Protocols whose steps were
// NOT FOUND (FINAL 6 mg, the BC post-COVID trial) are not presets: see UNAVAILABLE_PRESETS.
import type { PlannerCondition } from '../conditions.js';
import type { EvidenceTag, SourceRef } from '../sources.js';
import type { Text } from '../text.js';

export type PresetShape =
  | { kind: 'linear'; start_mg: number; step_mg: number; interval_days: number; target_mg: number }
  | { kind: 'steps'; steps: { dose_mg: number; months?: number; days?: number }[] }
  | { kind: 'weight-based'; mg_per_kg: number; max_mg: number };

export interface Preset {
  id: string;
  name: Text;
  /** the schedule in words, as the source gives it */
  description: Text;
  shape: PresetShape;
  /** who the source wrote it for */
  applies_to: Text;
  conditions?: readonly PlannerCondition[];
  paediatric?: boolean;
  /** overall evidence level of the preset (the weakest of what it rests on) */
  evidence: EvidenceTag;
  sources: SourceRef[];
  notes: Text[];
}

export const PRESETS: readonly Preset[] = [
  {
    id: 'ldnrt-standard',
    name: { en: 'Standard (LDN Research Trust)', uk: 'Стандартна (LDN Research Trust)' },
    description: { en: '1 mg, +1 mg weekly, 4.5 mg by week 5; start on liquid', uk: '1 мг, +1 мг щотижня, 4,5 мг на 5-му тижні; починати з рідкої форми' },
    shape: { kind: 'linear', start_mg: 1, step_mg: 1, interval_days: 7, target_mg: 4.5 },
    applies_to: { en: 'adults; the default when no protocol is chosen (rule 8)', uk: 'дорослі; типова схема, якщо протокол не обрано (правило 8)' },
    evidence: 'S',
    sources: [{ source: 'ldnrt-dickson', level: 'S' }],
    notes: [],
  },
  {
    id: 'ldnrt-slow',
    name: { en: 'Slow, ME/CFS and long COVID (LDN Research Trust)', uk: 'Повільна, МЕ/СХВ і постковідний синдром (LDN Research Trust)' },
    description: { en: '0.5 mg, +0.5 mg every 2 weeks, to the maximum tolerated dose', uk: '0,5 мг, +0,5 мг кожні 2 тижні, до максимально переносимої дози' },
    shape: { kind: 'linear', start_mg: 0.5, step_mg: 0.5, interval_days: 14, target_mg: 4.5 },
    applies_to: { en: 'ME/CFS and long COVID (rule 9)', uk: 'МЕ/СХВ і постковідний синдром (правило 9)' },
    conditions: ['me-cfs', 'long-covid'],
    evidence: 'S',
    sources: [
      { source: 'ldnrt-dickson', level: 'S' },
      { source: 'ldnrt-pack', level: 'S', note: 'the 4.5 mg ceiling ("maximum dose is 4.5 mg")' },
    ],
    notes: [{ en: 'The source titrates "to the maximum tolerated dose"; the 4.5 mg target is the ceiling of the LDNRT information pack.', uk: 'Джерело титрує «до максимально переносимої дози»; цільові 4,5 мг — верхня межа з інформаційного пакета LDNRT.' }],
  },
  {
    id: 'norland-thyroid',
    name: { en: "Thyroid, Hashimoto's (Norland Pharmacy)", uk: 'Щитоподібна залоза, Хашимото (Norland Pharmacy)' },
    description: { en: '0.5 mg, +0.5 mg every 7 days; do not exceed 4.5 mg per day', uk: '0,5 мг, +0,5 мг кожні 7 днів; не перевищувати 4,5 мг на добу' },
    shape: { kind: 'linear', start_mg: 0.5, step_mg: 0.5, interval_days: 7, target_mg: 4.5 },
    applies_to: { en: "Hashimoto's, Graves', thyroiditis, fibromyalgia; the default for Hashimoto's on thyroid hormone (rule 10)", uk: 'Хашимото, Грейвс, тиреоїдит, фіброміалгія; типова схема при Хашимото на тлі тиреоїдних гормонів (правило 10)' },
    conditions: ['hashimoto', 'fibromyalgia'],
    evidence: 'S',
    sources: [{ source: 'norland', level: 'S' }],
    notes: [],
  },
  {
    id: 'hdrx-hashimoto',
    name: { en: "Hashimoto's, lowest start (HDRx)", uk: 'Хашимото, найнижчий старт (HDRx)' },
    description: { en: '0.25 mg, +0.25–0.5 mg weekly', uk: '0,25 мг, +0,25–0,5 мг щотижня' },
    shape: { kind: 'linear', start_mg: 0.25, step_mg: 0.25, interval_days: 7, target_mg: 4.5 },
    applies_to: { en: "Hashimoto's thyroiditis", uk: 'тиреоїдит Хашимото' },
    conditions: ['hashimoto'],
    evidence: 'S',
    sources: [
      { source: 'hdrx', level: 'S' },
      { source: 'norland', level: 'S', note: 'the 4.5 mg ceiling' },
    ],
    notes: [{ en: 'The step is the lower end (0.25 mg) of the source\'s 0.25–0.5 mg; HDRx gives no target, so 4.5 mg is the Norland sheet\'s ceiling.', uk: 'Крок — нижня межа (0,25 мг) діапазону джерела 0,25–0,5 мг; HDRx не вказує цільової дози, тож 4,5 мг — верхня межа з листка Norland.' }],
  },
  {
    id: 'paediatric',
    name: { en: 'Paediatric, 0.1 mg/kg (Smith 2013)', uk: 'Педіатрична, 0,1 мг/кг (Smith 2013)' },
    description: { en: '0.1 mg/kg once daily, not to exceed 4.5 mg; liquid for age < 10 y or < 45 kg, 4.5 mg capsules from age 10', uk: '0,1 мг/кг один раз на добу, не більше 4,5 мг; рідина для віку < 10 р. або маси < 45 кг, капсули 4,5 мг з 10 років' },
    shape: { kind: 'weight-based', mg_per_kg: 0.1, max_mg: 4.5 },
    applies_to: { en: "under 18 (rule 11); the trial enrolled children 8–17 years with Crohn's disease", uk: 'до 18 років (правило 11); у дослідження включали дітей 8–17 років із хворобою Крона' },
    paediatric: true,
    evidence: 'P',
    sources: [{ source: 'smith-2013', level: 'P' }],
    notes: [{ en: 'No titration is described in the trial.', uk: 'Титрування в дослідженні не описано.' }],
  },
  {
    id: 'lavender-sky',
    name: { en: '1.5 → 3 → 4.5 mg (Lavender Sky Health)', uk: '1,5 → 3 → 4,5 мг (Lavender Sky Health)' },
    description: { en: '1.5 mg at bedtime 7–14 days → 3 mg 7–14 days → 4.5 mg', uk: '1,5 мг перед сном 7–14 днів → 3 мг 7–14 днів → 4,5 мг' },
    shape: { kind: 'linear', start_mg: 1.5, step_mg: 1.5, interval_days: 7, target_mg: 4.5 },
    applies_to: { en: 'adults (an alternative named in rule 8)', uk: 'дорослі (альтернатива з правила 8)' },
    evidence: 'S',
    sources: [{ source: 'lavender-sky', level: 'S' }],
    notes: [{ en: 'The interval is the lower end of the source\'s 7–14 days; set --interval 14 for the upper end.', uk: 'Інтервал — нижня межа діапазону джерела 7–14 днів; для верхньої межі задайте --interval 14.' }],
  },
  {
    id: 'ldnrt-pack',
    name: { en: '1.5 mg +0.5 mg every 2 weeks (LDNRT information pack)', uk: '1,5 мг +0,5 мг кожні 2 тижні (інформаційний пакет LDNRT)' },
    description: { en: '1.5 mg liquid for 2 weeks, +0.5 mg every 2 weeks; maximum dose 4.5 mg', uk: '1,5 мг рідини 2 тижні, +0,5 мг кожні 2 тижні; максимальна доза 4,5 мг' },
    shape: { kind: 'linear', start_mg: 1.5, step_mg: 0.5, interval_days: 14, target_mg: 4.5 },
    applies_to: { en: 'adults (an alternative named in rule 8)', uk: 'дорослі (альтернатива з правила 8)' },
    evidence: 'S',
    sources: [{ source: 'ldnrt-pack', level: 'S' }],
    notes: [],
  },
  {
    id: 'okelly-2022',
    name: { en: "1 mg month 1, 2 mg month 2 (O'Kelly 2022)", uk: "1 мг перший місяць, 2 мг другий (O'Kelly 2022)" },
    description: { en: '1 mg in month 1, 2 mg in month 2 (long COVID pre–post study, n = 52)', uk: '1 мг у перший місяць, 2 мг у другий (дослідження до–після при постковідному синдромі, n = 52)' },
    shape: { kind: 'steps', steps: [{ dose_mg: 1, months: 1 }, { dose_mg: 2, months: 1 }] },
    applies_to: { en: 'long COVID (trial protocol; an alternative named in rule 8)', uk: 'постковідний синдром (протокол дослідження; альтернатива з правила 8)' },
    conditions: ['long-covid'],
    evidence: 'P',
    sources: [{ source: 'okelly-2022', level: 'P' }],
    notes: [{ en: 'The study lasted two months; a calendar longer than that continues 2 mg.', uk: 'Дослідження тривало два місяці; довший календар продовжує 2 мг.' }],
  },
  {
    id: 'trial-fixed-4.5',
    name: { en: 'Fixed 4.5 mg, no titration (trials)', uk: 'Фіксовані 4,5 мг без титрування (дослідження)' },
    description: { en: '4.5 mg once daily from the first day, in the evening, as in most LDN trials', uk: '4,5 мг один раз на добу з першого дня, увечері, як у більшості досліджень LDN' },
    shape: { kind: 'steps', steps: [{ dose_mg: 4.5 }] },
    applies_to: {
      en: "trial protocols: Crohn's disease (Smith 2007, each evening), multiple sclerosis (Cree 2010, nightly), endometriosis (NCT03970330, daily, with norethindrone acetate)",
      uk: 'протоколи досліджень: хвороба Крона (Smith 2007, щовечора), розсіяний склероз (Cree 2010, щоночі), ендометріоз (NCT03970330, щодня, разом із норетистерону ацетатом)',
    },
    conditions: ['crohns-disease', 'multiple-sclerosis', 'endometriosis', 'fibromyalgia'],
    evidence: 'P',
    sources: [
      { source: 'smith-2007', level: 'P' },
      { source: 'cree-2010', level: 'P' },
      { source: 'nct03970330', level: 'P' },
    ],
    notes: [{ en: 'Trial doses are almost all a fixed 4.5 mg/day without a reported titration (planner.md §0).', uk: 'У дослідженнях доза майже завжди фіксована — 4,5 мг/добу без описаного титрування (planner.md §0).' }],
  },
];

/** Named protocols that cannot be encoded because their steps were NOT FOUND (planner.md §7). */
export const UNAVAILABLE_PRESETS: readonly { id: string; why: Text }[] = [
  { id: 'final-6mg', why: { en: 'FINAL 2024: 6 mg after a 4-week titration; start dose and step sizes NOT FOUND (registry text truncated).', uk: 'FINAL 2024: 6 мг після 4-тижневого титрування; стартову дозу і кроки НЕ ЗНАЙДЕНО (текст реєстру обрізано).' } },
  { id: 'bc-post-covid', why: { en: 'BC post-COVID trial: start 1 mg up to 4.5 mg on a prespecified schedule; steps NOT FOUND.', uk: 'Дослідження постковідної втоми (Британська Колумбія): від 1 мг до 4,5 мг за заздалегідь визначеною схемою; кроки НЕ ЗНАЙДЕНО.' } },
];

const ALIASES: Record<string, string> = { default: 'ldnrt-standard', standard: 'ldnrt-standard', slow: 'ldnrt-slow', thyroid: 'norland-thyroid', pediatric: 'paediatric', 'fixed-4.5': 'trial-fixed-4.5' };

export function findPreset(name: string): Preset | undefined {
  const key = name.trim().toLowerCase();
  const id = ALIASES[key] ?? key;
  return PRESETS.find((p) => p.id === id);
}

export function presetById(id: string): Preset {
  const p = findPreset(id);
  if (!p) throw new Error(`no preset ${id}`);
  return p;
}

/** The presets and the protocols left out, as `ldn plan presets --format json` and GET /api/plans/presets give them. */
export function listPresets(): { presets: readonly Preset[]; unavailable: typeof UNAVAILABLE_PRESETS } {
  return { presets: PRESETS, unavailable: UNAVAILABLE_PRESETS };
}
