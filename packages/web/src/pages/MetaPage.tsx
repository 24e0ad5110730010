// A custom meta-analysis (#/evidence/meta): paste or upload a CSV in one of the `ldn meta` layouts
// (the page shows the headers the chosen measure needs), choose the measure, the model, Knapp-Hartung
// and a subgroup column, and run it. The CSV is checked here first with the same @ldn/evidence code
// (errors name the row and the column), the numbers come from POST /api/meta (or, when the server
// cannot be reached, from the same functions in the browser, and the page says so), and the forest
// plot is drawn here with the figure's words and numbers in the reader's language. Analyses are
// saved, listed, reopened and deleted through /api/meta-analyses. CSV cells, study names and
// analysis names are user text: React text, or inside the XML-escaped SVG of @ldn/figures.
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { CSV_LAYOUTS, isRatioMeasure, META_MEASURES, META_METHODS, metaJson, type MetaAnalysisResult, type MetaMethod, type Measure } from '@ldn/evidence';
import { useI18n, type I18n, type MessageKey } from '../i18n/index.js';
import { useAppState } from '../state.js';
import { routeHref } from '../router.js';
import { ApiError, type MetaDoc, type MetaSummary, type SavedMetaAnalysis } from '../api/client.js';
import { useAsync } from '../components/useAsync.js';
import { ApiErrorBox } from '../components/Evidence.js';
import { SvgFigure } from '../components/SvgFigure.js';
import { extraColumns, layoutColumns, localForestSvg, metaBody, RANDOM_EFFECTS, runLocal, type MetaFormRequest, type MetaProblemText } from '../evidence/meta.js';
import { ConfirmDelete } from '../components/ConfirmDelete.js';
import { takeMetaDraft, type MetaDraft } from '../evidence/meta-draft.js';

const MAX_CSV = 500_000;

interface Shown {
  local: MetaAnalysisResult;
  doc: MetaDoc;
  /** where the numbers come from */
  from: 'server' | 'browser';
  request: MetaFormRequest;
}

const kept: { form?: MetaFormRequest; shown?: Shown; draftFrom?: MetaDraft['from'] } = {};

/** Forgets the form and the result (tests mount the page afresh). */
export function forgetMeta(): void {
  kept.form = undefined;
  kept.shown = undefined;
  kept.draftFrom = undefined;
}

const DEFAULT_FORM: MetaFormRequest = { csv: '', measure: 'RR', method: 'REML', knha: false, subgroup: null, revman5: false };

function fromSaved(r: Record<string, unknown>): MetaFormRequest {
  return {
    csv: typeof r.csv === 'string' ? r.csv : '',
    measure: (META_MEASURES as readonly string[]).includes(r.measure as string) ? (r.measure as Measure) : 'RR',
    method: (META_METHODS as readonly string[]).includes(r.method as string) ? (r.method as MetaMethod) : 'REML',
    knha: r.knha === true,
    subgroup: typeof r.subgroup === 'string' ? r.subgroup : null,
    revman5: r.revman5 === true,
  };
}

function fmtP(p: number | null, i18n: I18n): string {
  if (p === null) return '–';
  return p < 0.001 ? `< ${i18n.num(0.001, 3)}` : i18n.num(p, 3, 3);
}

function PooledTable({ doc, ratio, i18n }: { doc: MetaDoc; ratio: boolean; i18n: I18n }): ReactNode {
  const { t, num } = i18n;
  const n = (x: number | null | undefined, d = 3): string => (x === null || x === undefined ? '–' : num(x, d));
  const ci = (lo: number | null | undefined, hi: number | null | undefined, d = 3): string => `[${n(lo, d)}; ${n(hi, d)}]`;
  const random = doc.method !== 'FE' && doc.method !== 'MH' && doc.method !== 'PETO';
  const level = Math.round(doc.level * 100);
  const rows: [string, string, string][] = [];
  if (ratio && doc.exp) {
    rows.push(['estimate', t('meta.r.estimate', { level: String(level) }), `${n(doc.exp.estimate)} ${ci(doc.exp.ci_lower, doc.exp.ci_upper)}`]);
    rows.push(['log', t('meta.r.log'), `${n(doc.estimate, 4)} ${ci(doc.ci_lower, doc.ci_upper, 4)}, ${t('meta.r.se')} ${n(doc.se, 4)}`]);
  } else {
    rows.push(['estimate', t('meta.r.estimate', { level: String(level) }), `${n(doc.estimate)} ${ci(doc.ci_lower, doc.ci_upper)}, ${t('meta.r.se')} ${n(doc.se, 4)}`]);
  }
  rows.push(['test', doc.test === 'knha' ? t('meta.r.t', { df: String(doc.df ?? '') }) : t('meta.r.z'), `${n(doc.statistic)}, p = ${fmtP(doc.p, i18n)}`]);
  if (random) {
    rows.push(['tau2', t('meta.r.tau2'), `${n(doc.tau2, 4)} ${doc.tau2_ci_lower !== null ? ci(doc.tau2_ci_lower, doc.tau2_ci_upper, 4) : ''}`.trim()]);
    rows.push(['pi', t('meta.r.pi'), ratio && doc.exp ? ci(doc.exp.pi_lower, doc.exp.pi_upper) : ci(doc.pi_lower, doc.pi_upper)]);
  }
  rows.push(['I2', t('meta.r.I2'), `${n(doc.I2, 1)} %`]);
  rows.push(['H2', t('meta.r.H2'), n(doc.H2, 2)]);
  rows.push(['Q', t('meta.r.Q', { df: String(doc.Q_df) }), `${n(doc.Q)}, p = ${fmtP(doc.Q_p, i18n)}`]);
  return (
    <div className="scroll-x">
      <table data-testid="meta-pooled">
        <caption>{t('meta.pooled', { k: String(doc.k) })}</caption>
        <tbody>
          {rows.map(([k, label, v]) => (
            <tr key={k} data-row={k}>
              <th scope="row">{label}</th>
              <td className="num">{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Result({ shown }: { shown: Shown }): ReactNode {
  const i18n = useI18n();
  const { t, num } = i18n;
  const { api } = useAppState();
  const { doc, local } = shown;
  const ratio = isRatioMeasure(local.measure);
  const back = (x: number | null): number | null => (x === null ? null : ratio ? Math.exp(x) : x);
  const n = (x: number | null | undefined, d = 3): string => (x === null || x === undefined ? '–' : num(x, d));
  const svg = useMemo(() => localForestSvg(local, i18n), [local, i18n]);
  const [svgError, setSvgError] = useState<string | undefined>();
  const downloadSvg = async (): Promise<void> => {
    setSvgError(undefined);
    try {
      const text = await api.metaSvg(metaBody(shown.request));
      const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = 'meta-analysis-forest.svg';
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      setSvgError(e instanceof ApiError && e.code === 'network' ? t('api.unreachable') : String(e instanceof Error ? e.message : e));
    }
  };
  const model = doc.method === 'MH' || doc.method === 'PETO' || doc.method === 'FE' ? t(`meta.model.${doc.method}` as MessageKey) : t('meta.model.random', { method: doc.method });

  return (
    <section aria-labelledby="meta-result-h" data-testid="meta-result" data-from={shown.from}>
      <h2 id="meta-result-h" tabIndex={-1}>
        {t('meta.resultTitle')}
      </h2>
      <p className="status-line">
        {t(`meta.measure.${local.measure}` as MessageKey)} ({local.measure}) · {model}
        {doc.test === 'knha' ? ` · ${t('meta.knhaShort')}` : ''}
      </p>
      {shown.from === 'browser' && <p className="info">{t('meta.fromBrowser')}</p>}
      <p className="hint">{t('meta.caution')}</p>
      <PooledTable doc={doc} ratio={ratio} i18n={i18n} />
      {doc.revman5_random && (
        <p data-testid="meta-revman5">
          {t('meta.revman5Result', {
            estimate: ratio && doc.revman5_random.exp ? n(doc.revman5_random.exp.estimate) : n(doc.revman5_random.estimate),
            lo: ratio && doc.revman5_random.exp ? n(doc.revman5_random.exp.ci_lower) : n(doc.revman5_random.ci_lower),
            hi: ratio && doc.revman5_random.exp ? n(doc.revman5_random.exp.ci_upper) : n(doc.revman5_random.ci_upper),
            tau2: n(doc.revman5_random.tau2, 4),
          })}
        </p>
      )}
      {doc.omitted.length > 0 && <p className="info">{t('meta.omitted', { studies: doc.omitted.join(', ') })}</p>}
      <h3>{t('meta.forest')}</h3>
      <SvgFigure svg={svg} label={local.subgroups !== null ? t('meta.forestLabelSubgroups', { column: local.request.subgroup ?? '' }) : t('meta.forestLabel')} testId="meta-forest" />
      <div className="actions">
        <button type="button" onClick={() => void downloadSvg()}>
          {t('meta.downloadSvg')}
        </button>
      </div>
      {svgError && <p className="alert">{svgError}</p>}
      <h3>{t('meta.studies')}</h3>
      <div className="scroll-x">
        <table data-testid="meta-studies">
          <thead>
            <tr>
              <th scope="col">{t('forest.col.study')}</th>
              <th scope="col" className="num">
                {t('meta.col.estimate', { measure: local.measure })}
              </th>
              <th scope="col" className="num">
                {t('meta.weight')}
              </th>
            </tr>
          </thead>
          <tbody>
            {doc.studies.map((s, i) => (
              <tr key={i}>
                <th scope="row">{s.study}</th>
                <td className="num">{s.yi === null ? t('meta.notEstimable') : `${n(back(s.yi))} [${n(back(s.ci_lower))}; ${n(back(s.ci_upper))}]`}</td>
                <td className="num">{s.weight === null ? '–' : `${num(s.weight, 1)} %`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {doc.subgroups && (
        <>
          <h3>{t('meta.subgroups', { column: shown.request.subgroup ?? '' })}</h3>
          <div className="scroll-x">
            <table data-testid="meta-subgroups">
              <thead>
                <tr>
                  <th scope="col">{t('meta.group')}</th>
                  <th scope="col" className="num">k</th>
                  <th scope="col" className="num">
                    {t('meta.col.estimate', { measure: local.measure })}
                  </th>
                  <th scope="col" className="num">τ²</th>
                  <th scope="col" className="num">I²</th>
                </tr>
              </thead>
              <tbody>
                {doc.subgroups.map((g: { group: string } & MetaSummary) => (
                  <tr key={g.group}>
                    <th scope="row">{g.group}</th>
                    <td className="num">{g.k}</td>
                    <td className="num">{ratio && g.exp ? `${n(g.exp.estimate)} [${n(g.exp.ci_lower)}; ${n(g.exp.ci_upper)}]` : `${n(g.estimate)} [${n(g.ci_lower)}; ${n(g.ci_upper)}]`}</td>
                    <td className="num">{n(g.tau2, 4)}</td>
                    <td className="num">{g.I2 === null ? '–' : `${num(g.I2, 1)} %`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {doc.subgroup_test && <p>{t('meta.subgroupTest', { df: String(doc.subgroup_test.Q_df), q: n(doc.subgroup_test.Q), p: fmtP(doc.subgroup_test.Q_p, i18n) })}</p>}
        </>
      )}
    </section>
  );
}

function SavedList({ reloadKey, onOpen }: { reloadKey: number; onOpen: (s: SavedMetaAnalysis) => void }): ReactNode {
  const i18n = useI18n();
  const { t } = i18n;
  const { api } = useAppState();
  const list = useAsync(() => api.metaAnalyses(), [api, reloadKey]);
  const [message, setMessage] = useState('');
  const open = async (s: SavedMetaAnalysis): Promise<void> => {
    try {
      onOpen(await api.metaAnalysis(s.id));
    } catch (e) {
      setMessage(t('save.failed', { reason: e instanceof Error ? e.message : String(e) }));
    }
  };
  const remove = async (s: SavedMetaAnalysis): Promise<void> => {
    try {
      await api.deleteMetaAnalysis(s.id);
      setMessage(t('scenarios.deleted', { name: s.name }));
      list.reload();
    } catch (e) {
      setMessage(t('save.failed', { reason: e instanceof Error ? e.message : String(e) }));
    }
  };
  return (
    <section aria-labelledby="meta-saved-h" data-testid="meta-saved">
      <h2 id="meta-saved-h">{t('meta.savedTitle')}</h2>
      <p role="status" data-testid="meta-saved-status">
        {message}
      </p>
      {list.loading && <p role="status">{t('common.loading')}</p>}
      {list.error !== undefined && <ApiErrorBox error={list.error} onRetry={list.reload} />}
      {list.data && list.data.length === 0 && <p className="info">{t('meta.savedEmpty')}</p>}
      {list.data && list.data.length > 0 && (
        <ul className="plain-list" data-testid="meta-saved-list">
          {list.data.map((s) => (
            <li key={s.id} className="scenario" data-meta-analysis={s.id}>
              <h3 className="item-title">{s.name}</h3>
              <p className="hint">
                {[typeof s.request.measure === 'string' ? s.request.measure : '', typeof s.request.method === 'string' ? s.request.method : '', s.created_at ? t('scenarios.saved', { when: i18n.dateTime(s.created_at) }) : ''].filter((x) => x !== '').join(' · ')}
              </p>
              <div className="actions">
                <button type="button" className="primary" onClick={() => void open(s)} aria-label={t('meta.openNamed', { name: s.name })}>
                  {t('scenarios.open')}
                </button>
                <ConfirmDelete name={s.name} onDelete={() => remove(s)} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function MetaPage(): ReactNode {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const { api } = useAppState();
  const [form, setFormState] = useState<MetaFormRequest>(() => {
    // rows handed over by the evidence page (counts behind its computed risk ratios), by outcome
    const draft = takeMetaDraft();
    if (draft) {
      kept.form = { ...DEFAULT_FORM, csv: draft.csv, measure: 'RR', subgroup: 'outcome' };
      kept.shown = undefined;
      kept.draftFrom = draft.from;
    }
    return kept.form ?? DEFAULT_FORM;
  });
  const [shown, setShownState] = useState<Shown | undefined>(kept.shown);
  const draftFrom = kept.draftFrom;
  const [problem, setProblem] = useState<MetaProblemText | undefined>();
  const [serverError, setServerError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [name, setName] = useState('');
  const [saveMessage, setSaveMessage] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>();
  const [reloadKey, setReloadKey] = useState(0);
  const seq = useRef(0);
  const set = (patch: Partial<MetaFormRequest>): void => setFormState((f) => (kept.form = { ...f, ...patch }));
  const setShown = (s: Shown | undefined): void => setShownState((kept.shown = s));

  const layout = layoutColumns(form.measure);
  const extras = useMemo(() => extraColumns(form.csv, form.measure), [form.csv, form.measure]);
  const random = RANDOM_EFFECTS.includes(form.method);

  const focus = (id: string): void => {
    setTimeout(() => document.getElementById(id)?.focus(), 0);
  };

  const run = async (request: MetaFormRequest = form, saved?: MetaDoc): Promise<void> => {
    const mine = ++seq.current;
    setServerError(undefined);
    setSaveMessage(undefined);
    const local = runLocal(request, i18n);
    if ('problem' in local) {
      setProblem(local.problem);
      setShown(undefined);
      focus('meta-problem');
      return;
    }
    setProblem(undefined);
    if (saved) {
      setShown({ local: local.result, doc: saved, from: 'server', request });
      focus('meta-result-h');
      return;
    }
    setBusy(true);
    try {
      const doc = await api.meta(metaBody(request));
      if (mine !== seq.current) return;
      setShown({ local: local.result, doc, from: 'server', request });
      focus('meta-result-h');
    } catch (e) {
      if (mine !== seq.current) return;
      if (e instanceof ApiError && e.code === 'network') {
        setShown({ local: local.result, doc: metaJson(local.result) as unknown as MetaDoc, from: 'browser', request });
        focus('meta-result-h');
      } else {
        setServerError(e);
        setShown(undefined);
      }
    } finally {
      if (mine === seq.current) setBusy(false);
    }
  };

  const upload = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    const text = await file.text();
    if (text.length > MAX_CSV) {
      setProblem({ text: t('meta.err.tooLarge', { max: i18n.num(MAX_CSV, 0) }), field: 'csv' });
      return;
    }
    set({ csv: text, subgroup: null });
  };

  const save = async (): Promise<void> => {
    if (!shown) return;
    if (name.trim() === '') {
      setSaveMessage({ kind: 'error', text: t('save.nameRequired') });
      return;
    }
    try {
      const s = await api.saveMetaAnalysis({ name: name.trim(), request: metaBody(shown.request) });
      setSaveMessage({ kind: 'ok', text: t('save.saved', { name: s.name }) });
      setName('');
      setReloadKey((k) => k + 1);
    } catch (e) {
      setSaveMessage({ kind: 'error', text: t('save.failed', { reason: e instanceof ApiError && e.code === 'network' ? t('api.unreachable') : e instanceof Error ? e.message : String(e) }) });
    }
  };

  const openSaved = (s: SavedMetaAnalysis): void => {
    const f = fromSaved(s.request);
    kept.form = f;
    setFormState(f);
    void run(f, s.result);
  };

  const stale = shown !== undefined && JSON.stringify(metaBody(form)) !== JSON.stringify(metaBody(shown.request));

  return (
    <>
      <h1>{t('meta.title')}</h1>
      <p>{t('meta.intro')}</p>
      {draftFrom && (
        <div className="info" role="note" data-testid="meta-draft">
          <p style={{ margin: 0 }}>
            {t('meta.draft', { studies: String(draftFrom.studies), outcomes: String(draftFrom.outcomes) })}
          </p>
        </div>
      )}
      <p>
        <a href={routeHref({ page: 'evidence' })}>{t('meta.toEvidence')}</a>
      </p>
      <form
        className="meta-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
        aria-labelledby="meta-form-h"
      >
        <h2 id="meta-form-h" className="visually-hidden">
          {t('meta.formTitle')}
        </h2>
        <div className="meta-grid">
          <fieldset>
            <legend>{t('meta.data')}</legend>
            <div className="field">
              <label htmlFor="meta-csv">{t('meta.csv')}</label>
              <textarea
                id="meta-csv"
                className="csv-input"
                rows={9}
                spellCheck={false}
                value={form.csv}
                maxLength={MAX_CSV}
                onChange={(e) => set({ csv: e.target.value })}
                aria-describedby="meta-headers"
                aria-invalid={problem?.field === 'csv' ? true : undefined}
              />
            </div>
            <div className="field">
              <label htmlFor="meta-file">{t('meta.upload')}</label>
              <input id="meta-file" type="file" accept=".csv,text/csv,text/plain" onChange={(e) => void upload(e.target.files?.[0])} />
            </div>
            <div id="meta-headers" className="hint" data-testid="meta-headers">
              <p>
                {t('meta.headersFor', { measure: form.measure })} <code>{layout.join(',')}</code>
              </p>
              <ul>
                {layout.map((c) => (
                  <li key={c}>
                    <code>{c}</code>: {t(`meta.colHelp.${c}` as MessageKey)}
                  </li>
                ))}
              </ul>
              <p>{t('meta.extraColumns')}</p>
            </div>
            <button type="button" onClick={() => set({ csv: `${layout.join(',')}\n` })} disabled={form.csv.trim() !== ''}>
              {t('meta.insertHeader')}
            </button>
            <details>
              <summary>{t('meta.allLayouts')}</summary>
              <ul>
                {Object.entries(CSV_LAYOUTS).map(([k, cols]) => (
                  <li key={k}>
                    {t(`meta.layout.${k}` as MessageKey)}: <code>{cols.join(',')}</code>
                  </li>
                ))}
              </ul>
            </details>
          </fieldset>
          <fieldset>
            <legend>{t('meta.model')}</legend>
            <div className="field">
              <label htmlFor="meta-measure">{t('meta.measure')}</label>
              <select id="meta-measure" value={form.measure} onChange={(e) => set({ measure: e.target.value as Measure, subgroup: null })}>
                {META_MEASURES.map((m) => (
                  <option key={m} value={m}>
                    {`${m} — ${t(`meta.measure.${m}` as MessageKey)}`}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="meta-method">{t('meta.method')}</label>
              <select id="meta-method" value={form.method} onChange={(e) => set({ method: e.target.value as MetaMethod, ...(RANDOM_EFFECTS.includes(e.target.value as MetaMethod) ? {} : { knha: false }), ...(e.target.value === 'MH' ? {} : { revman5: false }) })} aria-invalid={problem?.field === 'method' ? true : undefined}>
                {META_METHODS.map((m) => (
                  <option key={m} value={m}>
                    {`${m} — ${t(`meta.method.${m}` as MessageKey)}`}
                  </option>
                ))}
              </select>
            </div>
            <div className="check">
              <input id="meta-knha" type="checkbox" checked={form.knha} disabled={!random} onChange={(e) => set({ knha: e.target.checked })} aria-describedby="meta-knha-hint" />
              <div>
                <label htmlFor="meta-knha">{t('meta.knha')}</label>
                <div className="hint" id="meta-knha-hint">
                  {t('meta.knhaHint')}
                </div>
              </div>
            </div>
            <div className="check">
              <input id="meta-revman5" type="checkbox" checked={form.revman5} disabled={form.method !== 'MH'} onChange={(e) => set({ revman5: e.target.checked })} aria-describedby="meta-revman5-hint" />
              <div>
                <label htmlFor="meta-revman5">{t('meta.revman5')}</label>
                <div className="hint" id="meta-revman5-hint">
                  {t('meta.revman5Hint')}
                </div>
              </div>
            </div>
            <div className="field">
              <label htmlFor="meta-subgroup">{t('meta.subgroup')}</label>
              <select id="meta-subgroup" value={form.subgroup ?? ''} onChange={(e) => set({ subgroup: e.target.value === '' ? null : e.target.value })} aria-describedby="meta-subgroup-hint" aria-invalid={problem?.field === 'subgroup' ? true : undefined}>
                <option value="">{t('meta.noSubgroup')}</option>
                {[...new Set([...extras, ...(form.subgroup !== null ? [form.subgroup] : [])])].map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
              <span className="hint" id="meta-subgroup-hint">
                {t('meta.subgroupHint')}
              </span>
            </div>
          </fieldset>
        </div>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || form.csv.trim() === ''} data-testid="meta-run">
            {busy ? t('meta.running') : t('meta.run')}
          </button>
          {stale && <span className="hint">{t('meta.stale')}</span>}
        </div>
      </form>
      {problem && (
        <div className="alert" role="alert" id="meta-problem" tabIndex={-1} data-testid="meta-problem">
          <strong>{problem.text}</strong>
          {problem.detail && (
            <>
              {' '}
              <span lang="en">{problem.detail}</span>
            </>
          )}
        </div>
      )}
      {serverError !== undefined && <ApiErrorBox error={serverError} onRetry={() => void run()} />}
      {shown && (
        <>
          <Result shown={shown} />
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
            aria-labelledby="meta-save-h"
            data-testid="meta-save"
          >
            <fieldset>
              <legend id="meta-save-h">{t('meta.saveTitle')}</legend>
              <div className="field">
                <label htmlFor="meta-save-name">{t('save.name')}</label>
                <input id="meta-save-name" type="text" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} autoComplete="off" />
              </div>
              <button type="submit" className="primary">
                {t('meta.save')}
              </button>
              <p role="status" className={saveMessage?.kind === 'error' ? 'alert' : undefined} data-testid="meta-save-status">
                {saveMessage?.text ?? ''}
              </p>
            </fieldset>
          </form>
        </>
      )}
      {lang !== 'en' && <p className="hint">{t('meta.engineEnglish')}</p>}
      <SavedList reloadKey={reloadKey} onOpen={openSaved} />
    </>
  );
}
