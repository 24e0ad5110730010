// Every user-facing sentence of the planner exists in English and Ukrainian (the first users are
// gynecologists in Ukraine), so rules, presets and notes carry both and each output picks one.
export const LANGS = ['en', 'uk'] as const;
export type Lang = (typeof LANGS)[number];

export interface Text {
  en: string;
  uk: string;
}

export function t(en: string, uk: string): Text {
  return { en, uk };
}

/** Joins several texts language by language. */
export function joinText(parts: readonly Text[], sep = ' '): Text {
  return { en: parts.map((p) => p.en).join(sep), uk: parts.map((p) => p.uk).join(sep) };
}

/** Numbers as a clinician reads them: no float noise, at most `digits` decimals, trailing zeros dropped. */
export function fmt(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return '–';
  return String(Number(x.toFixed(digits)));
}

/** Same, with a decimal comma for Ukrainian text. */
export function fmtLang(x: number, lang: Lang, digits = 2): string {
  const s = fmt(x, digits);
  return lang === 'uk' ? s.replace('.', ',') : s;
}

/** A text whose numbers are formatted per language: tx`Dose ${n} mg` is not enough for UK commas. */
export function num(x: number, digits = 2): Text {
  return { en: fmtLang(x, 'en', digits), uk: fmtLang(x, 'uk', digits) };
}
