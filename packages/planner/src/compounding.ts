// Compounding arithmetic of planner.md §2: a liquid from 50 mg tablets is a suspension whose
// strength is tablets × 50 mg ÷ volume; dose volumes are rounded to the chosen syringe's
// graduation (never silently: the delivered dose and its deviation are shown); beyond-use dates
// follow §2.3 (validated Fawcett formula vs plain water; Avicel capsules vs the USP default);
// capsule strengths and fillers; and mg naltrexone HCl throughout, with the base ↔ HCl conversion
// from the two molecular weights. Inputs that cannot be measured or made are PlanInputErrors
// naming the field; clinical thresholds (volumes ≤ 0.1 / < 0.25 mL, fillers) are rules.
import { addDays } from './dates.js';
import { PlanInputError, SOLUBILITY_MG_ML, TABLET_MG, type ParsedRequest } from './inputs.js';
import type { SourceRef } from './sources.js';
import { fmt, type Text } from './text.js';

/** molecular weights, g/mol: naltrexone HCl 377.86 (REVIA label, L); base 341.41 (drugs.com, S) */
export const MW_HCL = 377.86;
export const MW_BASE = 341.41;

/** mg of naltrexone base that contain the same naltrexone as `mgHcl` of the hydrochloride (D) */
export function hclToBase(mgHcl: number): number {
  return (mgHcl * MW_BASE) / MW_HCL;
}

export function baseToHcl(mgBase: number): number {
  return (mgBase * MW_HCL) / MW_BASE;
}

/** mg/mL naltrexone HCl of a liquid made from 50 mg tablets (labels, L; DIY 1 tablet in 50 mL = 1 mg/mL, S) */
export function suspensionConcentration(tablets: number, volumeMl: number): number {
  return (tablets * TABLET_MG) / volumeMl;
}

/** DIY default: one 50 mg tablet in 50 mL water = 1 mg/mL (nathankennard, S; LDNRT: 1 mg/mL the most common liquid, S) */
export const DEFAULT_TABLETS = 1;
export const DEFAULT_VOLUME_ML = 50;
/** Fawcett formula: 2 × 50 mg tablets to 100 mL = 1 mg/mL (NZ medicines information, G) */
export const FAWCETT_TABLETS = 2;
export const FAWCETT_VOLUME_ML = 100;
/** concentrations with stability data for the Fawcett vehicle: 1 mg/mL (Fawcett 1997, P) and 5 mg/mL (AHS recipe, G) */
export const FAWCETT_CONCENTRATIONS = [1, 5] as const;
/** Fawcett 1997 (P) / AHS (G): 60 days at 2–8 °C, 30 days at room temperature */
export const FAWCETT_BUD_DAYS = { fridge: 60, room: 30 } as const;
/** USP <795> default for water-containing preparations from solids: ≤ 14 days at 2–8 °C (N.J.A.C. copy, L) */
export const USP_AQUEOUS_BUD_DAYS = 14;
/** Cote 2018 (P): capsules in Avicel, room temperature, protected from light: 360 days */
export const AVICEL_CAPSULE_BUD_DAYS = 360;
/** USP default for solids: 6 months / 180 days (rule 20; N.J.A.C. copy, L) */
export const USP_SOLID_BUD_DAYS = 180;

/** a patient instruction and the rule whose sources support it */
export interface PrepInstruction {
  rule: string;
  text: Text;
}

export interface DoseVolume {
  dose_mg: number;
  /** dose ÷ concentration */
  volume_exact_ml: number;
  /** rounded to the syringe's graduation (exact when no syringe is given) */
  volume_ml: number;
  /** what the rounded volume holds */
  delivered_mg: number;
  /** (delivered − dose) / dose, % */
  deviation_pct: number;
}

export interface BeyondUse {
  days: number;
  storage: 'fridge' | 'room';
  basis: 'fawcett' | 'usp-aqueous' | 'avicel' | 'usp-solid';
  text: Text;
  sources: SourceRef[];
}

export interface LiquidPreparation {
  formulation: 'liquid';
  source: 'tablets' | 'hcl-powder' | 'base-powder';
  tablets?: number;
  volume_ml: number;
  concentration_mg_ml: number;
  /** mg of powder to weigh for one bottle (as HCl, or as base after conversion) */
  powder_mg?: number;
  /** true when made from tablets: the excipients do not dissolve */
  suspension: boolean;
  vehicle?: 'water' | 'fawcett';
  fawcett_match: boolean;
  storage: 'fridge' | 'room';
  syringe?: { size_ml: number; graduation_ml: number };
  doses: DoseVolume[];
  bud: BeyondUse;
  instructions: PrepInstruction[];
}

export interface CapsulePreparation {
  formulation: 'capsules';
  source?: 'tablets' | 'hcl-powder' | 'base-powder';
  filler?: string;
  storage?: 'fridge' | 'room';
  light_protected?: boolean;
  /** one capsule strength per dose level, mg HCl (and mg base to weigh, from base powder) */
  strengths: { dose_mg: number; base_mg?: number }[];
  bud: BeyondUse;
  instructions: PrepInstruction[];
}

export interface TabletPreparation {
  formulation: 'tablet-fraction';
  tablet_mg: number;
  scored: boolean;
  doses: { dose_mg: number; tablets: number }[];
  instructions: PrepInstruction[];
}

export type Preparation = LiquidPreparation | CapsulePreparation | TabletPreparation;

const LIQUID_ONLY = ['tablets', 'volume', 'concentration', 'vehicle', 'syringe', 'graduation'] as const;
const CAPSULE_ONLY = ['filler', 'light_protected'] as const;
const TABLET_ONLY = ['tablet_strength', 'scored'] as const;

function refuse(req: ParsedRequest, fields: readonly (keyof ParsedRequest)[], formulation: string): void {
  for (const f of fields) if (req[f] !== undefined) throw new PlanInputError(f, `does not apply to formulation ${formulation}`);
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** rounds a volume to the nearest graduation */
export function roundToGraduation(volumeMl: number, graduationMl: number): number {
  return round6(Math.round(round6(volumeMl / graduationMl)) * graduationMl);
}

export function doseVolumes(doses: readonly number[], concentration: number, syringe?: { size_ml: number; graduation_ml: number }): DoseVolume[] {
  return doses.map((dose) => {
    const exact = dose / concentration;
    const volume = syringe ? roundToGraduation(exact, syringe.graduation_ml) : round6(exact);
    const delivered = volume * concentration;
    return { dose_mg: dose, volume_exact_ml: round6(exact), volume_ml: volume, delivered_mg: round6(delivered), deviation_pct: round6((100 * (delivered - dose)) / dose) };
  });
}

function liquidBud(vehicle: 'water' | 'fawcett' | undefined, fawcettMatch: boolean, storage: 'fridge' | 'room'): BeyondUse {
  if (vehicle === 'fawcett' && fawcettMatch) {
    const days = FAWCETT_BUD_DAYS[storage];
    return {
      days,
      storage,
      basis: 'fawcett',
      text: storage === 'fridge' ? { en: `${days} days at 2–8 °C (Fawcett formula)`, uk: `${days} днів при 2–8 °C (рецептура Fawcett)` } : { en: `${days} days at room temperature (Fawcett formula)`, uk: `${days} днів за кімнатної температури (рецептура Fawcett)` },
      sources: [
        { source: 'fawcett-1997', level: 'P' },
        { source: 'ahs-recipe', level: 'G' },
      ],
    };
  }
  return {
    days: USP_AQUEOUS_BUD_DAYS,
    storage: 'fridge',
    basis: 'usp-aqueous',
    text: { en: `${USP_AQUEOUS_BUD_DAYS} days at 2–8 °C (USP <795> default; no stability study)`, uk: `${USP_AQUEOUS_BUD_DAYS} днів при 2–8 °C (типове значення USP <795>; без дослідження стабільності)` },
    sources: [{ source: 'usp795-nj', level: 'L' }],
  };
}

function capsuleBud(filler: string | undefined, storage: 'fridge' | 'room' | undefined, light: boolean | undefined): BeyondUse {
  if ((filler === 'avicel' || filler === 'microcrystalline-cellulose') && storage === 'room' && light === true) {
    return {
      days: AVICEL_CAPSULE_BUD_DAYS,
      storage: 'room',
      basis: 'avicel',
      text: { en: `up to ${AVICEL_CAPSULE_BUD_DAYS} days at room temperature, protected from light (Avicel; Cote 2018)`, uk: `до ${AVICEL_CAPSULE_BUD_DAYS} днів за кімнатної температури, у захищеному від світла місці (Avicel; Cote 2018)` },
      sources: [{ source: 'cote-2018', level: 'P' }],
    };
  }
  return {
    days: USP_SOLID_BUD_DAYS,
    storage: storage ?? 'room',
    basis: 'usp-solid',
    text: { en: `${USP_SOLID_BUD_DAYS} days (USP default of 6 months)`, uk: `${USP_SOLID_BUD_DAYS} днів (типові 6 місяців за USP)` },
    sources: [{ source: 'usp795-nj', level: 'L' }],
  };
}

/** Builds the preparation for the plan's dose levels; refuses what cannot be made or measured. */
export function prepare(req: ParsedRequest, doses: readonly number[]): Preparation {
  const formulation = req.formulation ?? 'liquid';
  const levels = [...new Set(doses)].sort((a, b) => a - b);
  if (formulation === 'liquid') {
    refuse(req, [...CAPSULE_ONLY, ...TABLET_ONLY], 'liquid');
    return prepareLiquid(req, levels);
  }
  if (formulation === 'capsules') {
    refuse(req, [...LIQUID_ONLY, ...TABLET_ONLY], 'capsules');
    const bud = capsuleBud(req.filler, req.storage, req.light_protected);
    const prep: CapsulePreparation = {
      formulation: 'capsules',
      strengths: levels.map((d) => (req.source === 'base-powder' ? { dose_mg: d, base_mg: round6(hclToBase(d)) } : { dose_mg: d })),
      bud,
      instructions: [{ rule: 'R21', text: { en: 'Immediate-release capsules, one a day at the time shown; keep in a tight, light-resistant container.', uk: 'Капсули з негайним вивільненням, одна на добу у вказаний час; зберігати в щільно закритій світлозахисній тарі.' } }],
    };
    if (req.source !== undefined) prep.source = req.source;
    if (req.filler !== undefined) prep.filler = req.filler;
    if (req.storage !== undefined) prep.storage = req.storage;
    if (req.light_protected !== undefined) prep.light_protected = req.light_protected;
    return prep;
  }
  refuse(req, [...LIQUID_ONLY, ...CAPSULE_ONLY, 'source', 'storage'], 'tablet-fraction');
  const tablet = req.tablet_strength ?? TABLET_MG;
  // the 50 mg REVIA tablet is scored (label, L); for another strength only what the user states
  const scored = req.scored ?? tablet === TABLET_MG;
  const unit = scored ? tablet / 2 : tablet;
  const out: { dose_mg: number; tablets: number }[] = [];
  for (const d of levels) {
    const n = d / unit;
    if (Math.abs(n - Math.round(n)) > 1e-6) {
      throw new PlanInputError(
        'formulation',
        `tablet-fraction: ${fmt(d, 4)} mg cannot be taken as ${scored ? 'whole or half' : 'whole'} ${fmt(tablet, 4)} mg tablets (${scored ? `halves are ${fmt(unit, 4)} mg` : 'not scored'}); LDN doses from 50 mg tablets need a liquid or capsules`,
      );
    }
    out.push({ dose_mg: d, tablets: round6((Math.round(n) * unit) / tablet) });
  }
  return { formulation: 'tablet-fraction', tablet_mg: tablet, scored, doses: out, instructions: [] };
}

function prepareLiquid(req: ParsedRequest, levels: readonly number[]): LiquidPreparation {
  const source = req.source ?? 'tablets';
  let tablets: number | undefined;
  let volume: number;
  let concentration: number;
  let powder: number | undefined;
  if (source === 'tablets') {
    if (req.concentration !== undefined) throw new PlanInputError('concentration', 'applies to a liquid made from powder; from tablets the strength is tablets × 50 mg ÷ volume');
    if ((req.tablets === undefined) !== (req.volume === undefined)) {
      throw new PlanInputError(req.tablets === undefined ? 'tablets' : 'volume', req.tablets === undefined ? 'is required with volume: the number of 50 mg tablets in the liquid' : 'is required with tablets: the final volume of the liquid, mL');
    }
    const fawcett = req.vehicle === 'fawcett';
    tablets = req.tablets ?? (fawcett ? FAWCETT_TABLETS : DEFAULT_TABLETS);
    volume = req.volume ?? (fawcett ? FAWCETT_VOLUME_ML : DEFAULT_VOLUME_ML);
    concentration = suspensionConcentration(tablets, volume);
    if (concentration > SOLUBILITY_MG_ML) {
      throw new PlanInputError('volume', `${fmt(tablets)} × 50 mg in ${fmt(volume)} mL is ${fmt(concentration)} mg/mL, above the solubility of naltrexone HCl (about ${SOLUBILITY_MG_ML} mg/mL, label); use more volume`);
    }
  } else {
    if (req.tablets !== undefined) throw new PlanInputError('tablets', `does not apply to a liquid made from ${source}; give concentration (mg/mL HCl) and volume`);
    concentration = req.concentration ?? 1;
    volume = req.volume ?? DEFAULT_VOLUME_ML;
    const hcl = concentration * volume;
    powder = round6(source === 'base-powder' ? hclToBase(hcl) : hcl);
  }
  if ((req.syringe === undefined) !== (req.graduation === undefined)) {
    throw new PlanInputError(req.syringe === undefined ? 'syringe' : 'graduation', req.syringe === undefined ? 'is required with graduation: the syringe size, mL' : 'is required with syringe: the smallest graduation printed on the syringe, mL (check the barrel)');
  }
  const syringe = req.syringe !== undefined ? { size_ml: req.syringe, graduation_ml: req.graduation! } : undefined;
  if (syringe && syringe.graduation_ml > syringe.size_ml) throw new PlanInputError('graduation', `${syringe.graduation_ml} mL is larger than the ${syringe.size_ml} mL syringe`);
  const doses = doseVolumes(levels, concentration, syringe);
  for (const d of doses) {
    if (d.volume_ml <= 0) {
      throw new PlanInputError('volume', `the ${fmt(d.dose_mg, 4)} mg dose is ${fmt(d.volume_exact_ml, 4)} mL at ${fmt(concentration, 4)} mg/mL: too small to measure with a syringe graduated in ${syringe!.graduation_ml} mL; use a weaker liquid (more volume or fewer tablets)`);
    }
    if (d.volume_ml > volume + 1e-9) {
      throw new PlanInputError(source === 'tablets' ? 'tablets' : 'concentration', `the ${fmt(d.dose_mg, 4)} mg dose is ${fmt(d.volume_ml, 3)} mL, more than the whole ${fmt(volume)} mL bottle; use a stronger liquid`);
    }
    if (syringe && d.volume_ml > syringe.size_ml + 1e-9) {
      throw new PlanInputError('syringe', `the ${fmt(d.dose_mg, 4)} mg dose is ${fmt(d.volume_ml, 3)} mL, more than the ${syringe.size_ml} mL syringe holds; use a larger syringe or a stronger liquid`);
    }
  }
  const vehicle = req.vehicle;
  const fawcettMatch = vehicle === 'fawcett' && FAWCETT_CONCENTRATIONS.some((c) => Math.abs(c - concentration) < 1e-9);
  const storage = req.storage ?? 'fridge';
  if (storage === 'room' && !fawcettMatch) {
    throw new PlanInputError('storage', `room temperature has a beyond-use date only for the Fawcett formula at 1 or 5 mg/mL; ${vehicle === 'fawcett' ? `${fmt(concentration, 4)} mg/mL is not covered` : 'a plain-water or unvalidated liquid is kept at 2–8 °C (USP <795>: 14 days)'}`);
  }
  const instructions: PrepInstruction[] = [];
  if (source === 'tablets') instructions.push({ rule: 'R18', text: { en: 'Suspension: shake well before every dose.', uk: 'Суспензія: ретельно збовтувати перед кожною дозою.' } });
  instructions.push({ rule: 'R19', text: storage === 'fridge' ? { en: 'Keep in the fridge (2–8 °C), protected from light.', uk: 'Зберігати в холодильнику (2–8 °C), у захищеному від світла місці.' } : { en: 'Keep at room temperature, in the dark.', uk: 'Зберігати за кімнатної температури, у темряві.' } });
  instructions.push({ rule: 'R22', text: { en: 'Measure with an oral syringe: the smallest device that holds the volume; never a household spoon.', uk: 'Відмірювати оральним шприцом: найменшим, що вміщує потрібний об’єм; ніколи не побутовою ложкою.' } });
  const prep: LiquidPreparation = {
    formulation: 'liquid',
    source,
    volume_ml: volume,
    concentration_mg_ml: round6(concentration),
    suspension: source === 'tablets',
    fawcett_match: fawcettMatch,
    storage,
    doses,
    bud: liquidBud(vehicle, fawcettMatch, storage),
    instructions,
  };
  if (tablets !== undefined) prep.tablets = tablets;
  if (powder !== undefined) prep.powder_mg = powder;
  if (vehicle !== undefined) prep.vehicle = vehicle;
  if (syringe) prep.syringe = syringe;
  return prep;
}

export interface Bottle {
  prepare_on: string;
  /** last day the bottle is used */
  last_use: string;
  /** beyond-use date: discard on this day at the latest */
  discard_on: string;
  days: number;
  volume_used_ml: number;
}

/**
 * When to make each bottle of liquid: a new one when the last is empty (for today's dose) or past
 * its beyond-use date. `daily` lists each calendar day's measured volume (0 on a day without a dose).
 */
export function bottlePlan(start: string, daily: readonly number[], volumeMl: number, budDays: number): Bottle[] {
  const bottles: Bottle[] = [];
  let cur: { day: number; left: number; used: number; last: number } | undefined;
  const close = () => {
    if (!cur) return;
    bottles.push({ prepare_on: addDays(start, cur.day), last_use: addDays(start, cur.last), discard_on: addDays(start, cur.day + budDays), days: cur.last - cur.day + 1, volume_used_ml: round6(cur.used) });
  };
  daily.forEach((v, day) => {
    if (v <= 0) return;
    if (!cur || cur.left + 1e-9 < v || day >= cur.day + budDays) {
      close();
      cur = { day, left: volumeMl, used: 0, last: day };
    }
    cur.left -= v;
    cur.used += v;
    cur.last = day;
  });
  close();
  return bottles;
}
