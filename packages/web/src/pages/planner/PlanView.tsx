// What POST /api/plans answered, shown for a clinician to check: the disclaimer (the plan supports,
// and does not replace, the clinician), the rules that block (and no schedule), the warnings with
// an "I acknowledge" box each (ticking one re-submits with `ack`), the facts not stated as prompts
// that take you to their fields, the protocol with its source, the schedule and day-by-day
// calendar (mg naltrexone HCl, mL), the preparation with its beyond-use date and bottles, the
// model's μ blockade per step and bedtime vs morning (labelled model output), the evidence for the
// condition with its levels, and every source. Every string comes from the planner or the record
// and is rendered as text.
import { useMemo, type ReactNode } from 'react';
import { parseClock } from '@ldn/engine';
import type { PlanOutput, RuleResult, RuleSourceOut } from '@ldn/planner';
import type { EvidenceLevel as StudyLevel } from '@ldn/evidence';
import { CATALOGS, useI18n, type I18n, type MessageKey } from '../../i18n/index.js';
import { routeHref } from '../../router.js';
import { StudyLevelBadge } from '../../components/Badge.js';
import { ModelNote } from '../../components/ModelNote.js';
import { TimeCoursePanel, type PanelLine } from '../../components/TimeCourse.js';
import { RuleCard, SourceList, TagBadge, TagLegend, useText } from './parts.js';

export interface PlanViewProps {
  plan: PlanOutput;
  /** the error message of a refused plan (422 / 409) */
  refusedMessage?: string;
  ack: readonly string[];
  onAck: (id: string, on: boolean) => void;
  /** moves focus to the form control of a request field */
  onGoTo: (field: string) => void;
  busy: boolean;
  /** download / print / save controls (only for an ok plan) */
  actions?: ReactNode;
}

function rulesOf(plan: PlanOutput, ids: readonly string[]): RuleResult[] {
  return ids.flatMap((id) => plan.rules.filter((r) => r.id === id));
}

/** The form label of a request field, or the field's own name when the form has no control for it. */
export function fieldLabel(field: string, t: I18n['t']): string {
  const key = `plan.f.${field}`;
  return key in CATALOGS.en ? t(key as MessageKey) : field;
}

function Asks({ plan, onGoTo }: { plan: PlanOutput; onGoTo: (f: string) => void }): ReactNode {
  const { t } = useI18n();
  const tx = useText();
  const asks = rulesOf(plan, plan.asks);
  if (asks.length === 0) return null;
  return (
    <section aria-labelledby="plan-asks-h" data-testid="plan-asks">
      <h3 id="plan-asks-h">{t('plan.asksTitle', { n: String(asks.length) })}</h3>
      <p className="hint">{t('plan.asksHint')}</p>
      <ul className="rule-asks">
        {asks.map((r) => (
          <li key={r.id} data-rule={r.id} data-kind="ask">
            <code>{r.id.split('-')[0]}</code> <strong>{tx(r.title)}</strong>: {tx(r.detail)}
            {r.missing && r.missing.length > 0 && (
              <div className="actions">
                {r.missing.map((m) => (
                  <button type="button" key={m} onClick={() => onGoTo(m)} data-field={m}>
                    {t('plan.goTo', { field: fieldLabel(m, t) })}
                  </button>
                ))}
              </div>
            )}
            <details>
              <summary>{t('plan.ruleDetails', { evidence: r.evidence })}</summary>
              <p>{tx(r.message)}</p>
              <SourceList sources={r.sources} />
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Warnings({ plan, ack, onAck, busy }: { plan: PlanOutput; ack: readonly string[]; onAck: (id: string, on: boolean) => void; busy: boolean }): ReactNode {
  const { t } = useI18n();
  const warns = rulesOf(plan, plan.warnings);
  if (warns.length === 0) return null;
  const acked = (r: RuleResult): boolean => r.acknowledged === true || ack.some((a) => r.id === a || r.id.startsWith(`${a}-`));
  return (
    <section aria-labelledby="plan-warns-h" data-testid="plan-warnings">
      <h3 id="plan-warns-h">{t('plan.warnsTitle', { n: String(warns.length) })}</h3>
      <p className="hint">{t('plan.warnsHint')}</p>
      {warns.map((r) => (
        <RuleCard key={r.id} r={r} kind="warn">
          <div className="check ack">
            <input type="checkbox" id={`ack-${r.id}`} checked={acked(r)} onChange={(e) => onAck(r.id, e.target.checked)} disabled={busy} data-testid={`ack-${r.id}`} />
            <label htmlFor={`ack-${r.id}`}>{t('plan.ack', { id: r.id.split('-')[0]! })}</label>
          </div>
        </RuleCard>
      ))}
    </section>
  );
}

function Protocol({ plan }: { plan: PlanOutput }): ReactNode {
  const { t } = useI18n();
  const tx = useText();
  const p = plan.preset;
  return (
    <section aria-labelledby="plan-protocol-h">
      <h3 id="plan-protocol-h">{t('plan.protocol')}</h3>
      {p ? (
        <>
          <p>
            <strong>{tx(p.name)}</strong> — {tx(p.description)} <TagBadge tag={p.evidence} />
          </p>
          <p className="hint">
            {tx(p.applies_to)} · {t(`plan.chosenBy.${plan.chosen_by.startsWith('R') ? 'rule' : plan.chosen_by}` as MessageKey, { rule: plan.chosen_by })}
          </p>
          {p.notes.map((n, i) => (
            <p className="hint" key={i}>
              {tx(n)}
            </p>
          ))}
          <SourceList sources={p.sources} />
        </>
      ) : (
        <p>{t('plan.chosenBy.custom')}</p>
      )}
      {plan.adjustments.length > 0 && (
        <ul>
          {plan.adjustments.map((a, i) => (
            <li key={i}>
              <code>{a.rule}</code> {tx(a.text)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Schedule({ plan }: { plan: PlanOutput }): ReactNode {
  const i18n = useI18n();
  const { t, num, date, tp } = i18n;
  const cal = plan.calendar!;
  const measure = (x: { volume_ml?: number; capsule_mg?: number; tablets?: number }): string =>
    x.volume_ml !== undefined ? t('plan.mlValue', { v: num(x.volume_ml, 3) }) : x.capsule_mg !== undefined ? t('plan.capsuleValue', { v: num(x.capsule_mg, 3) }) : x.tablets !== undefined ? t('plan.tabletsValue', { v: num(x.tablets, 3) }) : '–';
  return (
    <section aria-labelledby="plan-schedule-h">
      <h3 id="plan-schedule-h">{t('plan.scheduleTitle')}</h3>
      <p className="hint">{t('plan.scheduleHint', { time: plan.time })}</p>
      <div className="scroll-x">
        <table data-testid="plan-steps">
          <thead>
            <tr>
              <th scope="col">{t('plan.col.step')}</th>
              <th scope="col">{t('plan.col.dates')}</th>
              <th scope="col" className="num">{t('plan.col.days')}</th>
              <th scope="col" className="num">{t('plan.col.dose')}</th>
              <th scope="col" className="num">{t('plan.col.measure')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.schedule!.map((s) => (
              <tr key={s.index}>
                <th scope="row">{s.index + 1}</th>
                <td className="nowrap">{`${date(s.from)} – ${date(s.to)}`}</td>
                <td className="num">{tp('unit.days', s.days)}</td>
                <td className="num">{t('unit.mgValue', { v: num(s.dose_mg, 3) })}</td>
                <td className="num">{measure(s)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {cal.notes.map((n, i) => (
        <p className="info" key={i}>
          {i18n.lang === 'uk' ? n.uk : n.en}
        </p>
      ))}
      <h4>{t('plan.calendarTitle', { n: String(cal.days.length) })}</h4>
      <div className="scroll-x calendar-box" tabIndex={0} role="region" aria-label={t('plan.calendarTitle', { n: String(cal.days.length) })}>
        <table data-testid="plan-calendar">
          <thead>
            <tr>
              <th scope="col">{t('plan.col.date')}</th>
              <th scope="col" className="num">{t('plan.col.day')}</th>
              <th scope="col" className="num">{t('plan.col.dose')}</th>
              <th scope="col" className="num">{t('plan.col.measure')}</th>
              <th scope="col">{t('plan.col.note')}</th>
            </tr>
          </thead>
          <tbody>
            {cal.days.map((d) => (
              <tr key={d.date} data-date={d.date} data-status={d.status} className={d.change === 'up' || d.change === 'down' || d.change === 'start' ? 'change' : undefined}>
                <th scope="row" className="nowrap">
                  {date(d.date)}
                </th>
                <td className="num">{d.day}</td>
                <td className="num">{d.dose_mg === null ? '–' : t('unit.mgValue', { v: num(d.dose_mg, 3) })}</td>
                <td className="num">{d.dose_mg === null ? '–' : measure(d)}</td>
                <td>
                  {d.status !== 'dose' ? t(`plan.day.${d.status}` as MessageKey) : ''}
                  {d.change ? t(`plan.change.${d.change}` as MessageKey) : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Preparation({ plan }: { plan: PlanOutput }): ReactNode {
  const i18n = useI18n();
  const { t, num, date } = i18n;
  const tx = useText();
  const p = plan.preparation!;
  const budSources = (ids: readonly { source: string; level: string }[]): RuleSourceOut[] => ids.flatMap((r) => plan.sources.filter((s) => s.id === r.source && s.level === r.level));
  return (
    <section aria-labelledby="plan-prep-h" data-testid="plan-preparation">
      <h3 id="plan-prep-h">{t('plan.prepTitle')}</h3>
      {p.formulation === 'liquid' && (
        <>
          <dl className="facts">
            <dt>{t('plan.f.formulation')}</dt>
            <dd>
              {t('plan.madeFrom', { formulation: t('plan.formulation.liquid'), source: t(`plan.source.${p.source}` as MessageKey) })}
              {p.suspension ? ` (${t('plan.suspension')})` : ''}
            </dd>
            <dt>{t('plan.strength')}</dt>
            <dd>
              {t('plan.concentrationValue', { v: num(p.concentration_mg_ml, 4) })}
              {p.tablets !== undefined ? ` = ${t('plan.tabletsIn', { n: num(p.tablets, 1), v: num(p.volume_ml, 1) })}` : ` · ${t('plan.volumeValue', { v: num(p.volume_ml, 1) })}`}
              {p.powder_mg !== undefined ? ` · ${t('plan.powderValue', { v: num(p.powder_mg, 3) })}` : ''}
            </dd>
            {p.syringe && (
              <>
                <dt>{t('plan.f.syringe')}</dt>
                <dd>{t('plan.syringeValue', { size: num(p.syringe.size_ml, 2), grad: num(p.syringe.graduation_ml, 3) })}</dd>
              </>
            )}
            <dt>{t('plan.bud')}</dt>
            <dd data-testid="plan-bud">
              {tx(p.bud.text)} {p.bud.sources.map((s) => <TagBadge key={s.source} tag={s.level} />)}
            </dd>
          </dl>
          <div className="scroll-x">
            <table data-testid="plan-volumes">
              <thead>
                <tr>
                  <th scope="col" className="num">{t('plan.col.dose')}</th>
                  <th scope="col" className="num">{t('plan.col.exact')}</th>
                  <th scope="col" className="num">{t('plan.col.measured')}</th>
                  <th scope="col" className="num">{t('plan.col.delivered')}</th>
                  <th scope="col" className="num">{t('plan.col.deviation')}</th>
                </tr>
              </thead>
              <tbody>
                {p.doses.map((d) => (
                  <tr key={d.dose_mg}>
                    <th scope="row" className="num">{t('unit.mgValue', { v: num(d.dose_mg, 3) })}</th>
                    <td className="num">{t('plan.mlValue', { v: num(d.volume_exact_ml, 4) })}</td>
                    <td className="num">{t('plan.mlValue', { v: num(d.volume_ml, 3) })}</td>
                    <td className="num">{t('unit.mgValue', { v: num(d.delivered_mg, 3) })}</td>
                    <td className="num">{`${num(d.deviation_pct, 1)} %`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {plan.calendar?.bottles && plan.calendar.bottles.length > 0 && (
            <>
              <h4>{t('plan.bottles')}</h4>
              <div className="scroll-x">
                <table data-testid="plan-bottles">
                  <thead>
                    <tr>
                      <th scope="col">{t('plan.col.prepareOn')}</th>
                      <th scope="col">{t('plan.col.lastUse')}</th>
                      <th scope="col">{t('plan.col.discardOn')}</th>
                      <th scope="col" className="num">{t('plan.col.used')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {plan.calendar.bottles.map((b) => (
                      <tr key={b.prepare_on}>
                        <th scope="row" className="nowrap">{date(b.prepare_on)}</th>
                        <td className="nowrap">{date(b.last_use)}</td>
                        <td className="nowrap">{date(b.discard_on)}</td>
                        <td className="num">{t('plan.mlValue', { v: num(b.volume_used_ml, 2) })}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
          <SourceList sources={budSources(p.bud.sources)} />
        </>
      )}
      {p.formulation === 'capsules' && (
        <dl className="facts">
          <dt>{t('plan.f.formulation')}</dt>
          <dd>
            {t('plan.formulation.capsules')}
            {p.filler ? ` · ${t(`plan.filler.${p.filler}` as MessageKey)}` : ''}
          </dd>
          <dt>{t('plan.strengths')}</dt>
          <dd>{p.strengths.map((s) => t('unit.mgValue', { v: num(s.dose_mg, 3) }) + (s.base_mg !== undefined ? ` (${t('plan.baseValue', { v: num(s.base_mg, 3) })})` : '')).join(', ')}</dd>
          {plan.calendar?.capsules && (
            <>
              <dt>{t('plan.capsuleCount')}</dt>
              <dd>{plan.calendar.capsules.map((c) => `${t('unit.mgValue', { v: num(c.dose_mg, 3) })} × ${c.count}`).join(', ')}</dd>
            </>
          )}
          <dt>{t('plan.bud')}</dt>
          <dd data-testid="plan-bud">
            {tx(p.bud.text)} {p.bud.sources.map((s) => <TagBadge key={s.source} tag={s.level} />)}
          </dd>
        </dl>
      )}
      {p.formulation === 'tablet-fraction' && (
        <dl className="facts">
          <dt>{t('plan.f.formulation')}</dt>
          <dd>
            {t('plan.formulation.tablet-fraction')} · {t('unit.mgValue', { v: num(p.tablet_mg, 3) })}
            {p.scored ? ` (${t('plan.scored')})` : ''}
          </dd>
          <dt>{t('plan.col.measure')}</dt>
          <dd>{p.doses.map((d) => `${t('unit.mgValue', { v: num(d.dose_mg, 3) })}: ${t('plan.tabletsValue', { v: num(d.tablets, 3) })}`).join(', ')}</dd>
        </dl>
      )}
      <h4>{t('plan.instructions')}</h4>
      <ol data-testid="plan-instructions">
        {plan.instructions.map((x, i) => (
          <li key={i}>
            {tx(x.text)} <code className="hint">{x.rule}</code>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Simulation({ plan }: { plan: PlanOutput }): ReactNode {
  const i18n = useI18n();
  const { t, num, pct, date } = i18n;
  const tx = useText();
  const sim = plan.simulation!;
  const clockH = useMemo(() => parseClock(plan.time), [plan.time]);
  const mu = useMemo<PanelLine[]>(() => [{ label: t('series.mu'), values: sim.series.mu_occupancy }], [sim, t]);
  const ntx = useMemo<PanelLine[]>(() => [{ label: t('series.naltrexone'), values: sim.series.naltrexone_ng_ml }], [sim, t]);
  const domain = useMemo<[number, number]>(() => [0, 1], []);
  return (
    <section aria-labelledby="plan-sim-h" data-testid="plan-simulation">
      <h3 id="plan-sim-h">{t('plan.simTitle')}</h3>
      <ModelNote paramSet={sim.parameters} />
      <div className="scroll-x">
        <table data-testid="plan-blockade">
          <caption>{t('plan.blockadeCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('plan.col.step')}</th>
              <th scope="col" className="num">{t('plan.col.dose')}</th>
              <th scope="col" className="num">{t('plan.col.h50')}</th>
              <th scope="col" className="num">{t('plan.col.h90')}</th>
              <th scope="col" className="num">{t('plan.col.muPeakTrough')}</th>
              <th scope="col" className="num">{t('plan.col.ntxCmax')}</th>
            </tr>
          </thead>
          <tbody>
            {sim.steps.map((s) => (
              <tr key={s.step}>
                <th scope="row" className="nowrap">{`${s.step + 1} (${date(s.from)})`}</th>
                <td className="num">{t('unit.mgValue', { v: num(s.dose_mg, 3) })}</td>
                <td className="num">{t('unit.hValue', { v: num(s.hours_above_50, 1) })}</td>
                <td className="num">{t('unit.hValue', { v: num(s.hours_above_90, 1) })}</td>
                <td className="num">{`${pct(s.mu_peak, 0)} / ${pct(s.mu_trough, 0)}`}</td>
                <td className="num">{`${i18n.sig(s.naltrexone_cmax_ng_ml, 3)} ${t('unit.ngml')}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="scroll-x">
        <table data-testid="plan-timing">
          <caption>{t('plan.timingCaption', { dose: t('unit.mgValue', { v: num(sim.timing.dose_mg, 3) }), days: String(sim.timing.days) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('plan.col.time')}</th>
              <th scope="col" className="num">{t('plan.col.h50')}</th>
              <th scope="col" className="num">{t('plan.col.muPeakTrough')}</th>
              <th scope="col" className="num">{t('plan.col.peakClock')}</th>
              <th scope="col" className="num">{t('plan.col.mean0410')}</th>
            </tr>
          </thead>
          <tbody>
            {sim.timing.rows.map((r) => (
              <tr key={r.time}>
                <th scope="row">{`${r.time} — ${tx(r.label)}`}</th>
                <td className="num">{t('unit.hValue', { v: num(r.hours_above_50, 1) })}</td>
                <td className="num">{`${pct(r.mu_peak, 0)} / ${pct(r.mu_trough, 0)}`}</td>
                <td className="num">{r.mu_peak_clock}</td>
                <td className="num">{pct(r.mu_mean_04_10, 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">{tx(sim.timing.note)}</p>
      <TimeCoursePanel id="plan-panel-mu" title={t('plan.simMu')} yLabel={t('unit.occupancy')} time_h={sim.series.time_h} lines={mu} firstDoseClockH={clockH} startDate={plan.calendar?.start} percent domain={domain} height={200} />
      <TimeCoursePanel id="plan-panel-ntx" title={t('plan.simNtx')} yLabel={t('unit.ngml')} time_h={sim.series.time_h} lines={ntx} firstDoseClockH={clockH} startDate={plan.calendar?.start} height={200} />
    </section>
  );
}

function EvidenceForCondition({ plan }: { plan: PlanOutput }): ReactNode {
  const { t, lang } = useI18n();
  const tx = useText();
  const ev = plan.evidence;
  return (
    <section aria-labelledby="plan-ev-h" data-testid="plan-evidence">
      <h3 id="plan-ev-h">{t('plan.evidenceTitle', { condition: tx(ev.label) })}</h3>
      <p>{tx(ev.note)}</p>
      {lang !== 'en' && ev.studies.length > 0 && <p className="hint">{t('common.recordsInEnglish')}</p>}
      {ev.studies.length > 0 && (
        <div className="scroll-x">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('evidence.col.study')}</th>
                <th scope="col">{t('evidence.col.level')}</th>
                <th scope="col" className="num">{t('evidence.col.n')}</th>
                <th scope="col">{t('evidence.col.dose')}</th>
              </tr>
            </thead>
            <tbody>
              {ev.studies.map((s) => (
                <tr key={s.id} data-study={s.id}>
                  <th scope="row">
                    <a href={routeHref({ page: 'study', id: s.id })}>{s.label}</a>
                    {s.status !== 'completed' && <div className="hint">{t(`studyStatus.${s.status}` as MessageKey)}</div>}
                  </th>
                  <td>
                    <StudyLevelBadge level={s.evidence_level as StudyLevel} />
                  </td>
                  <td className="num">{s.n ?? '—'}</td>
                  <td lang="en">{s.dose ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function PlanView({ plan, refusedMessage, ack, onAck, onGoTo, busy, actions }: PlanViewProps): ReactNode {
  const { t, lang } = useI18n();
  const tx = useText();
  const blocks = rulesOf(plan, plan.blocks);
  const infos = rulesOf(plan, plan.infos);
  const ok = plan.status === 'ok';
  return (
    <div className="plan-view" data-testid="plan-view" data-status={plan.status} aria-busy={busy}>
      <h2 id="plan-result-h" tabIndex={-1}>
        {t('plan.resultTitle')}
      </h2>
      <aside className="model-note" data-testid="plan-disclaimer" aria-label={t('plan.disclaimerTitle')}>
        <strong>{t('plan.disclaimerTitle')}</strong>
        {tx(plan.disclaimer)}
      </aside>
      {ok ? (
        <p className="status-line" data-testid="plan-status">
          {t('plan.status.ok', { condition: tx(plan.patient.condition.label), id: plan.plan_id })}
        </p>
      ) : (
        <div className="alert" role="alert" data-testid="plan-status">
          <strong>{t(plan.status === 'blocked' ? 'plan.status.blocked' : 'plan.status.needsAck')}</strong>
          {refusedMessage && (
            <p lang="en" className="hint">
              {refusedMessage}
            </p>
          )}
        </div>
      )}
      {blocks.length > 0 && (
        <section aria-labelledby="plan-blocks-h" data-testid="plan-blocks">
          <h3 id="plan-blocks-h">{t('plan.blocksTitle', { n: String(blocks.length) })}</h3>
          {blocks.map((r) => (
            <RuleCard key={r.id} r={r} kind="block" />
          ))}
        </section>
      )}
      <Warnings plan={plan} ack={ack} onAck={onAck} busy={busy} />
      <Asks plan={plan} onGoTo={onGoTo} />
      {ok && (
        <>
          {actions}
          <Protocol plan={plan} />
          <Schedule plan={plan} />
          <Preparation plan={plan} />
          {plan.simulation && <Simulation plan={plan} />}
        </>
      )}
      {infos.length > 0 && (
        <section aria-labelledby="plan-infos-h" data-testid="plan-infos">
          <h3 id="plan-infos-h">{t('plan.infosTitle', { n: String(infos.length) })}</h3>
          {infos.map((r) => (
            <RuleCard key={r.id} r={r} kind="info" />
          ))}
        </section>
      )}
      <EvidenceForCondition plan={plan} />
      <section aria-labelledby="plan-sources-h">
        <h3 id="plan-sources-h">{t('plan.sourcesTitle', { n: String(plan.sources.length) })}</h3>
        {lang !== 'en' && <p className="hint">{t('plan.citationsInEnglish')}</p>}
        <TagLegend />
        <SourceList sources={plan.sources} testId="plan-sources" />
      </section>
    </div>
  );
}
