// The regimen editor: dose (slider and exact entry), clock time, dosing interval, titration steps,
// missed doses, simulated span, start date, parameter set and hypothesis switches. Every control
// has a visible label; sliders and inputs are native elements, so keyboard and screen readers work
// without extra code. Every change re-simulates (in the worker) at once. The editor is in two parts
// (the basics, then the rest) so that on a phone the result sits right under the dose slider.
import { useState, type ReactNode } from 'react';
import { HYPOTHESIS_IDS } from '@ldn/engine';
import { useI18n, type MessageKey } from '../../i18n/index.js';
import { useAppState } from '../../state.js';
import { GradeBadge } from '../../components/Badge.js';
import { NumberField } from '../../components/NumberField.js';
import { DAYS_MAX, DAYS_MIN, DOSE_MAX, DOSE_MIN, DOSE_SLIDER_MAX, EVERY_CHOICES, MAX_MISSED, MAX_TITRATION_STEPS, type ParamSetId } from '../../sim/editor.js';

export function RegimenBasics(): ReactNode {
  const { t, tp, num } = useI18n();
  const { editor: s, dispatch } = useAppState();
  const set = (patch: Parameters<typeof dispatch>[0] & { type: 'set' }): void => dispatch(patch);

  return (
    <form className="editor area-basics" onSubmit={(e) => e.preventDefault()} aria-label={t('editor.label')}>
      <fieldset>
        <legend>{t('editor.regimen')}</legend>
        <div className="field">
          <div className="field-row">
            <label htmlFor="dose">{t('editor.dose')}</label>
            <output htmlFor="dose dose-exact" className="value-out" data-testid="dose-value">
              {t('unit.mgValue', { v: num(s.dose_mg, 2) })}
            </output>
          </div>
          <input
            id="dose"
            type="range"
            min={DOSE_MIN}
            max={DOSE_SLIDER_MAX}
            step={0.25}
            value={Math.min(s.dose_mg, DOSE_SLIDER_MAX)}
            aria-valuetext={t('unit.mgValue', { v: num(s.dose_mg, 2) })}
            aria-describedby="dose-hint"
            onChange={(e) => set({ type: 'set', patch: { dose_mg: Number(e.target.value) } })}
          />
          <div className="field-row">
            <label htmlFor="dose-exact">{t('editor.doseExact')}</label>
            <NumberField id="dose-exact" value={s.dose_mg} min={DOSE_MIN} max={DOSE_MAX} step={0.05} onCommit={(v) => set({ type: 'set', patch: { dose_mg: v } })} />
            <span>{t('unit.mg')}</span>
          </div>
          <span className="hint" id="dose-hint">
            {t('editor.doseHint', { max: num(DOSE_MAX) })}
          </span>
        </div>
        <ClockAndInterval idPrefix="" />
        <div className="field">
          <div className="field-row">
            <label htmlFor="days">{t('editor.days')}</label>
            <output htmlFor="days" className="value-out" data-testid="days-value">
              {tp('unit.days', s.days)}
            </output>
          </div>
          <input id="days" type="range" min={DAYS_MIN} max={DAYS_MAX} step={1} value={s.days} aria-valuetext={tp('unit.days', s.days)} onChange={(e) => set({ type: 'set', patch: { days: Number(e.target.value) } })} />
        </div>
        <div className="field">
          <label htmlFor="start-date">{t('editor.startDate')}</label>
          <div className="field-row">
            <input id="start-date" type="date" value={s.start_date} onChange={(e) => set({ type: 'set', patch: { start_date: e.target.value } })} aria-describedby="start-date-hint" />
            {s.start_date !== '' && (
              <button type="button" onClick={() => set({ type: 'set', patch: { start_date: '' } })}>
                {t('editor.clearDate')}
              </button>
            )}
          </div>
          <span className="hint" id="start-date-hint">
            {t('editor.startDateHint')}
          </span>
        </div>
      </fieldset>
    </form>
  );
}

/** Titration, missed doses, parameter set and hypotheses: below the result on a phone. */
export function RegimenMore(): ReactNode {
  const { t, tp, num } = useI18n();
  const { editor: s, dispatch } = useAppState();
  const [missedDay, setMissedDay] = useState(Math.min(3, s.days));
  const set = (patch: Parameters<typeof dispatch>[0] & { type: 'set' }): void => dispatch(patch);

  return (
    <form className="editor area-more" onSubmit={(e) => e.preventDefault()} aria-label={t('editor.moreLabel')}>

      <fieldset>
        <legend>{t('editor.titration')}</legend>
        <p className="hint" id="titration-hint">
          {t('editor.titrationHint')}
        </p>
        {s.titration.map((step, i) => (
          <div className="step-row" key={i} data-testid={`step-${i + 1}`}>
            <span>{t('editor.stepN', { n: String(i + 1) })}</span>
            <label className="visually-hidden" htmlFor={`step-${i}-dose`}>
              {t('editor.stepDose', { n: String(i + 1) })}
            </label>
            <NumberField id={`step-${i}-dose`} value={step.dose_mg} min={DOSE_MIN} max={DOSE_MAX} step={0.25} onCommit={(v) => dispatch({ type: 'updateStep', index: i, patch: { dose_mg: v } })} />
            <span>{t('unit.mg')}</span>
            <label htmlFor={`step-${i}-days`}>{t('editor.stepFor')}</label>
            <NumberField id={`step-${i}-days`} value={step.days} min={1} max={365} step={1} onCommit={(v) => dispatch({ type: 'updateStep', index: i, patch: { days: v } })} />
            <span>{tp('unit.daysWord', step.days)}</span>
            <button type="button" className="danger" onClick={() => dispatch({ type: 'removeStep', index: i })} aria-label={t('editor.removeStep', { n: String(i + 1) })}>
              ×
            </button>
          </div>
        ))}
        {s.titration.length > 0 && <p className="hint">{t('editor.thenMaintenance', { dose: t('unit.mgValue', { v: num(s.dose_mg, 2) }) })}</p>}
        <button type="button" onClick={() => dispatch({ type: 'addStep' })} disabled={s.titration.length >= MAX_TITRATION_STEPS} aria-describedby="titration-hint">
          {t('editor.addStep')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t('editor.missed')}</legend>
        {s.missed.length > 0 ? (
          <ul className="chips" aria-label={t('editor.missedList')}>
            {s.missed.map((d) => (
              <li key={d}>
                {t('editor.dayN', { n: String(d) })}
                <button type="button" onClick={() => dispatch({ type: 'removeMissed', day: d })} aria-label={t('editor.removeMissed', { n: String(d) })}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="hint">{t('editor.noMissed')}</p>
        )}
        <div className="field-row">
          <label htmlFor="missed-day">{t('editor.missedDay')}</label>
          <NumberField id="missed-day" value={missedDay} min={1} max={DAYS_MAX} step={1} onCommit={setMissedDay} />
          <button type="button" onClick={() => dispatch({ type: 'addMissed', day: missedDay })} disabled={s.missed.length >= MAX_MISSED || s.missed.includes(missedDay)}>
            {t('editor.addMissed')}
          </button>
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('editor.params')}</legend>
        {(['literature', 'seed'] as ParamSetId[]).map((p) => (
          <div className="check" key={p}>
            <input type="radio" id={`params-${p}`} name="params" value={p} checked={s.params === p} onChange={() => set({ type: 'set', patch: { params: p } })} aria-describedby={`params-${p}-hint`} />
            <div>
              <label htmlFor={`params-${p}`}>{t(`params.${p}` as MessageKey)}</label>
              <div className="hint" id={`params-${p}-hint`}>
                {t(`params.${p}.hint` as MessageKey)}
              </div>
            </div>
          </div>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t('editor.hypotheses')}</legend>
        <p className="hint">{t('editor.hypothesesHint')}</p>
        {HYPOTHESIS_IDS.map((h) => (
          <div className="check" key={h}>
            <input type="checkbox" id={`hyp-${h}`} checked={s.hypotheses.includes(h)} onChange={(e) => dispatch({ type: 'toggleHypothesis', id: h, on: e.target.checked })} aria-describedby={`hyp-${h}-claim`} />
            <div>
              <label htmlFor={`hyp-${h}`}>{t(`hyp.${h}.title` as MessageKey)}</label>{' '}
              <GradeBadge id={h} />
              <div className="hint" id={`hyp-${h}-claim`}>
                {t(`hyp.${h}.claim` as MessageKey)}
              </div>
            </div>
          </div>
        ))}
      </fieldset>
    </form>
  );
}

/** Clock time of the first dose and the dosing interval of the shared regimen (simulator and population forms). */
export function ClockAndInterval({ idPrefix }: { idPrefix: string }): ReactNode {
  const { t } = useI18n();
  const { editor: s, dispatch } = useAppState();
  return (
    <div className="field-row">
      <div className="field">
        <label htmlFor={`${idPrefix}time`}>{t('editor.time')}</label>
        <input id={`${idPrefix}time`} type="time" value={s.time} required onChange={(e) => dispatch({ type: 'set', patch: { time: e.target.value } })} />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}every`}>{t('editor.every')}</label>
        <select id={`${idPrefix}every`} value={s.every_h} onChange={(e) => dispatch({ type: 'set', patch: { every_h: Number(e.target.value) } })}>
          {EVERY_CHOICES.map((h) => (
            <option key={h} value={h}>
              {h === 24 ? t('editor.daily') : t('editor.everyH', { h: String(h) })}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
