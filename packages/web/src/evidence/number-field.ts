// What a number of a study record is, in words a reader uses: "clinical response (12 weeks) · LDN
// 4.5 mg · events" rather than the record's path "outcomes[2].results[0].events". Built from the
// path that walkNumbers gives, the record's own names (in Ukrainian where translated) and the
// field names of the interface; the technical path stays available (`pathText`) for those who
// compare with the JSON of `ldn evidence show`.
import type { Study } from '@ldn/evidence';
import type { I18n, MessageKey } from '../i18n/index.js';
import { studyTexts, timepointText } from './study-text.js';

const FIELD_KEYS: Readonly<Record<string, MessageKey>> = {
  n: 'nfield.n',
  completed: 'nfield.completed',
  events: 'nfield.events',
  total: 'nfield.total',
  percent: 'nfield.percent',
  baseline: 'nfield.baseline',
  mean: 'nfield.mean',
  sd: 'nfield.sd',
  median: 'nfield.median',
  iqr: 'nfield.iqr',
  plusMinus: 'nfield.plusMinus',
  change: 'nfield.change',
  ciLower: 'nfield.ciLower',
  ciUpper: 'nfield.ciUpper',
  value: 'nfield.value',
  p: 'nfield.p',
  estimate: 'nfield.estimate',
  spread: 'nfield.spread',
  i2: 'nfield.i2',
  studies: 'nfield.studies',
  participants: 'nfield.participants',
  contrasts: 'nfield.contrasts',
};

const FLOW_KEYS: Readonly<Record<string, MessageKey>> = {
  studies: 'nfield.flow.studies',
  screened: 'nfield.flow.screened',
  enrolled: 'nfield.flow.enrolled',
  randomized: 'nfield.flow.randomized',
  completed: 'nfield.flow.completed',
  analysed: 'nfield.flow.analysed',
};

/** The record's path as `ldn evidence show` names the field: outcomes[2].results[0].events. */
export function pathText(path: readonly PropertyKey[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`)).join('');
}

/** The number at `path` of `study`, described in the reader's language. */
export function describeNumber(study: Study, path: readonly PropertyKey[], i18n: Pick<I18n, 't' | 'lang'>): string {
  const { t, lang } = i18n;
  const tx = studyTexts(lang, study);
  const field = (k: PropertyKey | undefined): string => {
    const key = FIELD_KEYS[String(k)];
    return key ? t(key) : String(k);
  };
  const [a, b, c, d, e, f] = path;
  if (a === 'duration') return t('study.duration');
  if (a === 'flow') {
    if (b === 'lost' && typeof c === 'number') return `${t('nfield.flow')} · ${t('nfield.flow.lost')}: ${study.flow.lost?.[c]?.reason ?? c}`;
    if (b === 'subgroups' && typeof c === 'number') return `${t('nfield.flow')} · ${study.flow.subgroups?.[c]?.label ?? c}`;
    const key = FLOW_KEYS[String(b)];
    return `${t('nfield.flow')} · ${key ? t(key) : String(b)}`;
  }
  if (a === 'arms' && typeof b === 'number') {
    const arm = study.arms[b];
    const name = arm ? tx.armLabel(arm.id).text : String(b);
    if (c === 'dose') return `${name} · ${t(d === 'min' ? 'nfield.dose.min' : d === 'max' ? 'nfield.dose.max' : 'nfield.dose.perDay')}`;
    return `${name} · ${field(c)}`;
  }
  if (a === 'outcomes' && typeof b === 'number') {
    const o = study.outcomes[b];
    if (!o) return pathText(path);
    const name = `${tx.outcome(o.id).text}${o.timepoint !== undefined ? ` (${timepointText(lang, o.timepoint).text})` : ''}`;
    if (c === 'results' && typeof d === 'number') {
      const r = o.results[d];
      return `${name} · ${r ? tx.armLabel(r.arm).text : String(d)} · ${field(e)}`;
    }
    if (c === 'comparisons' && typeof d === 'number') {
      const cmp = o.comparisons[d];
      const arms = cmp ? cmp.arms.map((x) => tx.armLabel(x).text).join(` ${t('forest.vs')} `) : String(d);
      let what: string;
      if (e === 'effect' && cmp?.effect) {
        const m = cmp.effect.measure;
        what = f === 'estimate' ? m : `${m}, ${field(f)}`;
      } else if (e === 'test' && cmp?.test) what = t('nfield.statistic', { type: cmp.test.type });
      else what = field(e);
      return `${name} · ${arms} · ${what}`;
    }
    return `${name} · ${field(c)}`;
  }
  return pathText(path);
}
