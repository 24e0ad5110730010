// Add a study to the evidence base (#/evidence/add): a guided form for what a reviewer extracts
// from a paper (the study, its source, where the numbers were read, participants, arms with dose,
// outcomes as counts or mean/SD/n with the p-value) or the full record in JSON for what the form
// does not cover (derived and not-found numbers, several sources). The record is checked here with
// the evidence schema first (each problem marked at its field, in the reader's language, and the
// first one focused), then sent to POST /api/evidence/studies, whose 409/422 are shown the same
// way. The new study opens on its own page, with the same consistency checks as shipped studies.
// Everything typed is user text: React renders it as text.
import { useRef, useState, type ReactNode } from 'react';
import { ARM_ROLES, CONDITIONS, DURATION_UNITS, EVIDENCE_LEVELS, IDENTIFICATION, INDIRECTNESS_DOMAINS, OUTCOME_CATEGORIES, SOURCE_KINDS, STUDY_STATUSES, WHERE, type Condition } from '@ldn/evidence';
import { useI18n, type I18n, type MessageKey } from '../i18n/index.js';
import { useAppState } from '../state.js';
import { routeHref } from '../router.js';
import { ApiError } from '../api/client.js';
import { ApiErrorBox } from '../components/Evidence.js';
import { conditionLabel } from './EvidencePage.js';
import {
  buildStudy,
  emptyArm,
  emptyCell,
  emptyOutcome,
  emptyStudyForm,
  idFromLabel,
  P_COMPARATORS,
  formFieldOfServer,
  type FormProblem,
  type OutcomeInput,
  type StudyForm,
} from '../evidence/study-form.js';

const MAX_JSON = 500_000;
const kept: { form?: StudyForm } = {};

/** Forgets the form (tests mount the page afresh). */
export function forgetAddStudy(): void {
  kept.form = undefined;
}

const flowPatch = (k: 'enrolled' | 'randomized' | 'completed' | 'analysed', v: string): Partial<StudyForm> => {
  const p: Partial<StudyForm> = {};
  p[k] = v;
  return p;
};

/** The element id of a form field: "arms.1.n" → "add-arms-1-n". */
const fieldId = (field: string): string => `add-${field.replace(/\./g, '-')}`;

/** A problem in the reader's language; the schema's own words (English) when the form has none. */
function problemText(p: FormProblem, i18n: I18n): string {
  return p.code === 'schema' ? p.message : i18n.t(`add.err.${p.code}` as MessageKey, p.params);
}

export function AddStudyPage(): ReactNode {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const { api } = useAppState();
  const [form, setFormState] = useState<StudyForm>(() => kept.form ?? emptyStudyForm());
  const [mode, setMode] = useState<'form' | 'json'>('form');
  const [json, setJson] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [jsonProblem, setJsonProblem] = useState<string | undefined>();
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  const setForm = (next: StudyForm): void => {
    kept.form = next;
    setFormState(next);
  };
  const patch = (p: Partial<StudyForm>): void => setForm({ ...form, ...p });
  const patchSource = (p: Partial<StudyForm['source']>): void => setForm({ ...form, source: { ...form.source, ...p } });

  const problemAt = (field: string): FormProblem | undefined => problems.find((p) => p.field === field);
  const aria = (field: string): { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string } => {
    const p = problemAt(field);
    return p ? { id: fieldId(field), 'aria-invalid': true, 'aria-describedby': `${fieldId(field)}-err` } : { id: fieldId(field) };
  };
  const err = (field: string): ReactNode => {
    const p = problemAt(field);
    return p ? (
      <span className="field-error" id={`${fieldId(field)}-err`}>
        {problemText(p, i18n)}
      </span>
    ) : null;
  };
  const text = (field: string, label: string, value: string, onChange: (v: string) => void, opts: { hint?: string; area?: boolean; inputMode?: 'decimal' | 'numeric'; size?: number; placeholder?: string } = {}): ReactNode => (
    <div className="field">
      <label htmlFor={fieldId(field)}>{label}</label>
      {opts.area ? (
        <textarea {...aria(field)} rows={3} value={value} maxLength={4000} onChange={(e) => onChange(e.target.value)} placeholder={opts.placeholder} />
      ) : (
        <input {...aria(field)} type="text" value={value} maxLength={2000} inputMode={opts.inputMode} size={opts.size} onChange={(e) => onChange(e.target.value)} placeholder={opts.placeholder} />
      )}
      {opts.hint && <span className="hint">{opts.hint}</span>}
      {err(field)}
    </div>
  );
  const select = <V extends string>(field: string, label: string, value: V, values: readonly V[], name: (v: V) => string, onChange: (v: V) => void): ReactNode => (
    <div className="field">
      <label htmlFor={fieldId(field)}>{label}</label>
      <select {...aria(field)} value={value} onChange={(e) => onChange(e.target.value as V)}>
        {values.map((v) => (
          <option key={v} value={v}>
            {name(v)}
          </option>
        ))}
      </select>
      {err(field)}
    </div>
  );

  const show = (found: FormProblem[]): void => {
    setProblems(found);
    // the summary first (a screen reader reads it), then the first field marked
    requestAnimationFrame(() => {
      const first = found[0];
      const el = first ? document.getElementById(fieldId(first.field)) : null;
      if (el instanceof HTMLElement) el.focus();
      else summaryRef.current?.focus();
    });
  };

  const send = async (body: unknown, studyIdHint: string | undefined): Promise<void> => {
    setBusy(true);
    setFailure(undefined);
    try {
      const shown = await api.addStudy(body as Record<string, unknown>);
      forgetAddStudy();
      window.location.hash = routeHref({ page: 'study', id: shown.study?.id ?? studyIdHint ?? '' });
    } catch (e) {
      if (e instanceof ApiError && (e.status === 409 || e.status === 422)) {
        if (mode === 'json') setJsonProblem(`${e.field ? `${e.field}: ` : ''}${e.message}`);
        else {
          const field = formFieldOfServer(e.field) ?? 'label';
          show([{ field, code: 'schema', params: {}, message: e.message }]);
        }
      } else setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  const submitForm = (): void => {
    const r = buildStudy(form);
    if (!r.ok) {
      show(r.problems);
      return;
    }
    setProblems([]);
    void send(r.body, r.studyId);
  };

  const submitJson = (): void => {
    let body: unknown;
    try {
      body = JSON.parse(json) as unknown;
    } catch (e) {
      setJsonProblem(t('add.json.notJson', { reason: e instanceof Error ? e.message : String(e) }));
      return;
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      setJsonProblem(t('add.json.notObject'));
      return;
    }
    setJsonProblem(undefined);
    void send(body, undefined);
  };

  const toJson = (): void => {
    setJson(JSON.stringify(buildStudy(form).body, null, 2));
    setJsonProblem(undefined);
    setMode('json');
  };

  const setOutcome = (i: number, o: Partial<OutcomeInput>): void => patch({ outcomes: form.outcomes.map((x, j) => (j === i ? { ...x, ...o } : x)) });
  const addArm = (): void =>
    patch({ arms: [...form.arms, emptyArm('other')], outcomes: form.outcomes.map((o) => ({ ...o, cells: [...o.cells, emptyCell()] })) });
  const removeArm = (i: number): void =>
    patch({ arms: form.arms.filter((_, j) => j !== i), outcomes: form.outcomes.map((o) => ({ ...o, cells: o.cells.filter((_, j) => j !== i) })) });

  const autoId = idFromLabel(form.label);
  const armName = (i: number): string => form.arms[i]?.label.trim() || t('add.arm.numbered', { n: String(i + 1) });

  return (
    <>
      <p>
        <a href={routeHref({ page: 'evidence' })}>← {t('meta.toEvidence')}</a>
      </p>
      <h1>{t('add.title')}</h1>
      <p>{t('add.intro')}</p>
      <p className="hint">{t('add.rule')}</p>
      <div role="group" aria-label={t('add.modes')} className="field-row">
        <button type="button" aria-pressed={mode === 'form'} onClick={() => setMode('form')}>
          {t('add.mode.form')}
        </button>
        <button type="button" aria-pressed={mode === 'json'} onClick={toJson}>
          {t('add.mode.json')}
        </button>
      </div>
      {failure !== undefined && <ApiErrorBox error={failure} />}

      {mode === 'json' ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submitJson();
          }}
          data-testid="add-json"
        >
          <div className="field">
            <label htmlFor="add-json-text">{t('add.json.label')}</label>
            <textarea
              id="add-json-text"
              className="csv-input"
              rows={24}
              spellCheck={false}
              value={json}
              maxLength={MAX_JSON}
              onChange={(e) => setJson(e.target.value)}
              aria-invalid={jsonProblem !== undefined ? true : undefined}
              aria-describedby="add-json-hint"
            />
            <span className="hint" id="add-json-hint">
              {t('add.json.hint')}
            </span>
          </div>
          {jsonProblem !== undefined && (
            <div className="alert" role="alert" data-testid="add-problems">
              <p style={{ margin: 0 }}>{jsonProblem}</p>
            </div>
          )}
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {t('add.submit')}
            </button>
          </div>
        </form>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submitForm();
          }}
          data-testid="add-form"
        >
          {problems.length > 0 && (
            <div className="alert" role="alert" tabIndex={-1} ref={summaryRef} data-testid="add-problems">
              <p style={{ margin: 0 }}>{t('add.problems', { n: String(problems.length) })}</p>
              <ul>
                {problems.map((p, i) => (
                  <li key={`${p.field}-${i}`}>
                    <a
                      href={`#${fieldId(p.field)}`}
                      onClick={(e) => {
                        e.preventDefault();
                        document.getElementById(fieldId(p.field))?.focus();
                      }}
                    >
                      {problemText(p, i18n)}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          )}

          <div className="plan-fieldsets">
            <fieldset>
              <legend>{t('add.study')}</legend>
              {text('label', t('add.label'), form.label, (v) => patch({ label: v }), { hint: t('add.labelHint') })}
              {text('id', t('add.id'), form.id, (v) => patch({ id: v }), { hint: autoId !== '' ? t('add.idAuto', { id: autoId }) : t('add.idHint'), placeholder: autoId })}
              {text('title', t('add.titleField'), form.title, (v) => patch({ title: v }))}
              {text('design', t('study.design'), form.design, (v) => patch({ design: v }), { hint: t('add.designHint') })}
              {select('evidenceLevel', t('evidence.col.level'), form.evidenceLevel, EVIDENCE_LEVELS, (v) => t(`level.${v}` as MessageKey), (v) => patch({ evidenceLevel: v }))}
              {select('status', t('study.status'), form.status, STUDY_STATUSES, (v) => t(`studyStatus.${v}` as MessageKey), (v) => patch({ status: v }))}
              <fieldset className="inner" aria-describedby={problemAt('conditions') ? `${fieldId('conditions')}-err` : undefined}>
                <legend id={fieldId('conditions')} tabIndex={-1}>
                  {t('study.conditions')}
                </legend>
                {CONDITIONS.map((c) => (
                  <label key={c} className="check">
                    <input
                      type="checkbox"
                      checked={form.conditions.includes(c)}
                      onChange={(e) => patch({ conditions: e.target.checked ? [...form.conditions, c] : form.conditions.filter((x: Condition) => x !== c) })}
                    />{' '}
                    {conditionLabel(c, lang)}
                  </label>
                ))}
                {err('conditions')}
              </fieldset>
              {text('population', t('study.population'), form.population, (v) => patch({ population: v }), { area: true, hint: t('add.populationHint') })}
              {text('registryIds', t('study.registry'), form.registryIds, (v) => patch({ registryIds: v }), { hint: t('add.registryHint') })}
              <div className="field-row">
                {text('duration', t('study.duration'), form.duration, (v) => patch({ duration: v }), { inputMode: 'decimal', size: 6 })}
                {select('durationUnit', t('add.durationUnit'), form.durationUnit, DURATION_UNITS, (v) => t(`add.unit.${v}` as MessageKey), (v) => patch({ durationUnit: v }))}
              </div>
            </fieldset>

            <fieldset>
              <legend>{t('add.source')}</legend>
              <div className="field-row" role="radiogroup" aria-label={t('add.source')}>
                <label className="check">
                  <input type="radio" name="add-source-mode" checked={form.source.mode === 'new'} onChange={() => patchSource({ mode: 'new' })} /> {t('add.source.new')}
                </label>
                <label className="check">
                  <input type="radio" name="add-source-mode" checked={form.source.mode === 'existing'} onChange={() => patchSource({ mode: 'existing' })} /> {t('add.source.existing')}
                </label>
              </div>
              {form.source.mode === 'existing' ? (
                text('source.existingId', t('add.source.existingId'), form.source.existingId, (v) => patchSource({ existingId: v }), { hint: t('add.source.existingHint') })
              ) : (
                <>
                  {text('source.citation', t('add.source.citation'), form.source.citation, (v) => patchSource({ citation: v }), { area: true, hint: t('add.source.citationHint') })}
                  {select('source.kind', t('add.source.kind'), form.source.kind, SOURCE_KINDS, (v) => t(`skind.${v}` as MessageKey), (v) => patchSource({ kind: v }))}
                  {text('source.year', t('add.source.year'), form.source.year, (v) => patchSource({ year: v }), { inputMode: 'numeric', size: 6 })}
                  {text('source.pmid', 'PMID', form.source.pmid, (v) => patchSource({ pmid: v }), { inputMode: 'numeric', size: 10 })}
                  {text('source.doi', 'DOI', form.source.doi, (v) => patchSource({ doi: v }), { placeholder: '10.xxxx/…' })}
                  {text('source.url', t('add.source.url'), form.source.url, (v) => patchSource({ url: v }), { placeholder: 'https://…' })}
                  {select('source.identification', t('add.source.identification'), form.source.identification, IDENTIFICATION, (v) => t(`add.ident.${v}` as MessageKey), (v) => patchSource({ identification: v }))}
                  {text('source.id', t('add.source.id'), form.source.id, (v) => patchSource({ id: v }), { hint: t('add.source.idHint', { id: `${form.id.trim() || autoId || '…'}-src` }) })}
                </>
              )}
            </fieldset>

            <fieldset>
              <legend>{t('add.numbers')}</legend>
              <p className="hint">{t('add.numbersHint')}</p>
              {select('where', t('add.where'), form.where, WHERE, (v) => t(`where.${v}` as MessageKey), (v) => patch({ where: v }))}
              {text('locator', t('add.locator'), form.locator, (v) => patch({ locator: v }), { placeholder: t('add.locatorExample') })}
            </fieldset>

            <fieldset>
              <legend>{t('add.flow')}</legend>
              {(['enrolled', 'randomized', 'completed', 'analysed'] as const).map((k) => (
                <div key={k}>{text(k, t(`add.flow.${k}` as MessageKey), form[k], (v) => patch(flowPatch(k, v)), { inputMode: 'numeric', size: 8 })}</div>
              ))}
            </fieldset>
          </div>

          <fieldset>
            <legend>{t('study.arms')}</legend>
            {err('arms')}
            {form.arms.map((a, i) => (
              <fieldset key={i} className="inner" data-testid={`add-arm-${i}`}>
                <legend>{armName(i)}</legend>
                <div className="field-row">
                  {text(`arms.${i}.label`, t('add.arm.label'), a.label, (v) => patch({ arms: form.arms.map((x, j) => (j === i ? { ...x, label: v } : x)) }))}
                  {select(`arms.${i}.role`, t('add.arm.role'), a.role, ARM_ROLES, (v) => t(`add.role.${v}` as MessageKey), (v) => patch({ arms: form.arms.map((x, j) => (j === i ? { ...x, role: v } : x)) }))}
                  {text(`arms.${i}.n`, t('add.arm.n'), a.n, (v) => patch({ arms: form.arms.map((x, j) => (j === i ? { ...x, n: v } : x)) }), { inputMode: 'numeric', size: 6 })}
                  {text(`arms.${i}.dose`, t('add.arm.dose'), a.dose, (v) => patch({ arms: form.arms.map((x, j) => (j === i ? { ...x, dose: v } : x)) }), { inputMode: 'decimal', size: 6 })}
                  {text(`arms.${i}.timing`, t('add.arm.timing'), a.timing, (v) => patch({ arms: form.arms.map((x, j) => (j === i ? { ...x, timing: v } : x)) }), { placeholder: t('add.arm.timingExample') })}
                </div>
                {text(`arms.${i}.intervention`, t('add.arm.intervention'), a.intervention, (v) => patch({ arms: form.arms.map((x, j) => (j === i ? { ...x, intervention: v } : x)) }), { hint: t('add.arm.interventionHint') })}
                <button type="button" onClick={() => removeArm(i)} aria-label={t('add.arm.remove', { name: armName(i) })}>
                  {t('common.remove')}
                </button>
              </fieldset>
            ))}
            <div className="actions">
              <button type="button" onClick={addArm}>
                {t('add.arm.add')}
              </button>
            </div>
          </fieldset>

          <fieldset>
            <legend>{t('add.outcomes')}</legend>
            {form.outcomes.length === 0 && <p className="hint">{t('add.outcomesNone')}</p>}
            {form.outcomes.map((o, i) => (
              <fieldset key={i} className="inner" data-testid={`add-outcome-${i}`}>
                <legend>{o.name.trim() || t('add.outcome.numbered', { n: String(i + 1) })}</legend>
                <div className="field-row">
                  {text(`outcomes.${i}.name`, t('add.outcome.name'), o.name, (v) => setOutcome(i, { name: v }))}
                  {select(`outcomes.${i}.category`, t('add.outcome.category'), o.category, OUTCOME_CATEGORIES, (v) => t(`add.ocat.${v}` as MessageKey), (v) => setOutcome(i, { category: v }))}
                  {text(`outcomes.${i}.timepoint`, t('add.outcome.timepoint'), o.timepoint, (v) => setOutcome(i, { timepoint: v }), { placeholder: t('add.outcome.timepointExample') })}
                  <label className="check">
                    <input type="checkbox" checked={o.primary} onChange={(e) => setOutcome(i, { primary: e.target.checked })} /> {t('add.outcome.primary')}
                  </label>
                </div>
                <div className="field-row" role="radiogroup" aria-label={t('add.outcome.kind')}>
                  <label className="check">
                    <input type="radio" name={`add-kind-${i}`} checked={o.kind === 'dichotomous'} onChange={() => setOutcome(i, { kind: 'dichotomous' })} /> {t('add.outcome.dichotomous')}
                  </label>
                  <label className="check">
                    <input type="radio" name={`add-kind-${i}`} checked={o.kind === 'continuous'} onChange={() => setOutcome(i, { kind: 'continuous' })} /> {t('add.outcome.continuous')}
                  </label>
                  {o.kind === 'continuous' && text(`outcomes.${i}.unit`, t('add.outcome.unit'), o.unit, (v) => setOutcome(i, { unit: v }), { size: 8, placeholder: 'mm' })}
                </div>
                <div className="scroll-x">
                  <table className="plain">
                    <caption className="visually-hidden">{t('add.outcome.perArm')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('add.arm.label')}</th>
                        {o.kind === 'dichotomous' ? (
                          <>
                            <th scope="col">{t('add.cell.events')}</th>
                            <th scope="col">{t('add.cell.total')}</th>
                          </>
                        ) : (
                          <>
                            <th scope="col">{t('add.cell.mean')}</th>
                            <th scope="col">{t('add.cell.sd')}</th>
                            <th scope="col">{t('add.cell.n')}</th>
                          </>
                        )}
                      </tr>
                    </thead>
                    <tbody>
                      {form.arms.map((_, j) => {
                        const c = o.cells[j] ?? emptyCell();
                        const keys = o.kind === 'dichotomous' ? (['events', 'total'] as const) : (['mean', 'sd', 'n'] as const);
                        return (
                          <tr key={j}>
                            <th scope="row">{armName(j)}</th>
                            {keys.map((k) => {
                              const field = `outcomes.${i}.cells.${j}.${k}`;
                              return (
                                <td key={k}>
                                  <input
                                    {...aria(field)}
                                    type="text"
                                    inputMode="decimal"
                                    size={7}
                                    aria-label={`${armName(j)}: ${t(`add.cell.${k}` as MessageKey)}`}
                                    value={c[k]}
                                    onChange={(e) => setOutcome(i, { cells: form.arms.map((__, m) => (m === j ? { ...(o.cells[m] ?? emptyCell()), [k]: e.target.value } : (o.cells[m] ?? emptyCell()))) })}
                                  />
                                  {err(field)}
                                </td>
                              );
                            })}
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
                <div className="field-row">
                  {select(`outcomes.${i}.pComparator`, t('add.outcome.pComparator'), o.pComparator, P_COMPARATORS, (v) => `P ${v}`, (v) => setOutcome(i, { pComparator: v }))}
                  {text(`outcomes.${i}.p`, t('add.outcome.p'), o.p, (v) => setOutcome(i, { p: v }), { inputMode: 'decimal', size: 8, hint: form.arms.length > 1 ? t('add.outcome.pBetween') : t('add.outcome.pWithin') })}
                </div>
                <button type="button" onClick={() => patch({ outcomes: form.outcomes.filter((_, j) => j !== i) })} aria-label={t('add.outcome.remove', { name: o.name.trim() || String(i + 1) })}>
                  {t('common.remove')}
                </button>
              </fieldset>
            ))}
            <div className="actions">
              <button type="button" onClick={() => patch({ outcomes: [...form.outcomes, emptyOutcome(form.arms.length)] })}>
                {t('add.outcome.add')}
              </button>
            </div>
          </fieldset>

          <fieldset>
            <legend>{t('study.indirectness')}</legend>
            <p className="hint">{t('add.indirectHint')}</p>
            {form.indirectness.map((x, i) => (
              <div key={i} className="field-row">
                {select(`indirectness.${i}.domain`, t('add.indirect.domain'), x.domain, INDIRECTNESS_DOMAINS, (v) => t(`indirect.${v}` as MessageKey), (v) => patch({ indirectness: form.indirectness.map((y, j) => (j === i ? { ...y, domain: v } : y)) }))}
                {text(`indirectness.${i}.reason`, t('add.indirect.reason'), x.reason, (v) => patch({ indirectness: form.indirectness.map((y, j) => (j === i ? { ...y, reason: v } : y)) }))}
                <button type="button" onClick={() => patch({ indirectness: form.indirectness.filter((_, j) => j !== i) })} aria-label={t('add.indirect.remove', { n: String(i + 1) })}>
                  {t('common.remove')}
                </button>
              </div>
            ))}
            <div className="actions">
              <button type="button" onClick={() => patch({ indirectness: [...form.indirectness, { domain: 'population', reason: '' }] })}>
                {t('add.indirect.add')}
              </button>
            </div>
            {text('notes', t('study.notes'), form.notes, (v) => patch({ notes: v }), { area: true, hint: t('add.notesHint') })}
          </fieldset>

          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {t('add.submit')}
            </button>
            <button type="button" onClick={() => { setForm(emptyStudyForm()); setProblems([]); }}>
              {t('add.clear')}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
