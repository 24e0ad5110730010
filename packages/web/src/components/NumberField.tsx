// A number input that lets people type freely ("4," or an empty box on the way to "4,5") and only
// reports a value when the text is a number in range. Accepts a decimal comma, as Ukrainian
// keyboards type it.
import { useEffect, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/index.js';

export interface NumberFieldProps {
  id: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onCommit: (value: number) => void;
  className?: string;
  'aria-label'?: string;
  'aria-describedby'?: string;
}

export function parseLocaleNumber(text: string): number {
  const t = text.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(t)) return NaN;
  return Number(t);
}

export function NumberField(props: NumberFieldProps): ReactNode {
  const { id, value, min, max, step, onCommit } = props;
  const { lang } = useI18n();
  const show = (v: number): string => (lang === 'uk' ? String(v).replace('.', ',') : String(v));
  const [text, setText] = useState(show(value));
  const [shownLang, setShownLang] = useState(lang);
  useEffect(() => {
    const relang = shownLang !== lang;
    setShownLang(lang);
    setText((prev) => (!relang && parseLocaleNumber(prev) === value ? prev : lang === 'uk' ? String(value).replace('.', ',') : String(value)));
  }, [value, lang, shownLang]);
  return (
    <input
      id={id}
      type="text"
      inputMode="decimal"
      className={props.className ?? 'num-input'}
      value={text}
      aria-label={props['aria-label']}
      aria-describedby={props['aria-describedby']}
      aria-invalid={!(parseLocaleNumber(text) >= min && parseLocaleNumber(text) <= max)}
      data-min={min}
      data-max={max}
      data-step={step}
      onChange={(e) => {
        setText(e.target.value);
        const v = parseLocaleNumber(e.target.value);
        if (v >= min && v <= max) onCommit(v);
      }}
      onBlur={() => setText(show(value))}
      onKeyDown={(e) => {
        if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
        e.preventDefault();
        const v = Math.min(max, Math.max(min, Math.round(((Number.isFinite(parseLocaleNumber(text)) ? parseLocaleNumber(text) : value) + (e.key === 'ArrowUp' ? step : -step)) / step) * step));
        setText(show(v));
        onCommit(v);
      }}
    />
  );
}
