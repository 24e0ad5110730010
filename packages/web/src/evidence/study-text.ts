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

const own = (m: object, k: string): boolean => Object.prototype.hasOwnProperty.call(m, k);

function pick(lang: Lang, english: string, uk: string | undefined, user: boolean): RecordText {
  if (user) return { text: english, lang: undefined };
  if (lang === 'uk' && uk !== undefined && uk !== '') return { text: uk, lang: 'uk', original: english };
  return { text: english, lang: 'en' };
}

/** Reads one study's texts; `user` marks a record a user added (never translated). */
export function studyTexts(lang: Lang, study: Pick<Study, 'id' | 'design' | 'population' | 'arms' | 'outcomes'>, user = false) {
  const uk = own(STUDY_TEXTS_UK, study.id) ? STUDY_TEXTS_UK[study.id] : undefined;
  return {
    design: (): RecordText => pick(lang, study.design, uk?.design, user),
    population: (): RecordText => pick(lang, study.population, uk?.population, user),
    armLabel: (armId: string): RecordText => {
      const arm = study.arms.find((a) => a.id === armId);
      return pick(lang, arm?.label ?? armId, uk && own(uk.arms, armId) ? uk.arms[armId]?.label : undefined, user);
    },
    intervention: (armId: string): RecordText => {
      const arm = study.arms.find((a) => a.id === armId);
      return pick(lang, arm?.intervention ?? '', uk && own(uk.arms, armId) ? uk.arms[armId]?.intervention : undefined, user);
    },
    outcome: (outcomeId: string): RecordText => {
      const o = study.outcomes.find((x) => x.id === outcomeId);
      return pick(lang, o?.name ?? outcomeId, uk && own(uk.outcomes, outcomeId) ? uk.outcomes[outcomeId] : undefined, user);
    },
  };
}

/** An outcome name or arm label by ids alone (forest rows carry ids, not the record). */
export function translatedName(lang: Lang, studyId: string, kind: 'outcome' | 'arm', id: string, english: string): RecordText {
  const uk = lang === 'uk' && own(STUDY_TEXTS_UK, studyId) ? STUDY_TEXTS_UK[studyId] : undefined;
  const text = uk === undefined ? undefined : kind === 'outcome' ? (own(uk.outcomes, id) ? uk.outcomes[id] : undefined) : own(uk.arms, id) ? uk.arms[id]?.label : undefined;
  if (text !== undefined && text !== '') return { text, lang: 'uk', original: english };
  // shipped records are English; a user's record (not in the table) keeps its own language
  return { text: english, lang: own(STUDY_TEXTS_UK, studyId) ? 'en' : undefined };
}

const UK_UNITS: Readonly<Record<string, string>> = { day: 'дн.', days: 'дн.', week: 'тиж.', weeks: 'тиж.', month: 'міс.', months: 'міс.', year: 'р.', years: 'р.', h: 'год', hours: 'год', hour: 'год' };

/** "12 weeks" → "12 тиж." for Ukrainian readers (abbreviations need no plural forms); other timepoints as written. */
export function timepointText(lang: Lang, text: string): RecordText {
  const m = /^(\d+(?:[.,]\d+)?)(?:\s*[–-]\s*(\d+(?:[.,]\d+)?))?\s+(days?|weeks?|months?|years?|h|hours?)$/.exec(text.trim());
  if (lang !== 'uk' || !m) return { text, lang: 'en' };
  const n = (x: string): string => x.replace('.', ',');
  return { text: `${n(m[1]!)}${m[2] !== undefined ? `–${n(m[2])}` : ''} ${UK_UNITS[m[3]!]!}`, lang: 'uk', original: text };
}
