// A virtual population run in the browser: the regimen being edited (shared with the simulator:
// dose, clock time, interval, span, parameter set, hypotheses) given to a seeded cohort with
// between-patient variability and covariates (weight and age ranges, a share with hepatic
// impairment). The cohort is simulated in Web Workers with the engine's population protocol (the
// same as `ldn population` and POST /api/population), with a progress bar; the result shows the
// 5th–95th percentile bands and medians of plasma naltrexone, μ occupancy and each switched-on
// hypothesis, the cohort's summary numbers and shares, and every variability assumption with its
// evidence level and sources. All of it is model output, labelled as such.
import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { COVARIATE_LIMITS, fullParameterSet, HYPOTHESIS_IDS, INTERMITTENT_MAX_HOURS, SOURCES, type EvidenceLevel, type HypothesisId, type PopulationRequest, type PopulationResult } from '@ldn/engine';
import { useI18n, type I18n, type MessageKey } from '../../i18n/index.js';
import { useAppState } from '../../state.js';
import { NumberField } from '../../components/NumberField.js';
import { GradeBadge, ParamLevelBadge } from '../../components/Badge.js';
import { ModelNote } from '../../components/ModelNote.js';
import { WhatIfBanner } from '../../components/WhatIf.js';
import { ClockAndInterval } from './RegimenEditor.js';
import { BandsPanel, type BandSeries } from '../../components/Bands.js';
import { PARAM_LABELS_UK } from '../../i18n/params.uk.js';
import { activeOverrides, DAYS_MAX, DAYS_MIN, DOSE_MAX, DOSE_MIN, type EditorState, type ParamSetId } from '../../sim/editor.js';
import { describeRegimen } from '../../sim/describe.js';
import { BROWSER_MAX_N, PopulationRunError, PopulationRunner, type PopulationRun } from '../../population/runner.js';
import { formatPrediction } from './Results.js';
import { sourceLinks } from './ParametersTab.js';

export interface CohortSettings {
  n: number;
  seed: number;
  weightMin: number;
  weightMax: number;
  ageMin: number;
  ageMax: number;
  /** percent of the cohort with hepatic impairment */
  hepaticPct: number;
}

export const DEFAULT_COHORT: CohortSettings = { n: 200, seed: 1, weightMin: 50, weightMax: 90, ageMin: 18, ageMax: 65, hepaticPct: 0 };
export const SEED_MAX = 2 ** 31 - 1;

/** The population request for the editor's regimen and the cohort settings (titration, missed doses and the date are not part of it). */
export function populationRequest(editor: EditorState, c: CohortSettings): PopulationRequest {
  const range = (min: number, max: number) => (min === max ? { kind: 'fixed' as const, value: min } : { kind: 'uniform' as const, min, max });
  const req: PopulationRequest = {
    n: c.n,
    seed: c.seed,
    dose: editor.dose_mg,
    time: editor.time,
    days: editor.days,
    params: editor.params,
    hypotheses: [...editor.hypotheses],
    weight: range(c.weightMin, c.weightMax),
    age: range(c.ageMin, c.ageMax),
    hepaticFraction: c.hepaticPct / 100,
  };
  if (editor.every_h !== 24) req.every = editor.every_h;
  // the simulator's what-if values become the cohort's typical values (patients vary around them)
  const overrides = activeOverrides(editor);
  if (Object.keys(overrides).length > 0) req.overrides = overrides;
  return req;
}

/** The headline output of each hypothesis module (as the CLI's population figure): H2 shows the TLR4 inhibition that drives IL-6, whose band would only show the assumed spread of baselines. */
const HEADLINE: Record<HypothesisId, { id: string; percent: boolean }> = {
  rebound: { id: 'mu_signal_rel', percent: false },
  tlr4: { id: 'tlr4_inhibition', percent: true },
  ogf: { id: 'growth_rate_rel', percent: false },
};

const MAIN_METRICS = [
  'steady_state.naltrexone_cmax_ng_ml',
  'steady_state.naltrexone_cmin_ng_ml',
  'steady_state.naltrexone_auc_0_24_ng_h_ml',
  'steady_state.naltrexol_cmax_ng_ml',
  'steady_state.naltrexol_auc_0_24_ng_h_ml',
  'steady_state.mu_peak',
  'steady_state.mu_trough',
  'steady_state.mu_mean',
  'first_dose.naltrexone_cmax_ng_ml',
  'first_dose.naltrexone_auc_ng_h_ml',
  'first_dose.naltrexol_cmax_ng_ml',
  'first_dose.mu_peak',
  'first_dose.mu_hours_above_50',
  'last_day.mu_hours_above_50',
  'last_day.mu_hours_above_90',
  'weight_kg',
  'age_y',
] as const;

export const SHARE_IDS = [
  'mu_above_50_more_than_x_hours',
  'mu_above_50_any',
  'mu_above_90_any',
  'blockade_none',
  'blockade_intermittent',
  'blockade_sustained',
  'hepatic_impairment',
  'rebound_signal_above_baseline',
  'tlr4_il6_fall_35',
  'ogf_inhibits',
  'ogf_stimulates',
] as const;

/** A summary number in its unit, in the reader's language. */
export function formatMetric(id: string, unit: string, v: number, i18n: I18n): string {
  const { t, num, sig, pct } = i18n;
  if (!Number.isFinite(v)) return '–';
  const [module, key] = id.split(/\.(.*)/s) as [string, string | undefined];
  if (key !== undefined && (HYPOTHESIS_IDS as readonly string[]).includes(module)) return formatPrediction(key, v, i18n);
  switch (unit) {
    case 'fraction':
      return pct(v, 1);
    case 'h':
      return t('unit.hValue', { v: num(v, 1) });
    case 'ng/mL':
      return `${sig(v, 3)} ${t('unit.ngml')}`;
    case 'ng·h/mL':
      return `${sig(v, 3)} ${t('unit.nghml')}`;
    case 'kg':
      return t('unit.kgValue', { v: num(v, 1) });
    case 'years':
      return t('unit.yearsValue', { v: num(v, 1) });
    default:
      return `${sig(v, 3)}${unit && unit !== '–' ? ` ${unit}` : ''}`;
  }
}

function metricLabel(id: string, t: I18n['t']): string {
  const [module, key] = id.split(/\.(.*)/s) as [string, string | undefined];
  if (key !== undefined && (HYPOTHESIS_IDS as readonly string[]).includes(module)) return `${t(`hyp.${module}.title` as MessageKey).split(' ')[0]}: ${t(`num.${key}` as MessageKey)}`;
  return t(`pop.m.${id}` as MessageKey);
}

/** The engine's distribution words ("log-normal, CV 30%", "not varied") in the reader's language. */
export function distributionText(text: string, i18n: I18n): string {
  const { t, num } = i18n;
  let m: RegExpExecArray | null;
  if (text === 'not varied') return t('pop.dist.none');
  if ((m = /^log-normal, CV (\d+(?:\.\d+)?)%$/.exec(text))) return t('pop.dist.lognormal', { cv: num(Number(m[1]), 1) });
  if ((m = /^logit-normal of F\/fa, ω (\d+(?:\.\d+)?)$/.exec(text))) return t('pop.dist.logitF', { omega: num(Number(m[1]), 2) });
  if ((m = /^logit-normal within its feasible interval, ω (\d+(?:\.\d+)?)$/.exec(text))) return t('pop.dist.logitInterval', { omega: num(Number(m[1]), 2) });
  if ((m = /^normal, SD (\d+(?:\.\d+)?) h$/.exec(text))) return t('pop.dist.normalH', { sd: num(Number(m[1]), 2) });
  return text;
}

interface Shown {
  run: PopulationRun;
  /** the editor state and cohort the run was made for */
  state: EditorState;
  cohort: CohortSettings;
}

// kept while the page is open, so switching tabs does not lose the cohort settings or the last run
const kept: { cohort: CohortSettings; shown: Shown | undefined } = { cohort: DEFAULT_COHORT, shown: undefined };

/** Forgets the kept settings and run (tests mount the page afresh). */
export function forgetPopulation(): void {
  kept.cohort = DEFAULT_COHORT;
  kept.shown = undefined;
}

function firstClock(r: PopulationResult): number {
  const [h = 0, m = 0] = r.regimen.first_dose_clock.split(':').map(Number);
  return h + m / 60;
}

function Sources({ ids }: { ids: readonly string[] }): ReactNode {
  return (
    <ul className="sources">
      {ids.map((id) => {
        const s = SOURCES[id];
        return (
          <li key={id}>
            {s ? (
              <>
                <span lang="en">{s.citation}</span>{' '}
                {sourceLinks(s).map((l) => (
                  <a key={l.href} href={l.href} target="_blank" rel="noopener noreferrer" className="source-link">
                    {l.text}
                  </a>
                ))}
              </>
            ) : (
              <code>{id}</code>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function PopulationResults({ shown }: { shown: Shown }): ReactNode {
  const i18n = useI18n();
  const { t, lang, num, pct } = i18n;
  const r = shown.run.result;
  const [logScale, setLogScale] = useState(true);
  const clockH = firstClock(r);
  const plasma = useMemo<BandSeries[]>(() => [
    { label: t('series.naltrexone'), ...r.bands.naltrexone_ng_ml! },
    { label: t('series.naltrexol'), ...r.bands.naltrexol_ng_ml! },
  ], [r, t]);
  const mu = useMemo<BandSeries[]>(() => [{ label: t('series.mu'), ...r.bands.mu_occupancy! }], [r, t]);
  const hyp = useMemo(() => r.hypotheses.map((h) => ({ h, ...HEADLINE[h], bands: [{ label: t(`out.${HEADLINE[h].id}` as MessageKey), ...r.bands[HEADLINE[h].id]! }] })), [r, t]);
  const occDomain = useMemo<[number, number]>(() => [0, 1], []);
  const labels = useMemo(() => fullParameterSet(r.parameters).parameters, [r.parameters]);
  const paramLabel = (id: string): string => (lang === 'uk' ? (PARAM_LABELS_UK[id] ?? labels[id]?.label ?? id) : (labels[id]?.label ?? id));
  const varied = r.variability.filter((v) => v.distribution !== 'not varied');
  const fixed = r.variability.filter((v) => v.distribution === 'not varied');
  const moduleMetrics = Object.keys(r.summaries).filter((k) => (HYPOTHESIS_IDS as readonly string[]).includes(k.split('.')[0]!) && !k.startsWith('parameter.'));
  const parameterMetrics = Object.keys(r.summaries).filter((k) => k.startsWith('parameter.'));
  const c = shown.cohort;
  const range = (min: number, max: number, unit: 'kg' | 'years'): string => (min === max ? t(`pop.fixed.${unit}`, { v: num(min, 1) }) : t(`pop.uniform.${unit}`, { min: num(min, 1), max: num(max, 1) }));

  const row = (id: string, label: string): ReactNode => {
    const d = r.summaries[id];
    if (!d) return null;
    return (
      <tr key={id} data-metric={id}>
        <th scope="row">{label}</th>
        <td className="num">{formatMetric(id, d.unit, d.p5, i18n)}</td>
        <td className="num">{formatMetric(id, d.unit, d.p50, i18n)}</td>
        <td className="num">{formatMetric(id, d.unit, d.p95, i18n)}</td>
        <td className="num">{formatMetric(id, d.unit, d.mean, i18n)}</td>
      </tr>
    );
  };
  const head = (
    <thead>
      <tr>
        <th scope="col">{t('summary.metric')}</th>
        <th scope="col" className="num">{t('pop.p5')}</th>
        <th scope="col" className="num">{t('pop.p50')}</th>
        <th scope="col" className="num">{t('pop.p95')}</th>
        <th scope="col" className="num">{t('pop.mean')}</th>
      </tr>
    </thead>
  );

  return (
    <div className="results" data-testid="pop-results" data-checksum={r.cohort_checksum}>
      <ModelNote paramSet={r.parameters} />
      <WhatIfBanner overrides={r.overrides} setId={r.parameters} />
      <p className="status-line" data-testid="pop-description">
        {t('pop.resultLine', {
          n: num(r.n, 0),
          regimen: describeRegimen({ ...shown.state, titration: [], missed: [] }, i18n),
          seed: String(r.seed),
          s: num(shown.run.elapsed_ms / 1000, 1),
          workers: String(shown.run.workers),
        })}
      </p>
      <div className="cards" data-testid="pop-cards">
        {(['blockade_sustained', 'blockade_intermittent', 'blockade_none'] as const).map((k) => (
          <div className="card" key={k} data-testid={`pop-card-${k}`}>
            <div className="k">{t(`pop.share.${k}` as MessageKey, { x: num(INTERMITTENT_MAX_HOURS, 0) })}</div>
            <div className="v">{pct(r.shares[k]?.value ?? NaN, 1)}</div>
          </div>
        ))}
      </div>
      <p className="hint">{t('pop.bandsHint')}</p>
      <BandsPanel
        id="band-plasma"
        title={t('panel.plasma')}
        yLabel={t('unit.ngml')}
        time_h={r.time_h}
        bands={plasma}
        firstDoseClockH={clockH}
        scale={logScale ? 'log' : 'linear'}
        aside={
          <div className="check">
            <input id="pop-log" type="checkbox" checked={logScale} onChange={(e) => setLogScale(e.target.checked)} />
            <label htmlFor="pop-log">{t('panel.log')}</label>
          </div>
        }
      />
      <BandsPanel id="band-mu" title={t('pop.panel.mu')} yLabel={t('unit.occupancy')} time_h={r.time_h} bands={mu} firstDoseClockH={clockH} percent domain={occDomain} />
      {hyp.map((p) => (
        <BandsPanel
          key={p.h}
          id={`band-${p.h}`}
          title={`${t(`hyp.${p.h}.title` as MessageKey)}: ${t(`out.${p.id}` as MessageKey)}`}
          yLabel={p.percent ? t('unit.percent') : t('unit.ratio')}
          time_h={r.time_h}
          bands={p.bands}
          firstDoseClockH={clockH}
          percent={p.percent}
          aside={<GradeBadge id={p.h} />}
        />
      ))}

      <section aria-labelledby="pop-shares-h">
        <h2 id="pop-shares-h">{t('pop.shares')}</h2>
        <div className="scroll-x">
          <table data-testid="pop-shares">
            <thead>
              <tr>
                <th scope="col">{t('pop.shareCol')}</th>
                <th scope="col" className="num">{t('pop.shareValue')}</th>
                <th scope="col" className="num">{t('pop.shareCount')}</th>
              </tr>
            </thead>
            <tbody>
              {SHARE_IDS.filter((k) => r.shares[k] !== undefined).map((k) => (
                <tr key={k} data-share={k}>
                  <th scope="row">{t(`pop.share.${k}` as MessageKey, { x: num(INTERMITTENT_MAX_HOURS, 0) })}</th>
                  <td className="num">{pct(r.shares[k]!.value, 1)}</td>
                  <td className="num">{t('pop.countOf', { count: num(r.shares[k]!.count, 0), n: num(r.n, 0) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="pop-summary-h">
        <h2 id="pop-summary-h">{t('pop.summary')}</h2>
        <p className="hint">{t('pop.summaryHint')}</p>
        <div className="scroll-x">
          <table data-testid="pop-summary">
            {head}
            <tbody>
              {MAIN_METRICS.map((id) => row(id, metricLabel(id, t)))}
              {moduleMetrics.map((id) => row(id, metricLabel(id, t)))}
            </tbody>
          </table>
        </div>
        {parameterMetrics.length > 0 && (
          <details>
            <summary>{t('pop.parameterDraws', { n: String(parameterMetrics.length) })}</summary>
            <div className="scroll-x">
              <table data-testid="pop-parameters">
                {head}
                <tbody>{parameterMetrics.map((id) => row(id, `${paramLabel(id.slice('parameter.'.length))} (${id.slice('parameter.'.length)})`))}</tbody>
              </table>
            </div>
          </details>
        )}
      </section>

      <section aria-labelledby="pop-var-h">
        <h2 id="pop-var-h">{t('pop.variability')}</h2>
        <p>{t('pop.variabilityNote')}</p>
        {lang !== 'en' && <p className="hint">{t('ptable.notesInEnglish')}</p>}
        <div className="scroll-x">
          <table data-testid="pop-variability">
            <thead>
              <tr>
                <th scope="col">{t('ptable.param')}</th>
                <th scope="col">{t('pop.distribution')}</th>
                <th scope="col">{t('ptable.evidence')}</th>
                <th scope="col">{t('ptable.source')}</th>
              </tr>
            </thead>
            <tbody>
              {varied.map((v) => (
                <tr key={v.parameter} data-variability={v.parameter}>
                  <th scope="row">
                    <code>{v.parameter}</code>
                    <div>{paramLabel(v.parameter)}</div>
                  </th>
                  <td>{distributionText(v.distribution, i18n)}</td>
                  <td>
                    <ParamLevelBadge level={v.evidence as EvidenceLevel} />
                  </td>
                  <td>
                    <Sources ids={v.sources} />
                    <details>
                      <summary>{t('ptable.note')}</summary>
                      <p lang="en">{v.note}</p>
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <details>
          <summary>{t('pop.notVaried', { n: String(fixed.length) })}</summary>
          <ul>
            {fixed.map((v) => (
              <li key={v.parameter}>
                <code>{v.parameter}</code> {paramLabel(v.parameter)} — <ParamLevelBadge level={v.evidence as EvidenceLevel} /> <span lang="en" className="hint">{v.note}</span>
              </li>
            ))}
          </ul>
        </details>
        <h3>{t('pop.covariates')}</h3>
        <ul data-testid="pop-covariates">
          <li>{t('pop.cov.weight', { range: range(c.weightMin, c.weightMax, 'kg') })}</li>
          <li>{t('pop.cov.age', { range: range(c.ageMin, c.ageMax, 'years') })}</li>
          <li>{t('pop.cov.hepatic', { pct: pct(r.covariates.hepatic_fraction, 1) })}</li>
        </ul>
        <details>
          <summary>{t('pop.covariateModel')}</summary>
          {r.covariates.notes.map((n, i) => (
            <p key={i} lang="en">
              {n}
            </p>
          ))}
          <Sources ids={['dunbar2007', 'swiss-label']} />
        </details>
        <details>
          <summary>{t('pop.method')}</summary>
          <p lang="en">{r.band_method}</p>
          {r.notes.slice(2).map((n, i) => (
            <p key={i} lang="en">
              {n}
            </p>
          ))}
          <p lang="en">{`${r.solver.method}, rtol ${r.solver.rtol}; cohort checksum ${r.cohort_checksum}`}</p>
        </details>
      </section>
    </div>
  );
}

export function PopulationTab(): ReactNode {
  const i18n = useI18n();
  const { t, tp, num } = i18n;
  const { editor: s, dispatch, populationWorker } = useAppState();
  const [cohort, setCohortState] = useState<CohortSettings>(kept.cohort);
  const [shown, setShownState] = useState<Shown | undefined>(kept.shown);
  const [progress, setProgress] = useState<{ done: number; total: number } | undefined>();
  const [error, setError] = useState<PopulationRunError | undefined>();
  const runner = useRef<PopulationRunner | null>(null);
  const setCohort = (patch: Partial<CohortSettings>): void => setCohortState((c) => (kept.cohort = { ...c, ...patch }));
  const setShown = (x: Shown): void => setShownState((kept.shown = x));
  const set = (patch: Parameters<typeof dispatch>[0] & { type: 'set' }): void => dispatch(patch);
  const dropped = s.titration.length > 0 || s.missed.length > 0 || s.start_date !== '';

  useEffect(() => () => runner.current?.dispose(), []);

  const run = (e?: FormEvent): void => {
    e?.preventDefault();
    runner.current ??= new PopulationRunner(populationWorker);
    const state = s;
    const c = cohort;
    setError(undefined);
    setProgress({ done: 0, total: c.n });
    runner.current.run(populationRequest(state, c), (done, total) => setProgress({ done, total })).then(
      (r) => {
        setProgress(undefined);
        setShown({ run: r, state, cohort: c });
      },
      (err: unknown) => {
        if (err instanceof PopulationRunError && err.cancelled) return;
        setProgress(undefined);
        setError(err instanceof PopulationRunError ? err : new PopulationRunError(err instanceof Error ? err.message : String(err)));
      },
    );
  };
  const cancel = (): void => {
    runner.current?.cancel();
    setProgress(undefined);
  };
  const running = progress !== undefined;
  const W = COVARIATE_LIMITS.weight;
  const A = COVARIATE_LIMITS.age;

  return (
    <div className="pop-layout" data-testid="population">
      <form className="editor" onSubmit={run} aria-labelledby="pop-form-h">
        <h2 id="pop-form-h" className="visually-hidden">
          {t('pop.formTitle')}
        </h2>
        <p className="hint">{t('pop.intro')}</p>
        <fieldset>
          <legend>{t('pop.regimen')}</legend>
          <p className="hint">{t('pop.regimenShared')}</p>
          <div className="field-row">
            <label htmlFor="pop-dose">{t('editor.doseExact')}</label>
            <NumberField id="pop-dose" value={s.dose_mg} min={DOSE_MIN} max={DOSE_MAX} step={0.25} onCommit={(v) => set({ type: 'set', patch: { dose_mg: v } })} />
            <span>{t('unit.mg')}</span>
          </div>
          <ClockAndInterval idPrefix="pop-" />
          <div className="field-row">
            <label htmlFor="pop-days">{t('editor.days')}</label>
            <NumberField id="pop-days" value={s.days} min={DAYS_MIN} max={DAYS_MAX} step={1} onCommit={(v) => set({ type: 'set', patch: { days: v } })} />
            <span>{tp('unit.daysWord', s.days)}</span>
          </div>
          <div className="field">
            <label htmlFor="pop-params">{t('editor.params')}</label>
            <select id="pop-params" value={s.params} onChange={(e) => set({ type: 'set', patch: { params: e.target.value as ParamSetId } })}>
              <option value="literature">{t('params.literature')}</option>
              <option value="seed">{t('params.seed')}</option>
            </select>
          </div>
          <fieldset className="inner">
            <legend>{t('editor.hypotheses')}</legend>
            {HYPOTHESIS_IDS.map((h) => (
              <div className="check" key={h}>
                <input type="checkbox" id={`pop-hyp-${h}`} checked={s.hypotheses.includes(h)} onChange={(e) => dispatch({ type: 'toggleHypothesis', id: h, on: e.target.checked })} />
                <div>
                  <label htmlFor={`pop-hyp-${h}`}>{t(`hyp.${h}.title` as MessageKey)}</label> <GradeBadge id={h} />
                </div>
              </div>
            ))}
          </fieldset>
          {dropped && (
            <p className="info" data-testid="pop-dropped">
              {t('pop.dropped', { dose: t('unit.mgValue', { v: num(s.dose_mg, 2) }) })}
            </p>
          )}
        </fieldset>
        <fieldset>
          <legend>{t('pop.cohort')}</legend>
          <div className="field-row">
            <label htmlFor="pop-n">{t('pop.n')}</label>
            <NumberField id="pop-n" value={cohort.n} min={1} max={BROWSER_MAX_N} step={50} onCommit={(v) => setCohort({ n: Math.round(v) })} aria-describedby="pop-n-hint" />
          </div>
          <p className="hint" id="pop-n-hint">
            {t('pop.nHint', { max: num(BROWSER_MAX_N, 0) })}
          </p>
          <div className="field-row">
            <label htmlFor="pop-seed">{t('pop.seed')}</label>
            <NumberField id="pop-seed" value={cohort.seed} min={0} max={SEED_MAX} step={1} onCommit={(v) => setCohort({ seed: Math.round(v) })} aria-describedby="pop-seed-hint" />
          </div>
          <p className="hint" id="pop-seed-hint">
            {t('pop.seedHint')}
          </p>
        </fieldset>
        <fieldset>
          <legend>{t('pop.covariates')}</legend>
          <p className="hint">{t('pop.covariatesHint')}</p>
          <div className="field-row">
            <span id="pop-weight-l">{t('pop.weight')}</span>
            <label className="visually-hidden" htmlFor="pop-wmin">
              {t('pop.weightMin')}
            </label>
            <NumberField id="pop-wmin" value={cohort.weightMin} min={W.min} max={W.max} step={1} onCommit={(v) => setCohort({ weightMin: v })} />
            <span aria-hidden="true">–</span>
            <label className="visually-hidden" htmlFor="pop-wmax">
              {t('pop.weightMax')}
            </label>
            <NumberField id="pop-wmax" value={cohort.weightMax} min={W.min} max={W.max} step={1} onCommit={(v) => setCohort({ weightMax: v })} />
            <span>{t('unit.kg')}</span>
          </div>
          <div className="field-row">
            <span>{t('pop.age')}</span>
            <label className="visually-hidden" htmlFor="pop-amin">
              {t('pop.ageMin')}
            </label>
            <NumberField id="pop-amin" value={cohort.ageMin} min={A.min} max={A.max} step={1} onCommit={(v) => setCohort({ ageMin: v })} />
            <span aria-hidden="true">–</span>
            <label className="visually-hidden" htmlFor="pop-amax">
              {t('pop.ageMax')}
            </label>
            <NumberField id="pop-amax" value={cohort.ageMax} min={A.min} max={A.max} step={1} onCommit={(v) => setCohort({ ageMax: v })} />
            <span>{t('unit.years')}</span>
          </div>
          <div className="field-row">
            <label htmlFor="pop-hepatic">{t('pop.hepatic')}</label>
            <NumberField id="pop-hepatic" value={cohort.hepaticPct} min={0} max={100} step={5} onCommit={(v) => setCohort({ hepaticPct: v })} aria-describedby="pop-hepatic-hint" />
            <span>%</span>
          </div>
          <p className="hint" id="pop-hepatic-hint">
            {t('pop.hepaticHint')}
          </p>
        </fieldset>
        <div className="actions">
          <button type="submit" className="primary" disabled={running} data-testid="pop-run">
            {t('pop.run')}
          </button>
          {running && (
            <button type="button" onClick={cancel}>
              {t('common.cancel')}
            </button>
          )}
        </div>
      </form>
      <div className="pop-main">
        <div className="pop-progress" aria-live="polite" data-testid="pop-status">
          {running && (
            <>
              <label htmlFor="pop-progress">{t('pop.progress', { done: num(progress.done, 0), n: num(progress.total, 0) })}</label>
              <progress id="pop-progress" max={progress.total} value={progress.done} />
            </>
          )}
        </div>
        {error && (
          <div className="alert" role="alert" data-testid="pop-error">
            <strong>{t('pop.error')}</strong> <span lang="en">{error.message}</span>
            {error.field !== undefined && <span className="hint"> ({t('sim.errorField', { field: error.field })})</span>}
          </div>
        )}
        {!shown && !running && !error && <p className="info">{t('pop.empty')}</p>}
        {shown && <PopulationResults shown={shown} />}
      </div>
    </div>
  );
}
