// Several regimens side by side: the regimen being edited can be added to a list (up to six), each
// entry keeps its own dose, clock time, titration, parameter set and hypotheses, and all are
// simulated in the worker on the same span so their curves share the clock-time axis. The table
// lists the same metrics for each regimen.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useI18n, type MessageKey } from '../../i18n/index.js';
import { MAX_COMPARE, useAppState, type CompareEntry } from '../../state.js';
import { DEFAULT_STATE, toRequest, type EditorState } from '../../sim/editor.js';
import { describeRegimen } from '../../sim/describe.js';
import type { ViewResult } from '../../sim/core.js';
import type { SimError } from '../../sim/client.js';
import { TimeCoursePanel, type PanelLine } from '../../components/TimeCourse.js';
import { ModelNote } from '../../components/ModelNote.js';

const PRESETS: { key: MessageKey; state: Partial<EditorState> }[] = [
  { key: 'compare.preset.evening', state: { dose_mg: 4.5, time: '22:00' } },
  { key: 'compare.preset.morning', state: { dose_mg: 4.5, time: '08:00' } },
  { key: 'compare.preset.low', state: { dose_mg: 1.5, time: '22:00' } },
  { key: 'compare.preset.full', state: { dose_mg: 50, time: '08:00' } },
];

/** One line per regimen, placed at its own first-dose clock time so morning and evening doses line up on the clock. */
function linesOf(shown: ViewResult[] | undefined, compare: CompareEntry[], series: string): PanelLine[] {
  return shown ? shown.map((r, i) => ({ label: compare[i]?.label ?? String(i + 1), values: r.series[series]!, offset_h: r.firstDoseClockH })) : [];
}

export function CompareTab(): ReactNode {
  const i18n = useI18n();
  const { t, num, sig, pct } = i18n;
  const { editor, dispatch, compare, setCompare, sim } = useAppState();
  const [results, setResults] = useState<ViewResult[] | undefined>();
  const [error, setError] = useState<SimError | undefined>();

  const requests = useMemo(() => compare.map((c) => toRequest({ ...c.state, days: editor.days })), [compare, editor.days]);

  useEffect(() => {
    sim.onCompare = (o) => {
      if (o.results) {
        setResults(o.results);
        setError(undefined);
      } else if (o.error) setError(o.error);
    };
    return () => {
      sim.onCompare = undefined;
    };
  }, [sim]);

  useEffect(() => {
    if (requests.length === 0) {
      setResults(undefined);
      return;
    }
    sim.compare(requests);
  }, [sim, requests]);

  const add = (state: EditorState, label: string): void => {
    if (compare.length >= MAX_COMPARE) return;
    const key = Math.max(0, ...compare.map((c) => c.key)) + 1;
    setCompare([...compare, { key, label, state }]);
  };
  const update = (key: number, patch: Partial<CompareEntry>): void => setCompare(compare.map((c) => (c.key === key ? { ...c, ...patch } : c)));
  const remove = (key: number): void => setCompare(compare.filter((c) => c.key !== key));

  const shown = results && results.length === compare.length ? results : undefined;
  const mu = useMemo(() => linesOf(shown, compare, 'mu_occupancy'), [shown, compare]);
  const ntx = useMemo(() => linesOf(shown, compare, 'naltrexone_ng_ml'), [shown, compare]);
  const bn = useMemo(() => linesOf(shown, compare, 'naltrexol_ng_ml'), [shown, compare]);
  const occDomain = useMemo<[number, number]>(() => [0, 1], []);

  const metric = (r: ViewResult, k: string): string => {
    const ss = r.summary.steady_state;
    const fd = r.summary.first_dose;
    switch (k) {
      case 'ntxCmax':
        return sig(ss ? ss.naltrexone.cmax_ng_ml : fd.naltrexone.cmax_ng_ml, 3);
      case 'bnCmax':
        return sig(ss ? ss.naltrexol.cmax_ng_ml : fd.naltrexol.cmax_ng_ml, 3);
      case 'muPeak':
        return pct(ss ? ss.occupancy.mu.peak : fd.occupancy_0_24h.mu.peak);
      case 'muTrough':
        return pct(ss ? ss.occupancy.mu.trough : fd.occupancy_0_24h.mu.trough);
      case 'hours50':
        return num(r.blockade.hours_above_50, 1);
      case 'hours90':
        return num(r.blockade.hours_above_90, 1);
      case 'pattern':
        return t(`pattern.${r.blockade.pattern}` as MessageKey);
      default:
        return '–';
    }
  };
  const METRICS: [string, MessageKey][] = [
    ['ntxCmax', 'compare.m.ntxCmax'],
    ['bnCmax', 'compare.m.bnCmax'],
    ['muPeak', 'compare.m.muPeak'],
    ['muTrough', 'compare.m.muTrough'],
    ['hours50', 'compare.m.hours50'],
    ['hours90', 'compare.m.hours90'],
    ['pattern', 'compare.m.pattern'],
  ];
  const first = shown?.[0];

  return (
    <div data-testid="compare">
      <p>{t('compare.intro', { days: i18n.tp('unit.days', editor.days) })}</p>
      <div className="actions">
        <button type="button" className="primary" onClick={() => add(editor, describeRegimen(editor, i18n))} disabled={compare.length >= MAX_COMPARE}>
          {t('compare.addCurrent')}
        </button>
        {PRESETS.map((p) => {
          const state = { ...DEFAULT_STATE, ...p.state };
          return (
            <button type="button" key={p.key} onClick={() => add(state, t(p.key))} disabled={compare.length >= MAX_COMPARE}>
              {t('compare.add', { what: t(p.key) })}
            </button>
          );
        })}
      </div>
      {compare.length === 0 && <p className="info">{t('compare.empty')}</p>}
      {compare.length > 0 && (
        <ol className="compare-list">
          {compare.map((c, i) => (
            <li key={c.key} className="scenario">
              <div className="field">
                <label htmlFor={`cmp-label-${c.key}`}>{t('compare.label', { n: String(i + 1) })}</label>
                <input id={`cmp-label-${c.key}`} type="text" value={c.label} maxLength={80} onChange={(e) => update(c.key, { label: e.target.value })} />
              </div>
              <p className="hint">{describeRegimen(c.state, i18n)}</p>
              <div className="actions">
                <button type="button" onClick={() => dispatch({ type: 'replace', state: { ...c.state, days: editor.days } })}>
                  {t('compare.load')}
                </button>
                <button type="button" className="danger" onClick={() => remove(c.key)} aria-label={t('compare.remove', { label: c.label })}>
                  {t('common.remove')}
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
      {error && (
        <div className="alert" role="alert">
          {t('compare.error', { n: String((error.index ?? 0) + 1) })} {error.message}
        </div>
      )}
      {shown && first && (
        <>
          <ModelNote />
          <TimeCoursePanel id="cmp-mu" title={t('compare.fig.mu')} yLabel={t('unit.occupancy')} time_h={first.time_h} lines={mu} firstDoseClockH={0} percent domain={occDomain} />
          <TimeCoursePanel id="cmp-ntx" title={t('compare.fig.ntx')} yLabel={t('unit.ngml')} time_h={first.time_h} lines={ntx} firstDoseClockH={0} />
          <TimeCoursePanel id="cmp-bn" title={t('compare.fig.bn')} yLabel={t('unit.ngml')} time_h={first.time_h} lines={bn} firstDoseClockH={0} />
          <p className="hint">{t('compare.axisNote')}</p>
          <div className="scroll-x">
            <table data-testid="compare-table">
              <caption>{t('compare.table')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('summary.metric')}</th>
                  {compare.map((c) => (
                    <th scope="col" className="num" key={c.key}>
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {METRICS.map(([k, label]) => (
                  <tr key={k}>
                    <th scope="row">{t(label)}</th>
                    {shown.map((r, i) => (
                      <td className="num" key={compare[i]?.key ?? i}>
                        {metric(r, k)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
