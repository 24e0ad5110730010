// What a simulation shows: the model note, headline cards (μ occupancy, hours above 50 %, blockade
// pattern, peak concentrations), the time-course panels against clock time (plasma, μ/κ/δ
// occupancy, each switched-on hypothesis with its evidence grade), the hypotheses' predictions and
// the first-dose / steady-state table. Numbers are formatted for the chosen language.
import { memo, useCallback, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import type { HypothesisId, HypothesisPrediction } from '@ldn/engine';
import { useI18n, type I18n, type MessageKey } from '../../i18n/index.js';
import { GradeBadge } from '../../components/Badge.js';
import { ModelNote } from '../../components/ModelNote.js';
import { WhatIfBanner } from '../../components/WhatIf.js';
import { TimeCoursePanel, type PanelLine } from '../../components/TimeCourse.js';
import type { ViewResult } from '../../sim/core.js';
import { RENDER_MEASURE } from '../../sim/client.js';

interface HypPanel {
  id: string;
  module: HypothesisId;
  unit: string;
  lines: PanelLine[];
  percent: boolean;
}

/** Hypothesis outputs grouped by module and unit: one panel each (ratios together, pg/mL together). */
function hypothesisPanels(r: ViewResult, t: I18n['t']): HypPanel[] {
  const panels = new Map<string, HypPanel>();
  for (const o of r.outputs) {
    if (!o.module) continue;
    const key = `${o.module}|${o.unit}`;
    let p = panels.get(key);
    if (!p) {
      p = { id: `panel-${o.module}-${panels.size}`, module: o.module, unit: o.unit, lines: [], percent: o.unit === 'fraction' };
      panels.set(key, p);
    }
    p.lines.push({ label: t(`out.${o.id}` as MessageKey), values: r.series[o.id]! });
  }
  return [...panels.values()];
}

function unitLabel(unit: string, t: I18n['t']): string {
  if (unit === 'fraction') return t('unit.percent');
  if (unit === 'ratio') return t('unit.ratio');
  return unit;
}

type Kind = 'ratio' | 'percent' | 'hours' | 'nM' | 'uM' | 'fold';
const NUMBER_KIND: Record<string, Kind> = {
  beta_endorphin_0800_rel: 'ratio',
  beta_endorphin_day_mean_rel: 'ratio',
  mor_density_rel: 'ratio',
  mu_signal_day_mean_rel: 'percent',
  mu_signal_hours_above_baseline: 'hours',
  peak_unbound_naltrexone_nM: 'nM',
  tlr4_ic50_nM: 'uM',
  concentration_gap_fold: 'fold',
  peak_tlr4_inhibition: 'percent',
  il6_change: 'percent',
  tnf_change: 'percent',
  ogfr_blockade_hours: 'hours',
  growth_rate_rel: 'ratio',
};

export function formatPrediction(key: string, v: number, i18n: I18n): string {
  const { num, sig, pct, t } = i18n;
  switch (NUMBER_KIND[key]) {
    case 'ratio':
      return `×${num(v, 2)}`;
    case 'percent':
      return Math.abs(v) < 0.001 && v !== 0 ? pct(v, 4) : pct(v, 1);
    case 'hours':
      return t('unit.hValue', { v: num(v, 1) });
    case 'nM':
      return `${sig(v, 3)} nM`;
    case 'uM':
      return `${sig(v / 1000, 3)} µM`;
    case 'fold':
      return `${num(Math.round(v), 0)}×`;
    default:
      return sig(v, 3);
  }
}

function verdictOf(p: HypothesisPrediction, i18n: I18n): string {
  const { t, num } = i18n;
  const n = p.numbers;
  if (p.id === 'rebound') return t('pred.rebound', { h: num(n.mu_signal_hours_above_baseline ?? NaN, 1) });
  if (p.id === 'tlr4') return t('pred.tlr4', { fold: num(Math.round(n.concentration_gap_fold ?? NaN), 0) });
  const g = n.growth_rate_rel ?? 1;
  return t(g < 0.98 ? 'pred.ogf.inhibits' : g > 1.02 ? 'pred.ogf.stimulates' : 'pred.ogf.unchanged', { h: num(n.ogfr_blockade_hours ?? NaN, 1), g: num(g, 2) });
}

function Predictions({ r }: { r: ViewResult }): ReactNode {
  const i18n = useI18n();
  const { t } = i18n;
  if (r.hypotheses.length === 0) return null;
  return (
    <section aria-labelledby="pred-h">
      <h2 id="pred-h">{t('pred.title')}</h2>
      <p className="hint">{t('pred.hint')}</p>
      {r.hypotheses.map((p) => (
        <article className="hyp" key={p.id} data-testid={`prediction-${p.id}`}>
          <h3>
            {t(`hyp.${p.id}.title` as MessageKey)} <GradeBadge id={p.id} />
          </h3>
          <p>{verdictOf(p, i18n)}</p>
          <div className="scroll-x">
            <table>
              <tbody>
                {Object.entries(p.numbers).map(([k, v]) => (
                  <tr key={k}>
                    <th scope="row">{t(`num.${k}` as MessageKey)}</th>
                    <td className="num">{formatPrediction(k, v, i18n)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <details>
            <summary>{t('pred.evidence')}</summary>
            <p lang="en">{p.evidence}</p>
            {i18n.lang !== 'en' && <p className="hint">{t('common.recordInEnglish')}</p>}
          </details>
        </article>
      ))}
    </section>
  );
}

function SummaryTable({ r }: { r: ViewResult }): ReactNode {
  const { t, num, sig, pct } = useI18n();
  const f = r.summary.first_dose;
  const ss = r.summary.steady_state;
  const at = (v: number, h: number): string => t('summary.at', { v: sig(v, 4), h: num(h, 2) });
  const rows: [MessageKey, string, string][] = [
    ['summary.ntxCmax', at(f.naltrexone.cmax_ng_ml, f.naltrexone.tmax_h), ss ? at(ss.naltrexone.cmax_ng_ml, ss.naltrexone.tmax_h) : '–'],
    ['summary.ntxAuc', sig(f.naltrexone.auc_0_24_ng_h_ml, 4), ss ? sig(ss.naltrexone.auc_0_24_ng_h_ml, 4) : '–'],
    ['summary.ntxHalf', t('unit.hValue', { v: num(f.naltrexone.half_life_h, 1) }), '–'],
    ['summary.bnCmax', at(f.naltrexol.cmax_ng_ml, f.naltrexol.tmax_h), ss ? at(ss.naltrexol.cmax_ng_ml, ss.naltrexol.tmax_h) : '–'],
    ['summary.bnAuc', sig(f.naltrexol.auc_0_24_ng_h_ml, 4), ss ? sig(ss.naltrexol.auc_0_24_ng_h_ml, 4) : '–'],
    ['summary.muPeakTrough', `${pct(f.occupancy_0_24h.mu.peak)} / ${pct(f.occupancy_0_24h.mu.trough)}`, ss ? `${pct(ss.occupancy.mu.peak)} / ${pct(ss.occupancy.mu.trough)}` : '–'],
    ['summary.muHours', `${num(f.occupancy_0_24h.mu.hours_above_50, 1)} / ${num(f.occupancy_0_24h.mu.hours_above_90, 1)}`, ss ? `${num(ss.occupancy.mu.hours_above_50, 1)} / ${num(ss.occupancy.mu.hours_above_90, 1)}` : '–'],
    ['summary.kappaPeakTrough', `${pct(f.occupancy_0_24h.kappa.peak)} / ${pct(f.occupancy_0_24h.kappa.trough)}`, ss ? `${pct(ss.occupancy.kappa.peak)} / ${pct(ss.occupancy.kappa.trough)}` : '–'],
    ['summary.deltaPeakTrough', `${pct(f.occupancy_0_24h.delta.peak)} / ${pct(f.occupancy_0_24h.delta.trough)}`, ss ? `${pct(ss.occupancy.delta.peak)} / ${pct(ss.occupancy.delta.trough)}` : '–'],
  ];
  return (
    <section aria-labelledby="summary-h">
      <h2 id="summary-h">{t('summary.title')}</h2>
      <div className="scroll-x">
        <table data-testid="summary-table">
          <thead>
            <tr>
              <th scope="col">{t('summary.metric')}</th>
              <th scope="col" className="num">
                {t('summary.firstDose', { dose: t('unit.mgValue', { v: num(f.dose_mg, 2) }) })}
              </th>
              <th scope="col" className="num">
                {ss ? t('summary.steady', { from: num(ss.window_h[0], 0) }) : t('summary.steadyNone')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([k, a, b]) => (
              <tr key={k}>
                <th scope="row">{t(k)}</th>
                <td className="num">{a}</td>
                <td className="num">{b}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {ss && !ss.reached && <p className="hint">{t('summary.notReached')}</p>}
      {!ss && <p className="hint">{t('summary.noSteady')}</p>}
    </section>
  );
}

function Cards({ r }: { r: ViewResult }): ReactNode {
  const { t, num, sig, pct } = useI18n();
  const ss = r.summary.steady_state;
  const occ = ss ? ss.occupancy.mu : r.summary.first_dose.occupancy_0_24h.mu;
  const cards: [string, string, string][] = [
    ['card-mu', ss ? t('card.muSteady') : t('card.muFirst'), `${pct(occ.peak, 0)} / ${pct(occ.trough, 0)}`],
    ['card-hours', t('card.hours50'), t('unit.hValue', { v: num(r.blockade.hours_above_50, 1) })],
    ['card-pattern', t('card.pattern'), t(`pattern.${r.blockade.pattern}` as MessageKey)],
    ['card-ntx', t('card.ntxCmax'), `${sig(ss ? ss.naltrexone.cmax_ng_ml : r.summary.first_dose.naltrexone.cmax_ng_ml, 3)} ${t('unit.ngml')}`],
    ['card-bn', t('card.bnCmax'), `${sig(ss ? ss.naltrexol.cmax_ng_ml : r.summary.first_dose.naltrexol.cmax_ng_ml, 3)} ${t('unit.ngml')}`],
  ];
  return (
    <div className="cards" data-testid="cards">
      {cards.map(([id, k, v]) => (
        <div className="card" key={id} data-testid={id}>
          <div className="k">{k}</div>
          <div className="v">{v}</div>
        </div>
      ))}
    </div>
  );
}

/** Re-renders only when a new result arrives (memo), not on every keystroke in the editor. */
export const Results = memo(function Results({ r, requestId, description }: { r: ViewResult; requestId: number; description: string }): ReactNode {
  const i18n = useI18n();
  const { t } = i18n;
  const [logScale, setLogScale] = useState(false);
  const doses = useMemo(() => r.doses.map((d) => d.time_h), [r]);
  const plasma = useMemo<PanelLine[]>(
    () => [
      { label: t('series.naltrexone'), values: r.series.naltrexone_ng_ml! },
      { label: t('series.naltrexol'), values: r.series.naltrexol_ng_ml! },
    ],
    [r, t],
  );
  const occupancy = useMemo<PanelLine[]>(
    () => [
      { label: t('series.mu'), values: r.series.mu_occupancy! },
      { label: t('series.kappa'), values: r.series.kappa_occupancy! },
      { label: t('series.delta'), values: r.series.delta_occupancy! },
    ],
    [r, t],
  );
  const hyp = useMemo(() => hypothesisPanels(r, t), [r, t]);
  const noop = useCallback(() => undefined, []);
  const occDomain = useMemo<[number, number]>(() => [0, 1], []);

  // after every panel has drawn this result (children's layout effects run first): input → figure
  useLayoutEffect(() => {
    try {
      performance.measure(RENDER_MEASURE, { start: `ldn:input:${requestId}`, detail: { id: requestId, compute_ms: r.compute_ms } });
    } catch {
      /* the mark may be gone (cleared by a benchmark) */
    }
  }, [r, requestId]);

  return (
    <div className="results" data-testid="results" data-request-id={requestId}>
      <ModelNote paramSet={r.parameters} />
      <WhatIfBanner overrides={r.overrides} setId={r.parameters} />
      <p className="status-line" data-testid="regimen-description">
        {description}
      </p>
      <Cards r={r} />
      <p>{t(`pattern.${r.blockade.pattern}.text` as MessageKey, { h50: i18n.num(r.blockade.hours_above_50, 1), h90: i18n.num(r.blockade.hours_above_90, 1) })}</p>
      <TimeCoursePanel
        id="panel-plasma"
        title={t('panel.plasma')}
        yLabel={t('unit.ngml')}
        time_h={r.time_h}
        lines={plasma}
        firstDoseClockH={r.firstDoseClockH}
        startDate={r.startDate}
        doses={doses}
        missed={r.missed_h}
        scale={logScale ? 'log' : 'linear'}
        onDrawn={noop}
        aside={
          <div className="check">
            <input id="log-scale" type="checkbox" checked={logScale} onChange={(e) => setLogScale(e.target.checked)} />
            <label htmlFor="log-scale">{t('panel.log')}</label>
          </div>
        }
      />
      <TimeCoursePanel id="panel-occupancy" title={t('panel.occupancy')} yLabel={t('unit.occupancy')} time_h={r.time_h} lines={occupancy} firstDoseClockH={r.firstDoseClockH} startDate={r.startDate} doses={doses} missed={r.missed_h} percent domain={occDomain} />
      {hyp.map((p) => (
        <TimeCoursePanel
          key={p.id}
          id={p.id}
          title={`${t(`hyp.${p.module}.title` as MessageKey)}: ${unitLabel(p.unit, t)}`}
          yLabel={unitLabel(p.unit, t)}
          time_h={r.time_h}
          lines={p.lines}
          firstDoseClockH={r.firstDoseClockH}
          startDate={r.startDate}
          doses={doses}
          percent={p.percent}
          aside={<GradeBadge id={p.module} />}
        />
      ))}
      <Predictions r={r} />
      <SummaryTable r={r} />
    </div>
  );
});
