// What-if parameter values in the simulator: an input per parameter in the parameters table (blank
// = the set's value; a decimal comma is read; refused values are marked and not applied), and a
// banner above every result that was computed with changed values, naming each with the set's value
// and whether it leaves the plausible range, with a button that restores the set. The engine checks
// the values again (names, constraints) and its message is shown if it refuses them.
import { useState, type ReactNode } from 'react';
import { fullParameterSet, type Parameter } from '@ldn/engine';
import { useI18n, useParamUnit } from '../i18n/index.js';
import { useAppState } from '../state.js';
import { PARAM_LABELS_UK } from '../i18n/params.uk.js';

/** The input of one parameter's what-if value. */
export function WhatIfInput({ p }: { p: Parameter }): ReactNode {
  const { t, sig, lang } = useI18n();
  const { editor, dispatch } = useAppState();
  const current = editor.overrides[p.id];
  const [text, setText] = useState<string | undefined>();
  const [bad, setBad] = useState(false);
  const shown = text ?? (current !== undefined ? String(current).replace('.', lang === 'uk' ? ',' : '.') : '');
  const commit = (): void => {
    if (text === undefined) return;
    const raw = text.trim().replace(',', '.');
    if (raw === '') {
      dispatch({ type: 'override', id: p.id, value: null });
      setBad(false);
      setText(undefined);
      return;
    }
    const v = /^\d+(\.\d*)?([eE][+-]?\d+)?$|^\.\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isFinite(v)) {
      setBad(true);
      return;
    }
    dispatch({ type: 'override', id: p.id, value: v });
    setBad(false);
    setText(undefined);
  };
  const value = current;
  const outside = value !== undefined && (value < p.range[0] || value > p.range[1]);
  const module = p.id.includes('.') ? p.id.split('.')[0] : undefined;
  const moduleOff = module !== undefined && !(editor.hypotheses as readonly string[]).includes(module);
  const hintId = `whatif-${p.id}-hint`;
  return (
    <div className="field" style={{ margin: 0 }}>
      <input
        type="text"
        inputMode="decimal"
        size={7}
        value={shown}
        placeholder={sig(p.value, 4)}
        aria-label={t('whatif.inputLabel', { id: p.id })}
        aria-invalid={bad ? true : undefined}
        aria-describedby={bad || outside || (moduleOff && value !== undefined) ? hintId : undefined}
        data-whatif={p.id}
        onChange={(e) => {
          setText(e.target.value);
          setBad(false);
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') {
            setText(undefined);
            setBad(false);
          }
        }}
      />
      {(bad || outside || (moduleOff && value !== undefined)) && (
        <span id={hintId} className={bad ? 'field-error' : 'hint'}>
          {bad ? t('whatif.bad') : outside ? t('whatif.outside') : t('whatif.moduleOff')}
        </span>
      )}
    </div>
  );
}

/** The banner above a result computed with what-if values. */
export function WhatIfBanner({ overrides, setId }: { overrides: Readonly<Record<string, number>> | undefined; setId: string }): ReactNode {
  const { t, sig, lang } = useI18n();
  const { dispatch } = useAppState();
  const unit = useParamUnit();
  const ids = Object.keys(overrides ?? {});
  if (ids.length === 0) return null;
  const set = fullParameterSet(setId === 'seed' ? 'seed' : 'literature');
  return (
    <div className="info" role="note" data-testid="whatif-banner">
      <p style={{ margin: 0 }}>
        <strong>{t('whatif.title')}</strong> {t('whatif.explain')}
      </p>
      <ul>
        {ids.map((id) => {
          const p = set.parameters[id];
          const v = overrides![id]!;
          if (!p) return <li key={id}>{`${id} = ${sig(v, 4)}`}</li>;
          const name = lang === 'uk' ? (PARAM_LABELS_UK[id] ?? p.label) : p.label;
          const outside = v < p.range[0] || v > p.range[1];
          return (
            <li key={id} data-param={id}>
              <code>{id}</code> ({name}) = {sig(v, 4)} {unit(p.unit)} {t('whatif.insteadOf', { v: `${sig(p.value, 4)} ${unit(p.unit)}`, lo: sig(p.range[0], 3), hi: sig(p.range[1], 3) })}
              {outside && <strong> {t('whatif.outside')}</strong>}
            </li>
          );
        })}
      </ul>
      <button type="button" onClick={() => dispatch({ type: 'clearOverrides' })}>
        {t('whatif.reset')}
      </button>
    </div>
  );
}
