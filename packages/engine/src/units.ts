// Unit conventions of the engine. Doses are mg of naltrexone hydrochloride (what tablets and
// compounded capsules are labelled in); amounts inside the model are nmol; concentrations are nM
// internally and ng/mL of the free base at the interface (what assays report).
// Molar masses: ../../shared/reference/pharmacology.md, "Unit conversions used".

/** naltrexone base, g/mol (pharmacology.md unit conversions) */
export const MW_NALTREXONE = 341.4;
/** naltrexone hydrochloride, g/mol (pharmacology.md unit conversions; 4.5 mg HCl = 4.07 mg base) */
export const MW_NALTREXONE_HCL = 377.9;
/** 6β-naltrexol, g/mol (pharmacology.md unit conversions) */
export const MW_NALTREXOL = 343.4;

/** mg naltrexone HCl → nmol naltrexone */
export function mgHclToNmol(mg: number): number {
  return (mg / MW_NALTREXONE_HCL) * 1e6;
}

/** nmol naltrexone → mg naltrexone HCl */
export function nmolToMgHcl(nmol: number): number {
  return (nmol * MW_NALTREXONE_HCL) / 1e6;
}

/** nM → ng/mL for a molar mass in g/mol */
export function nMToNgPerMl(nM: number, mw: number): number {
  return (nM * mw) / 1000;
}

/** ng/mL → nM for a molar mass in g/mol */
export function ngPerMlToNm(ngPerMl: number, mw: number): number {
  return (ngPerMl * 1000) / mw;
}
