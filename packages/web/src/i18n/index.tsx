// Language state for the whole app: the typed catalogs (en.ts, uk.ts share one key set, checked by
// a test), `t(key, vars)` with {placeholders}, plural forms through Intl.PluralRules (Ukrainian has
// one/few/many), and the number/date formatters bound to the current locale. The choice is kept in
// localStorage and written to <html lang> so screen readers and hyphenation follow it.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en, type MessageKey, type Messages } from './en.js';
import { uk } from './uk.js';
import { formatClock, formatDate, formatDateTime, formatNumber, formatPercent, formatSig, LANGS, LOCALES, type Lang } from './format.js';

export { LANGS, LOCALES, type Lang, type MessageKey };

export const CATALOGS: Readonly<Record<Lang, Messages>> = { en, uk };
export const STORAGE_KEY = 'ldn.lang';

export type Vars = Readonly<Record<string, string | number>>;

/** Fills {name} placeholders; numbers are formatted for the language. */
export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const text = CATALOGS[lang][key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = vars[name];
    if (v === undefined) return m;
    return typeof v === 'number' ? formatNumber(lang, v, 2) : v;
  });
}

type PluralBase = { [K in MessageKey]: K extends `${infer B}.one` ? B : never }[MessageKey];

const pluralRules = new Map<Lang, Intl.PluralRules>();

/** "{n} doses" with the language's plural form: key.one / key.few / key.many / key.other. */
export function translatePlural(lang: Lang, base: PluralBase, n: number, vars?: Vars): string {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(LOCALES[lang]);
    pluralRules.set(lang, rules);
  }
  const cat = rules.select(n);
  const key = (['one', 'few', 'many', 'other'].includes(cat) ? `${base}.${cat}` : `${base}.other`) as MessageKey;
  return translate(lang, key, { n, ...vars });
}

/** The language to start with: the saved choice, else the browser's (Ukrainian or English). */
export function initialLang(): Lang {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'uk') return saved;
  } catch {
    /* storage may be disabled */
  }
  const nav = globalThis.navigator?.languages ?? [globalThis.navigator?.language ?? 'en'];
  return nav.some((l) => /^(uk|ru)\b/i.test(l)) ? 'uk' : 'en';
}

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, vars?: Vars) => string;
  tp: (base: PluralBase, n: number, vars?: Vars) => string;
  num: (x: number, maxDigits?: number, minDigits?: number) => string;
  sig: (x: number, digits?: number) => string;
  pct: (fraction: number, digits?: number) => string;
  clock: (hours: number) => string;
  date: (value: string | number | Date, style?: 'long' | 'medium' | 'short') => string;
  dateTime: (value: string | number | Date) => string;
}

export function makeI18n(lang: Lang, setLang: (l: Lang) => void = () => undefined): I18n {
  return {
    lang,
    setLang,
    t: (key, vars) => translate(lang, key, vars),
    tp: (base, n, vars) => translatePlural(lang, base, n, vars),
    num: (x, maxDigits, minDigits) => formatNumber(lang, x, maxDigits, minDigits),
    sig: (x, digits) => formatSig(lang, x, digits),
    pct: (x, digits) => formatPercent(lang, x, digits),
    clock: (h) => formatClock(lang, h),
    date: (v, style) => formatDate(lang, v, style),
    dateTime: (v) => formatDateTime(lang, v),
  };
}

const I18nContext = createContext<I18n>(makeI18n('en'));

export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Lang }): ReactNode {
  const [lang, setLangState] = useState<Lang>(initial ?? initialLang);
  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, l);
    } catch {
      /* storage may be disabled: the choice lasts for this page */
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = translate(lang, 'app.title');
  }, [lang]);
  const value = useMemo(() => makeI18n(lang, setLang), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}

/** A model parameter's unit in the reader's language (punit.* keys); units without a key as the engine writes them. */
export function useParamUnit(): (unit: string) => string {
  const { t } = useI18n();
  return (u) => (Object.hasOwn(CATALOGS.en, `punit.${u}`) ? t(`punit.${u}` as MessageKey) : u);
}
