// The two message catalogs: same keys, nothing empty, same placeholders, every family of keys the
// pages build at run time present (evidence levels, verdicts, outputs of every hypothesis module,
// units of every shipped record…), English messages that must equal the engine's own words, and
// Ukrainian that is actually Ukrainian (not English left in place).
import { describe, expect, it } from 'vitest';
import { fullParameterSet, HYPOTHESIS_IDS, HYPOTHESIS_MODULES, MODEL_NOTE, runSimulation, simulatePopulation, type EvidenceLevel as ParamLevel } from '@ldn/engine';
import {
  CLAIM_FLAGS,
  CONDITION_LABELS,
  EVIDENCE_LEVELS,
  INDIRECTNESS_DOMAINS,
  loadEvidence,
  NUMBER_STATUSES,
  SEVERITIES,
  SOURCE_KINDS,
  STUDY_STATUSES,
  TOPICS,
  VERDICT_MEANINGS,
  VERDICTS,
  walkNumbers,
  WHERE,
} from '@ldn/evidence';
import { en } from '../src/i18n/en.js';
import { uk } from '../src/i18n/uk.js';
import { translate, translatePlural, type MessageKey } from '../src/i18n/index.js';
import { PARAM_LABELS_UK } from '../src/i18n/params.uk.js';

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
const has = (key: string): boolean => key in en;

describe('catalogs', () => {
  it('en and uk have exactly the same keys', () => {
    expect(Object.keys(uk).sort()).toEqual(Object.keys(en).sort());
  });

  it('no message is empty or only spaces', () => {
    for (const [lang, cat] of [['en', en], ['uk', uk]] as const) {
      for (const [k, v] of Object.entries(cat)) expect(v.trim(), `${lang} ${k}`).not.toBe('');
    }
  });

  it('each message has the same placeholders in both languages', () => {
    for (const k of Object.keys(en) as MessageKey[]) expect(placeholders(uk[k]), k).toEqual(placeholders(en[k]));
  });

  it('Ukrainian messages are translated: the few equal to English are names, codes or symbols', () => {
    const same = (Object.keys(en) as MessageKey[]).filter((k) => uk[k] === en[k]);
    expect(same.sort()).toEqual(['add.cell.n', 'add.cell.sd', 'app.title', 'evidence.counts', 'lang.en', 'lang.uk', 'measure.short.cohen_d', 'unit.percent', 'punit.×'].sort());
    // and written in Cyrillic where they contain words (codes such as IL-6, TLR4 or Ki may stay Latin)
    for (const k of Object.keys(uk) as MessageKey[]) {
      const words = uk[k].replace(/\{\w+\}/g, '').match(/\p{L}{4,}/gu) ?? [];
      if (words.length === 0 || same.includes(k)) continue;
      expect(words.some((w) => /\p{Script=Cyrillic}/u.test(w)), `${k}: ${uk[k]}`).toBe(true);
    }
  });

  it('uses the clinical Ukrainian terms', () => {
    const all = Object.values(uk).join('\n');
    for (const term of ['налтрексон', '6β-налтрексол', 'зайнятість μ-рецепторів', 'низькодозований налтрексон (НДН)', 'рівноважний стан', 'період напіввиведення', 'титрування']) expect(all).toContain(term);
  });
});

describe('English messages that repeat the engine and the evidence base', () => {
  it('the model note is the engine’s', () => {
    expect(en['note.model']).toBe(MODEL_NOTE);
  });

  it('hypothesis titles, grades and claims are the modules’ own', () => {
    for (const id of HYPOTHESIS_IDS) {
      const m = HYPOTHESIS_MODULES[id];
      expect(en[`hyp.${id}.title` as MessageKey]).toBe(m.title);
      expect(en[`hyp.${id}.grade` as MessageKey]).toBe(m.evidence.grade);
      expect(en[`hyp.${id}.claim` as MessageKey]).toBe(m.claim);
    }
  });

  it('the population’s variability caveat is the engine’s, and every share and distribution it reports has words', () => {
    const r = simulatePopulation({ n: 4, seed: 1, dose: 4.5, days: 2, hypotheses: [...HYPOTHESIS_IDS] });
    expect(en['pop.variabilityNote']).toBe(r.notes[1]);
    for (const id of Object.keys(r.shares)) expect(has(`pop.share.${id}`), id).toBe(true);
  });

  it('verdict meanings are the ledger’s', () => {
    for (const v of VERDICTS) expect(en[`verdict.${v}.meaning` as MessageKey]).toBe(VERDICT_MEANINGS[v]);
  });
});

describe('key families built at run time', () => {
  const families: [string, readonly string[]][] = [
    ['level', EVIDENCE_LEVELS],
    ['status', NUMBER_STATUSES],
    ['verdict', VERDICTS],
    ['topic', TOPICS],
    ['flag', CLAIM_FLAGS],
    ['skind', SOURCE_KINDS],
    ['where', WHERE],
    ['indirect', INDIRECTNESS_DOMAINS],
    ['severity', SEVERITIES],
    ['studyStatus', STUDY_STATUSES],
    ['seedMention', ['cited', 'described_without_number', 'not_cited']],
    ['origin', ['reported', 'derived', 'computed']],
    ['pattern', ['none', 'intermittent', 'sustained']],
    ['params', ['literature', 'seed']],
    ['measure', ['RR', 'OR', 'RD', 'MD', 'SMD', 'cohen_d', 'effect_size', 'median_difference', 'percent_difference']],
    ['measure.short', ['RR', 'OR', 'RD', 'MD', 'SMD', 'cohen_d', 'effect_size', 'median_difference', 'percent_difference']],
  ];
  it.each(families)('%s.* covers every value', (prefix, values) => {
    for (const v of values) expect(has(`${prefix}.${v}`), `${prefix}.${v}`).toBe(true);
  });

  it('every parameter evidence level has a badge text and a title', () => {
    const levels = new Set(Object.values(fullParameterSet('literature').parameters).map((p) => p.evidence));
    for (const l of ['primary', 'label', 'secondary', 'derived', 'unverified', 'fitted', 'assumption'] satisfies ParamLevel[]) levels.add(l);
    for (const l of levels) expect(has(`plevel.${l}`) && has(`plevel.${l}.title`), l).toBe(true);
  });

  it('every output of every hypothesis module has a name, and every predicted number a label', () => {
    for (const m of Object.values(HYPOTHESIS_MODULES)) for (const o of m.outputs) expect(has(`out.${o.id}`), o.id).toBe(true);
    const out = runSimulation({ dose: 4.5, days: 3, hypotheses: [...HYPOTHESIS_IDS] });
    for (const p of out.summary.hypotheses) for (const k of Object.keys(p.numbers)) expect(has(`num.${k}`), k).toBe(true);
  });

  it('every unit in the shipped study records has a translation', () => {
    const units = new Set<string>();
    for (const s of loadEvidence().studies) walkNumbers(s, (n) => (n.unit !== undefined ? units.add(n.unit) : undefined));
    units.delete('%'); // shown as a sign, not a word
    for (const u of units) expect(has(`runit.${u}`), u).toBe(true);
  });

  it('every unit of a model parameter has a translation', () => {
    for (const set of ['literature', 'seed']) for (const p of Object.values(fullParameterSet(set).parameters)) expect(has(`punit.${p.unit}`), p.unit).toBe(true);
  });

  it('every model parameter (both sets, all modules) has a Ukrainian name, and no name is left over', () => {
    const ids = new Set([...Object.keys(fullParameterSet('literature').parameters), ...Object.keys(fullParameterSet('seed').parameters)]);
    expect(Object.keys(PARAM_LABELS_UK).sort()).toEqual([...ids].sort());
  });

  it('conditions have Ukrainian names in the evidence package', () => {
    for (const l of Object.values(CONDITION_LABELS)) expect(l.uk).toMatch(/\p{Script=Cyrillic}/u);
  });
});

describe('translate and plurals', () => {
  it('fills placeholders and formats numbers for the language', () => {
    expect(translate('en', 'unit.mgValue', { v: 4.5 })).toBe('4.5 mg');
    expect(translate('uk', 'unit.mgValue', { v: 4.5 })).toBe('4,5 мг');
    expect(translate('uk', 'save.saved', { name: '<b>x</b>' })).toBe('Збережено «<b>x</b>».');
  });

  it('chooses Ukrainian plural forms', () => {
    expect(translatePlural('uk', 'unit.days', 1)).toBe('1 день');
    expect(translatePlural('uk', 'unit.days', 3)).toBe('3 дні');
    expect(translatePlural('uk', 'unit.days', 11)).toBe('11 днів');
    expect(translatePlural('uk', 'unit.days', 21)).toBe('21 день');
    expect(translatePlural('uk', 'unit.days', 28)).toBe('28 днів');
    expect(translatePlural('uk', 'unit.days', 1.5)).toBe('1,5 дня');
    expect(translatePlural('en', 'unit.days', 1)).toBe('1 day');
    expect(translatePlural('en', 'unit.days', 14)).toBe('14 days');
  });
});
