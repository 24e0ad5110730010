// The dosing planner (#/planner): the form, and the plan POST /api/plans answers (the same
// @ldn/planner buildPlan as `ldn plan`; the saved and printed plan always comes from the server).
// Tabs: the plan, every rule with its level, source and evidence (#/planner/rules), and saved plans
// (#/planner/saved: list, reopen, delete). The form and the last answer are kept while the page is
// open (not in storage: they are patient data).
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { PlanRequest } from '@ldn/planner';
import { useI18n, type MessageKey } from '../../i18n/index.js';
import { useAppState } from '../../state.js';
import { routeHref, type PlannerTab } from '../../router.js';
import { ApiError, isSavedPlan, type PlanAnswer, type SavedPlan } from '../../api/client.js';
import { ApiErrorBox } from '../../components/Evidence.js';
import { emptyForm, fromPlanRequest, inputIdFor, toPlanRequest, type PlanForm } from '../../planner/form.js';
import { PlanFormView, type FieldError } from './PlanFormView.js';
import { PlanView } from './PlanView.js';
import { RulesTab } from './RulesTab.js';
import { SavedPlansTab } from './SavedPlansTab.js';

interface Result {
  answer: PlanAnswer;
  request: PlanRequest;
  /** set when the plan was saved or reopened from the saved plans */
  saved?: { id: string; name: string; created_at?: string };
}

const kept: { form?: PlanForm; ack: string[]; result?: Result } = { ack: [] };

/** Forgets the form and the plan (tests mount the page afresh). */
export function forgetPlanner(): void {
  kept.form = undefined;
  kept.ack = [];
  kept.result = undefined;
}

const TABS: { tab: PlannerTab; key: MessageKey }[] = [
  { tab: 'plan', key: 'plan.tab.plan' },
  { tab: 'rules', key: 'plan.tab.rules' },
  { tab: 'saved', key: 'plan.tab.saved' },
];

function download(text: string, type: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function reason(e: unknown, t: ReturnType<typeof useI18n>['t']): string {
  if (e instanceof ApiError && e.code === 'network') return t('api.unreachable');
  return e instanceof Error ? e.message : String(e);
}

function PlanActions({ result, onSaved }: { result: Result; onSaved: (s: SavedPlan) => void }): ReactNode {
  const { t, dateTime } = useI18n();
  const { api } = useAppState();
  const [name, setName] = useState(result.saved?.name ?? result.request.name ?? '');
  const [notes, setNotes] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>();
  const [printUrl, setPrintUrl] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const plan = result.answer.plan;
  const saved = result.saved;

  const ics = async (): Promise<void> => {
    setMessage(undefined);
    try {
      download(await api.planFile(result.request, 'ics'), 'text/calendar;charset=utf-8', `ldn-plan-${plan.plan_id}.ics`);
    } catch (e) {
      setMessage({ kind: 'error', text: t('plan.fileFailed', { reason: reason(e, t) }) });
    }
  };
  const printable = async (): Promise<void> => {
    setMessage(undefined);
    // opened now, while the click still counts as the user's, and filled when the page arrives
    const w = window.open('', '_blank');
    try {
      const html = await api.planFile(result.request, 'html');
      const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
      if (w) w.location.href = url;
      else setPrintUrl(url);
    } catch (e) {
      w?.close();
      setMessage({ kind: 'error', text: t('plan.fileFailed', { reason: reason(e, t) }) });
    }
  };
  const save = async (): Promise<void> => {
    if (name.trim() === '') {
      setMessage({ kind: 'error', text: t('save.nameRequired') });
      return;
    }
    setBusy(true);
    setMessage(undefined);
    try {
      const answer = await api.savePlan({ name: name.trim(), request: result.request, notes: notes.trim() });
      if (isSavedPlan(answer)) {
        setMessage({ kind: 'ok', text: t('save.saved', { name: answer.name }) });
        onSaved(answer);
      } else setMessage({ kind: 'error', text: t('plan.saveRefused', { reason: answer.refused?.message ?? '' }) });
    } catch (e) {
      setMessage({ kind: 'error', text: t('save.failed', { reason: reason(e, t) }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="plan-actions" aria-labelledby="plan-actions-h" data-testid="plan-actions">
      <h3 id="plan-actions-h">{t('plan.actionsTitle')}</h3>
      {saved && (
        <p className="info" data-testid="plan-saved-note">
          {t('plan.savedNote', { name: saved.name, when: saved.created_at ? dateTime(saved.created_at) : '' })}
        </p>
      )}
      <div className="actions">
        {saved ? (
          <>
            <a className="button" href={`/api/saved-plans/${encodeURIComponent(saved.id)}?format=ics`} download={`ldn-plan-${plan.plan_id}.ics`} data-testid="plan-ics">
              {t('plan.ics')}
            </a>
            <a className="button" href={`/api/saved-plans/${encodeURIComponent(saved.id)}?format=html`} target="_blank" rel="noopener" data-testid="plan-print">
              {t('plan.print')}
            </a>
          </>
        ) : (
          <>
            <button type="button" onClick={() => void ics()} data-testid="plan-ics">
              {t('plan.ics')}
            </button>
            <button type="button" onClick={() => void printable()} data-testid="plan-print">
              {t('plan.print')}
            </button>
          </>
        )}
      </div>
      {printUrl && (
        <p>
          <a href={printUrl} target="_blank" rel="noopener">
            {t('plan.printReady')}
          </a>
        </p>
      )}
      <p className="hint">{t('plan.filesHint')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        aria-labelledby="plan-save-h"
        data-testid="plan-save"
      >
        <fieldset>
          <legend id="plan-save-h">{t('plan.saveTitle')}</legend>
          <div className="field">
            <label htmlFor="plan-save-name">{t('save.name')}</label>
            <input id="plan-save-name" type="text" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} autoComplete="off" />
          </div>
          <div className="field">
            <label htmlFor="plan-save-notes">{t('save.notes')}</label>
            <textarea id="plan-save-notes" rows={2} value={notes} maxLength={20_000} onChange={(e) => setNotes(e.target.value)} />
          </div>
          <button type="submit" className="primary" disabled={busy}>
            {t('plan.save')}
          </button>
        </fieldset>
      </form>
      <p role="status" className={message?.kind === 'error' ? 'alert' : undefined} data-testid="plan-save-status">
        {message?.text ?? ''}
      </p>
    </section>
  );
}

export function PlannerPage({ tab }: { tab: PlannerTab }): ReactNode {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const { api } = useAppState();
  const [form, setFormState] = useState<PlanForm>(() => kept.form ?? emptyForm(lang));
  const [ack, setAckState] = useState<string[]>(kept.ack);
  const [result, setResultState] = useState<Result | undefined>(kept.result);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [dropped, setDropped] = useState<string[]>([]);
  const seq = useRef(0);
  const focusAfter = useRef<string | undefined>(undefined);

  const setForm = (patch: Partial<PlanForm>): void => setFormState((f) => (kept.form = { ...f, ...patch }));
  const setAck = (a: string[]): void => setAckState((kept.ack = a));
  const setResult = (r: Result | undefined): void => setResultState((kept.result = r));

  // focus moves after the render that shows its target (the result heading, an invalid field)
  useEffect(() => {
    const id = focusAfter.current;
    if (id === undefined) return;
    const el = document.getElementById(id);
    if (!el) return;
    focusAfter.current = undefined;
    el.focus();
    if (typeof el.scrollIntoView === 'function') el.scrollIntoView({ block: 'start' });
  });

  const submit = async (f: PlanForm, a: string[], focusResult: boolean): Promise<void> => {
    const mine = ++seq.current;
    setBusy(true);
    const request = toPlanRequest(f, a);
    try {
      const answer = await api.plan(request);
      if (mine !== seq.current) return;
      setResult({ answer, request });
      setError(undefined);
      if (focusResult) focusAfter.current = 'plan-result-h';
    } catch (e) {
      if (mine !== seq.current) return;
      setError(e);
      if (e instanceof ApiError && e.field !== undefined) focusAfter.current = inputIdFor(e.field, f);
    } finally {
      if (mine === seq.current) setBusy(false);
    }
  };

  const onAck = (id: string, on: boolean): void => {
    const rest = ack.filter((a) => a !== id && !id.startsWith(`${a}-`));
    const next = on ? [...rest, id] : rest;
    setAck(next);
    void submit(form, next, false);
  };

  const goTo = (field: string): void => {
    const id = inputIdFor(field, form);
    const el = document.getElementById(id);
    if (!el) return;
    el.focus();
    if (typeof el.scrollIntoView === 'function') el.scrollIntoView({ block: 'center' });
  };

  const openSaved = (s: SavedPlan): void => {
    const { form: f, ack: a, dropped: d } = fromPlanRequest(s.request, lang);
    kept.form = f;
    setFormState(f);
    setAck(a);
    setDropped(d);
    setError(undefined);
    setResult({ answer: { plan: s.plan }, request: s.request, saved: { id: s.id, name: s.name, ...(s.created_at !== undefined ? { created_at: s.created_at } : {}) } });
    focusAfter.current = 'plan-result-h';
    globalThis.location.hash = routeHref({ page: 'planner', tab: 'plan' });
  };

  const fieldError: FieldError | undefined = error instanceof ApiError && error.status === 400 && error.field !== undefined ? { inputId: inputIdFor(error.field, form), message: t('plan.fieldError', { field: error.field, message: error.message.startsWith(`${error.field}: `) ? error.message.slice(error.field.length + 2) : error.message }) } : undefined;
  const stale = result !== undefined && result.saved === undefined && JSON.stringify(toPlanRequest(form, ack)) !== JSON.stringify(result.request);

  return (
    <>
      <h1>{t('plan.title')}</h1>
      <p>{t('plan.intro')}</p>
      <nav className="tabs" aria-label={t('plan.tabs')}>
        {TABS.map((x) => (
          <a key={x.tab} href={routeHref({ page: 'planner', tab: x.tab })} aria-current={x.tab === tab ? 'page' : undefined}>
            {t(x.key)}
          </a>
        ))}
      </nav>
      {tab === 'rules' && <RulesTab />}
      {tab === 'saved' && <SavedPlansTab onOpen={openSaved} />}
      {tab === 'plan' && (
        <div className="planner">
          {dropped.length > 0 && (
            <p className="info" role="status">
              {t('plan.dropped', { fields: dropped.join(', ') })}
            </p>
          )}
          <PlanFormView form={form} onChange={setForm} onSubmit={() => void submit(form, ack, true)} busy={busy} error={fieldError} />
          {error !== undefined && fieldError === undefined && <ApiErrorBox error={error} onRetry={() => void submit(form, ack, true)} />}
          <p className="status-line" role="status" data-testid="plan-busy" data-busy={busy ? 'true' : 'false'}>
            {busy ? t('plan.building') : stale ? t('plan.stale') : ''}
          </p>
          {result && (
            <PlanView
              plan={result.answer.plan}
              {...(result.answer.refused ? { refusedMessage: result.answer.refused.message } : {})}
              ack={ack}
              onAck={onAck}
              onGoTo={goTo}
              busy={busy}
              actions={<PlanActions key={`${result.answer.plan.plan_id}-${result.saved?.id ?? ''}`} result={result} onSaved={(s) => setResult({ ...result, saved: { id: s.id, name: s.name, ...(s.created_at !== undefined ? { created_at: s.created_at } : {}) } })} />}
            />
          )}
        </div>
      )}
    </>
  );
}
