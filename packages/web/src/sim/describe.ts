// A regimen in one line, in the reader's language: "1.5 mg for 7 days → 4.5 mg daily at 22:00;
// missed: day 10". Used for result headings, comparison legends and the scenario list.
import type { I18n } from '../i18n/index.js';
import type { EditorState } from './editor.js';

export function describeRegimen(s: EditorState, i18n: I18n): string {
  const { t, tp, num } = i18n;
  const mg = (v: number): string => t('unit.mgValue', { v: num(v, 2) });
  const freq = s.every_h === 24 ? t('editor.daily') : t('editor.everyH', { h: String(s.every_h) });
  const steps = s.titration.map((st) => t('describe.step', { dose: mg(st.dose_mg), days: tp('unit.days', st.days) }));
  const main = t('describe.main', { dose: mg(s.dose_mg), freq, time: s.time });
  let text = [...steps, main].join(' → ');
  if (s.missed.length > 0) text += `; ${t('describe.missed', { days: s.missed.map((d) => String(d)).join(', ') })}`;
  if (s.params === 'seed') text += `; ${t('params.seed')}`;
  return text;
}
