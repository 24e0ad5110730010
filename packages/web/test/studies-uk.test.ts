// @vitest-environment node
// The Ukrainian texts of the shipped study records (src/i18n/studies.uk.ts) against the records
// themselves: every shipped study, arm and outcome has its text and nothing is left over; each text
// is Ukrainian (not empty, not English left in place); and no number changed in translation, because
// a clinician reads doses, durations, sample sizes and thresholds from these texts.
import { describe, expect, it } from 'vitest';
import { loadEvidence } from '@ldn/evidence';
import { STUDY_TEXTS_UK } from '../src/i18n/studies.uk.js';

const studies = loadEvidence().studies;

/** Texts that may equal the English because they are pure codes or names, by "study/kind/id/field". */
const SAME_AS_ENGLISH = new Set<string>([
  // "ED95": the effective-dose abbreviation, written the same in Ukrainian.
  'bruunplesner2020/outcomes/ed95/name',
]);

interface Pair {
  readonly where: string;
  readonly en: string;
  readonly uk: string | undefined;
}

const own = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

/** Every English text of every shipped study with its Ukrainian counterpart (undefined when missing). */
function pairs(): Pair[] {
  const out: Pair[] = [];
  for (const s of studies) {
    const t = own(STUDY_TEXTS_UK, s.id) ? STUDY_TEXTS_UK[s.id] : undefined;
    out.push({ where: `${s.id}/design`, en: s.design, uk: t?.design });
    out.push({ where: `${s.id}/population`, en: s.population, uk: t?.population });
    for (const a of s.arms) {
      const ua = t && own(t.arms, a.id) ? t.arms[a.id] : undefined;
      out.push({ where: `${s.id}/arms/${a.id}/label`, en: a.label, uk: ua?.label });
      out.push({ where: `${s.id}/arms/${a.id}/intervention`, en: a.intervention, uk: ua?.intervention });
    }
    for (const o of s.outcomes) {
      out.push({ where: `${s.id}/outcomes/${o.id}/name`, en: o.name, uk: t && own(t.outcomes, o.id) ? t.outcomes[o.id] : undefined });
    }
  }
  return out;
}

/** The numbers in a text, as printed ("4,5" counts as "4.5"), sorted. */
const numbers = (s: string): string[] => (s.match(/\d+(?:[.,]\d+)?/g) ?? []).map((n) => n.replace(',', '.')).sort();
/** English that contains a word (4+ letters) and so needs Cyrillic in Ukrainian; pure codes do not. */
const hasWords = (s: string): boolean => /\p{L}{4,}/u.test(s);
const hasCyrillic = (s: string): boolean => /\p{Script=Cyrillic}/u.test(s);

describe('Ukrainian texts of the shipped study records', () => {
  it('has an entry for every shipped study and none for an unknown study', () => {
    expect(studies.length).toBeGreaterThan(0);
    expect(Object.keys(STUDY_TEXTS_UK).sort()).toEqual(studies.map((s) => s.id).sort());
  });

  it('has every arm and every outcome of each study, and none left over', () => {
    for (const s of studies) {
      const t = STUDY_TEXTS_UK[s.id];
      expect(t, s.id).toBeDefined();
      if (!t) continue;
      expect(Object.keys(t.arms).sort(), `${s.id} arms`).toEqual(s.arms.map((a) => a.id).sort());
      expect(Object.keys(t.outcomes).sort(), `${s.id} outcomes`).toEqual(s.outcomes.map((o) => o.id).sort());
    }
  });

  it('gives every text in Ukrainian: not empty, with Cyrillic unless the English is a pure code', () => {
    const bad = pairs()
      .filter(({ en, uk }) => uk === undefined || uk.trim() === '' || (hasWords(en) && !hasCyrillic(uk)))
      .map(({ where, en, uk }) => ({ where, en, uk }));
    expect(bad).toEqual([]);
  });

  it('leaves every number unchanged (only "." may become ",")', () => {
    const bad = pairs()
      .filter(({ en, uk }) => uk === undefined || numbers(en).join(' ') !== numbers(uk).join(' '))
      .map(({ where, en, uk }) => ({ where, en: numbers(en), uk: uk === undefined ? undefined : numbers(uk) }));
    expect(bad).toEqual([]);
  });

  it('leaves no text identical to the English except the allow-listed pure codes', () => {
    const all = pairs();
    const same = all.filter(({ en, uk }) => uk === en).map(({ where }) => where);
    expect(same.filter((w) => !SAME_AS_ENGLISH.has(w))).toEqual([]);
    // the allow-list names real texts that are still pure codes, so it cannot hide a word left in English
    for (const where of SAME_AS_ENGLISH) {
      const p = all.find((x) => x.where === where);
      expect(p, where).toBeDefined();
      expect(hasWords(p?.en ?? ''), where).toBe(false);
    }
  });
});
