// The texts of a study record in the reader's language: the shipped records are written in English,
// as their sources; their design, population, arms and outcome names also exist in Ukrainian
// (i18n/studies.uk.ts, numbers unchanged, checked by a test). A text comes back with the language it
// is in, for the `lang` attribute, and with the English original when translated, so the page can
// offer it (a title) and no reader mistakes a translation for the source's words. Studies users
// added are shown as written, in whatever language that was.
import type { Study } from '@ldn/evidence';
import type { Lang } from '../i18n/index.js';
import { STUDY_TEXTS_UK } from '../i18n/studies.uk.js';

export interface RecordText {
  text: string;
  /** the language of `text`: undefined for a user's record (unknown) */
  lang: 'en' | 'uk' | undefined;
  /** the English of the record, when `text` is a translation */
  original?: string;
}

type UkEntry = (typeof STUDY_TEXTS_UK)[string];

/** A key's own value only: record ids such as "constructor" must not find Object's members. */
const get = <T>(map: Readonly<Record<string, T>> | undefined, key: string): T | undefined => (map !== undefined && Object.hasOwn(map, key) ? map[key] : undefined);

/**
 * The text in the reader's language. Every shipped study has an entry (a test checks it) and ids
 * are unique across the base, so a study without one is a user's: shown as written, language unknown.
 */
function pick(lang: Lang, english: string, entry: UkEntry | undefined, uk: string | undefined): RecordText {
  if (entry === undefined) return { text: english, lang: undefined };
  if (lang === 'uk' && uk !== undefined && uk !== '') return { text: uk, lang: 'uk', original: english };
  return { text: english, lang: 'en' };
}

/** One study's texts. */
export function studyTexts(lang: Lang, study: Pick<Study, 'id' | 'design' | 'population' | 'arms' | 'outcomes'>) {
  const entry = get(STUDY_TEXTS_UK, study.id);
  return {
    design: (): RecordText => pick(lang, study.design, entry, entry?.design),
    population: (): RecordText => pick(lang, study.population, entry, entry?.population),
    armLabel: (armId: string): RecordText => translatedName(lang, study.id, 'arm', armId, study.arms.find((a) => a.id === armId)?.label ?? armId),
    intervention: (armId: string): RecordText => pick(lang, study.arms.find((a) => a.id === armId)?.intervention ?? '', entry, get(entry?.arms, armId)?.intervention),
    outcome: (outcomeId: string): RecordText => translatedName(lang, study.id, 'outcome', outcomeId, study.outcomes.find((x) => x.id === outcomeId)?.name ?? outcomeId),
  };
}

/** An outcome name or arm label by ids alone (forest rows carry ids, not the record). */
export function translatedName(lang: Lang, studyId: string, kind: 'outcome' | 'arm', id: string, english: string): RecordText {
  const entry = get(STUDY_TEXTS_UK, studyId);
  return pick(lang, english, entry, kind === 'outcome' ? get(entry?.outcomes, id) : get(entry?.arms, id)?.label);
}

const UK_UNITS: Readonly<Record<string, string>> = { day: 'дн.', days: 'дн.', week: 'тиж.', weeks: 'тиж.', month: 'міс.', months: 'міс.', year: 'р.', years: 'р.', h: 'год', hours: 'год', hour: 'год' };

/** "12 weeks" → "12 тиж." for Ukrainian readers (abbreviations need no plural forms); other timepoints as written. */
export function timepointText(lang: Lang, text: string): RecordText {
  const m = /^(\d+(?:[.,]\d+)?)(?:\s*[–-]\s*(\d+(?:[.,]\d+)?))?\s+(days?|weeks?|months?|years?|h|hours?)$/.exec(text.trim());
  if (lang !== 'uk' || !m) return { text, lang: 'en' };
  const n = (x: string): string => x.replace('.', ',');
  return { text: `${n(m[1]!)}${m[2] !== undefined ? `–${n(m[2])}` : ''} ${UK_UNITS[m[3]!]!}`, lang: 'uk', original: text };
}
