// The planner's form: the patient (age, weight, condition, pregnancy, breastfeeding, planning,
// liver, kidney, opioids with their last dose, thyroid hormone, other medicines, lactose
// intolerance, planned surgery) and the plan (protocol or custom start/step/interval/target, clock
// time, formulation with its numbers, start date, the plan's language). Every control has a visible
// label; facts are "not stated" until chosen, and the form says that a blank fact is asked about,
// never assumed. A field the server refused is marked invalid and described by the message.
import type { ReactNode } from 'react';
import { conditionLabel, FILLERS, KIDNEY_STATUSES, LIVER_STATUSES, OPIOID_ACTIONS, OPIOID_AGENTS, OPIOID_USES, PLANNER_CONDITIONS, PRESETS } from '@ldn/planner';
import { useI18n, type MessageKey } from '../../i18n/index.js';
import { MAX_OPIOIDS, NEW_OPIOID, type OpioidRow, type PlanForm, type Tri } from '../../planner/form.js';
import { TagBadge, useText } from './parts.js';

export interface FieldError {
  /** id of the input the error is about */
  inputId: string;
  message: string;
}

interface Props {
  form: PlanForm;
  onChange: (patch: Partial<PlanForm>) => void;
  onSubmit: () => void;
  busy: boolean;
  error: FieldError | undefined;
}

function fieldProps(error: FieldError | undefined): (id: string) => { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string } {
  return (id) => (error?.inputId === id ? { id, 'aria-invalid': true, 'aria-describedby': 'plan-field-error' } : { id });
}

function TriSelect({ id, label, value, onChange, error, hint }: { id: string; label: string; value: Tri; onChange: (v: Tri) => void; error: FieldError | undefined; hint?: string }): ReactNode {
  const { t } = useI18n();
  const props = fieldProps(error)(id);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select {...props} value={value} onChange={(e) => onChange(e.target.value as Tri)} data-stated={value === '' ? 'no' : 'yes'}>
        <option value="">{t('plan.notStated')}</option>
        <option value="yes">{t('plan.yes')}</option>
        <option value="no">{t('plan.no')}</option>
      </select>
      {hint && <span className="hint">{hint}</span>}
    </div>
  );
}

function TextField({ id, label, value, onChange, error, unit, hint, type = 'text', inputMode }: { id: string; label: string; value: string; onChange: (v: string) => void; error: FieldError | undefined; unit?: string; hint?: string; type?: 'text' | 'date' | 'time'; inputMode?: 'decimal' | 'numeric' }): ReactNode {
  const props = fieldProps(error)(id);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="field-row">
        <input {...props} type={type} inputMode={inputMode} className={inputMode ? 'num-input' : undefined} value={value} onChange={(e) => onChange(e.target.value)} autoComplete="off" />
        {unit && <span>{unit}</span>}
      </div>
      {hint && <span className="hint">{hint}</span>}
    </div>
  );
}

function Choice<T extends string>({ id, label, value, options, onChange, error, hint }: { id: string; label: string; value: T; options: readonly { value: T; label: string }[]; onChange: (v: T) => void; error: FieldError | undefined; hint?: string }): ReactNode {
  const props = fieldProps(error)(id);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select {...props} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint && <span className="hint">{hint}</span>}
    </div>
  );
}

export function PlanFormView({ form: f, onChange, onSubmit, busy, error }: Props): ReactNode {
  const { t } = useI18n();
  const tx = useText();
  const set = onChange;
  const opt = (family: string, values: readonly string[]) => values.map((v) => ({ value: v, label: t(`plan.${family}.${v}` as MessageKey) }));
  const notStated = { value: '', label: t('plan.notStated') };
  const preset = PRESETS.find((p) => p.id === f.preset);
  const num = { inputMode: 'decimal' as const };
  const updateOpioid = (i: number, patch: Partial<OpioidRow>): void => set({ opioidList: f.opioidList.map((o, k) => (k === i ? { ...o, ...patch } : o)) });

  return (
    <form
      className="plan-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
      aria-labelledby="plan-form-h"
      noValidate
    >
      <h2 id="plan-form-h">{t('plan.formTitle')}</h2>
      <p className="hint">{t('plan.formHint')}</p>
      <div className="plan-fieldsets">
        <fieldset>
          <legend>{t('plan.patient')}</legend>
          <TextField id="plan-name" label={t('plan.f.name')} value={f.name} onChange={(v) => set({ name: v })} error={error} hint={t('plan.nameHint')} />
          <div className="field-row">
            <TextField id="plan-age" label={t('plan.f.age')} value={f.age} onChange={(v) => set({ age: v })} error={error} unit={t('unit.years')} {...num} />
            <TextField id="plan-weight" label={t('plan.f.weight')} value={f.weight} onChange={(v) => set({ weight: v })} error={error} unit={t('unit.kg')} {...num} />
          </div>
          <Choice id="plan-sex" label={t('plan.f.sex')} value={f.sex} options={[notStated as { value: ''; label: string }, { value: 'female', label: t('plan.sex.female') }, { value: 'male', label: t('plan.sex.male') }]} onChange={(v) => set({ sex: v })} error={error} />
          <Choice id="plan-condition" label={t('plan.f.condition')} value={f.condition} options={PLANNER_CONDITIONS.map((c) => ({ value: c, label: tx(conditionLabel(c)) }))} onChange={(v) => set({ condition: v })} error={error} />
          <TriSelect id="plan-hashimoto" label={t('plan.f.hashimoto')} value={f.hashimoto} onChange={(v) => set({ hashimoto: v })} error={error} />
        </fieldset>

        <fieldset>
          <legend>{t('plan.reproductive')}</legend>
          <TriSelect id="plan-pregnant" label={t('plan.f.pregnant')} value={f.pregnant} onChange={(v) => set({ pregnant: v })} error={error} />
          <TriSelect id="plan-planning_pregnancy" label={t('plan.f.planning_pregnancy')} value={f.planning_pregnancy} onChange={(v) => set({ planning_pregnancy: v })} error={error} />
          <TriSelect id="plan-lactating" label={t('plan.f.lactating')} value={f.lactating} onChange={(v) => set({ lactating: v })} error={error} />
        </fieldset>

        <fieldset>
          <legend>{t('plan.organs')}</legend>
          <Choice id="plan-liver" label={t('plan.f.liver')} value={f.liver} options={[notStated, ...opt('liver', LIVER_STATUSES)]} onChange={(v) => set({ liver: v })} error={error} />
          <div className="field-row">
            <TextField id="plan-alt" label={t('plan.f.alt')} value={f.alt} onChange={(v) => set({ alt: v })} error={error} unit={t('plan.unit.ul')} {...num} />
            <TextField id="plan-alt_uln" label={t('plan.f.alt_uln')} value={f.alt_uln} onChange={(v) => set({ alt_uln: v })} error={error} unit={t('plan.unit.ul')} {...num} />
          </div>
          <Choice id="plan-kidney" label={t('plan.f.kidney')} value={f.kidney} options={[notStated, ...opt('kidney', KIDNEY_STATUSES)]} onChange={(v) => set({ kidney: v })} error={error} />
          <TextField id="plan-egfr" label={t('plan.f.egfr')} value={f.egfr} onChange={(v) => set({ egfr: v })} error={error} unit={t('plan.unit.egfr')} {...num} />
        </fieldset>

        <fieldset>
          <legend>{t('plan.opioidsTitle')}</legend>
          <Choice
            id="plan-opioids"
            label={t('plan.f.opioids')}
            value={f.opioids}
            options={[
              { value: '', label: t('plan.notStated') },
              { value: 'none', label: t('plan.opioids.none') },
              { value: 'listed', label: t('plan.opioids.listed') },
            ]}
            onChange={(v) => set({ opioids: v, opioidList: v === 'listed' && f.opioidList.length === 0 ? [{ ...NEW_OPIOID }] : f.opioidList })}
            error={error}
            hint={t('plan.opioidsHint')}
          />
          {f.opioids === 'listed' &&
            f.opioidList.map((o, i) => (
              <fieldset key={i} className="inner" data-testid={`opioid-${i}`}>
                <legend>{t('plan.opioidN', { n: String(i + 1) })}</legend>
                <div className="field-row">
                  <Choice id={`plan-opioid-${i}-agent`} label={t('plan.f.agent')} value={o.agent} options={opt('agent', OPIOID_AGENTS)} onChange={(v) => updateOpioid(i, { agent: v })} error={error} />
                  <Choice id={`plan-opioid-${i}-use`} label={t('plan.f.use')} value={o.use} options={opt('use', OPIOID_USES)} onChange={(v) => updateOpioid(i, { use: v })} error={error} />
                  <Choice id={`plan-opioid-${i}-action`} label={t('plan.f.action')} value={o.action} options={[notStated, ...opt('action', OPIOID_ACTIONS)]} onChange={(v) => updateOpioid(i, { action: v })} error={error} />
                </div>
                <div className="field-row">
                  <TextField id={`plan-opioid-${i}-last_dose`} type="date" label={t('plan.f.last_dose')} value={o.last_dose} onChange={(v) => updateOpioid(i, { last_dose: v })} error={error} />
                  <TextField id={`plan-opioid-${i}-max_daily_mg`} label={t('plan.f.max_daily_mg')} value={o.max_daily_mg} onChange={(v) => updateOpioid(i, { max_daily_mg: v })} error={error} unit={t('unit.mg')} {...num} />
                </div>
                <button type="button" className="danger" onClick={() => set({ opioidList: f.opioidList.filter((_, k) => k !== i), opioids: f.opioidList.length === 1 ? '' : 'listed' })} aria-label={t('plan.removeOpioid', { n: String(i + 1) })}>
                  {t('common.remove')}
                </button>
              </fieldset>
            ))}
          {f.opioids === 'listed' && (
            <button type="button" onClick={() => set({ opioidList: [...f.opioidList, { ...NEW_OPIOID }] })} disabled={f.opioidList.length >= MAX_OPIOIDS}>
              {t('plan.addOpioid')}
            </button>
          )}
          <TriSelect id="plan-opioid_products" label={t('plan.f.opioid_products')} value={f.opioid_products} onChange={(v) => set({ opioid_products: v })} error={error} />
          <TriSelect id="plan-allow_occasional_opioids" label={t('plan.f.allow_occasional_opioids')} value={f.allow_occasional_opioids} onChange={(v) => set({ allow_occasional_opioids: v })} error={error} />
          <Choice
            id="plan-surgery"
            label={t('plan.f.surgery')}
            value={f.surgery}
            options={[
              { value: '', label: t('plan.notStated') },
              { value: 'none', label: t('plan.surgery.none') },
              { value: 'planned', label: t('plan.surgery.planned') },
            ]}
            onChange={(v) => set({ surgery: v })}
            error={error}
          />
          {f.surgery === 'planned' && <TextField id="plan-surgery_date" type="date" label={t('plan.f.surgery_date')} value={f.surgery_date} onChange={(v) => set({ surgery_date: v })} error={error} />}
        </fieldset>

        <fieldset>
          <legend>{t('plan.medicinesTitle')}</legend>
          <TriSelect id="plan-thyroid_hormone" label={t('plan.f.thyroid_hormone')} value={f.thyroid_hormone} onChange={(v) => set({ thyroid_hormone: v })} error={error} />
          <Choice
            id="plan-medicines"
            label={t('plan.f.medicines')}
            value={f.medicines}
            options={[
              { value: '', label: t('plan.notStated') },
              { value: 'none', label: t('plan.medicines.none') },
              { value: 'listed', label: t('plan.medicines.listed') },
            ]}
            onChange={(v) => set({ medicines: v })}
            error={error}
          />
          {f.medicines === 'listed' && (
            <div className="field">
              <label htmlFor="plan-medicineText">{t('plan.f.medicineText')}</label>
              <textarea {...fieldProps(error)('plan-medicineText')} rows={3} value={f.medicineText} onChange={(e) => set({ medicineText: e.target.value })} />
            </div>
          )}
          <TriSelect id="plan-hepatotoxic_drugs" label={t('plan.f.hepatotoxic_drugs')} value={f.hepatotoxic_drugs} onChange={(v) => set({ hepatotoxic_drugs: v })} error={error} />
          <TriSelect id="plan-transplant" label={t('plan.f.transplant')} value={f.transplant} onChange={(v) => set({ transplant: v })} error={error} />
          <TriSelect id="plan-lactose_intolerant" label={t('plan.f.lactose_intolerant')} value={f.lactose_intolerant} onChange={(v) => set({ lactose_intolerant: v })} error={error} />
        </fieldset>

        <fieldset>
          <legend>{t('plan.schedule')}</legend>
          <TextField id="plan-start" type="date" label={t('plan.f.start')} value={f.start} onChange={(v) => set({ start: v })} error={error} />
          <Choice id="plan-preset" label={t('plan.f.preset')} value={f.preset} options={[{ value: '', label: t('plan.presetDefault') }, ...PRESETS.map((p) => ({ value: p.id, label: tx(p.name) }))]} onChange={(v) => set({ preset: v })} error={error} />
          {preset ? (
            <div className="hint" data-testid="preset-info">
              {tx(preset.description)} · {tx(preset.applies_to)} · <TagBadge tag={preset.evidence} />
            </div>
          ) : (
            <p className="hint">{t('plan.presetDefaultHint')}</p>
          )}
          <p className="hint">{t('plan.customHint')}</p>
          <div className="field-row">
            <TextField id="plan-start_dose" label={t('plan.f.start_dose')} value={f.start_dose} onChange={(v) => set({ start_dose: v })} error={error} unit={t('unit.mg')} {...num} />
            <TextField id="plan-step" label={t('plan.f.step')} value={f.step} onChange={(v) => set({ step: v })} error={error} unit={t('unit.mg')} {...num} />
          </div>
          <div className="field-row">
            <TextField id="plan-interval" label={t('plan.f.interval')} value={f.interval} onChange={(v) => set({ interval: v })} error={error} unit={t('plan.unit.days')} inputMode="numeric" />
            <TextField id="plan-target" label={t('plan.f.target')} value={f.target} onChange={(v) => set({ target: v })} error={error} unit={t('unit.mg')} {...num} />
          </div>
          <div className="field-row">
            <TextField id="plan-time" type="time" label={t('plan.f.time')} value={f.time} onChange={(v) => set({ time: v })} error={error} />
            <TextField id="plan-days" label={t('plan.f.days')} value={f.days} onChange={(v) => set({ days: v })} error={error} unit={t('plan.unit.days')} inputMode="numeric" hint={t('plan.daysHint')} />
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('plan.preparation')}</legend>
          <Choice id="plan-formulation" label={t('plan.f.formulation')} value={f.formulation} options={opt('formulation', ['liquid', 'capsules', 'tablet-fraction']) as { value: PlanForm['formulation']; label: string }[]} onChange={(v) => set({ formulation: v })} error={error} />
          {f.formulation !== 'tablet-fraction' && (
            <Choice id="plan-source" label={t('plan.f.source')} value={f.source} options={opt('source', ['tablets', 'hcl-powder', 'base-powder']) as { value: PlanForm['source']; label: string }[]} onChange={(v) => set({ source: v })} error={error} />
          )}
          {f.formulation === 'liquid' && (
            <>
              <div className="field-row">
                {f.source === 'tablets' ? (
                  <TextField id="plan-tablets" label={t('plan.f.tablets')} value={f.tablets} onChange={(v) => set({ tablets: v })} error={error} {...num} />
                ) : (
                  <TextField id="plan-concentration" label={t('plan.f.concentration')} value={f.concentration} onChange={(v) => set({ concentration: v })} error={error} unit={t('plan.unit.mgml')} {...num} />
                )}
                <TextField id="plan-volume" label={t('plan.f.volume')} value={f.volume} onChange={(v) => set({ volume: v })} error={error} unit={t('plan.unit.ml')} {...num} />
              </div>
              <p className="hint">{t('plan.liquidHint')}</p>
              <div className="field-row">
                <TextField id="plan-syringe" label={t('plan.f.syringe')} value={f.syringe} onChange={(v) => set({ syringe: v })} error={error} unit={t('plan.unit.ml')} {...num} />
                <TextField id="plan-graduation" label={t('plan.f.graduation')} value={f.graduation} onChange={(v) => set({ graduation: v })} error={error} unit={t('plan.unit.ml')} {...num} />
              </div>
              <Choice id="plan-vehicle" label={t('plan.f.vehicle')} value={f.vehicle} options={[notStated as { value: ''; label: string }, ...(opt('vehicle', ['water', 'fawcett']) as { value: 'water' | 'fawcett'; label: string }[])]} onChange={(v) => set({ vehicle: v })} error={error} />
            </>
          )}
          {f.formulation === 'capsules' && (
            <>
              <Choice id="plan-filler" label={t('plan.f.filler')} value={f.filler} options={[notStated, ...opt('filler', FILLERS)]} onChange={(v) => set({ filler: v })} error={error} />
              <TriSelect id="plan-light_protected" label={t('plan.f.light_protected')} value={f.light_protected} onChange={(v) => set({ light_protected: v })} error={error} />
            </>
          )}
          {f.formulation !== 'tablet-fraction' && (
            <Choice id="plan-storage" label={t('plan.f.storage')} value={f.storage} options={[notStated as { value: ''; label: string }, ...(opt('storage', ['fridge', 'room']) as { value: 'fridge' | 'room'; label: string }[])]} onChange={(v) => set({ storage: v })} error={error} />
          )}
          {f.formulation === 'tablet-fraction' && (
            <>
              <TextField id="plan-tablet_strength" label={t('plan.f.tablet_strength')} value={f.tablet_strength} onChange={(v) => set({ tablet_strength: v })} error={error} unit={t('unit.mg')} hint={t('plan.tabletHint')} {...num} />
              <TriSelect id="plan-scored" label={t('plan.f.scored')} value={f.scored} onChange={(v) => set({ scored: v })} error={error} />
            </>
          )}
          <Choice
            id="plan-lang"
            label={t('plan.f.lang')}
            value={f.lang}
            options={[
              { value: 'uk', label: t('lang.uk') },
              { value: 'en', label: t('lang.en') },
            ]}
            onChange={(v) => set({ lang: v })}
            error={error}
            hint={t('plan.langHint')}
          />
        </fieldset>
      </div>
      {error && (
        <p className="alert" id="plan-field-error" role="alert" data-testid="plan-field-error">
          {error.message}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy} data-testid="plan-submit">
          {busy ? t('plan.building') : t('plan.submit')}
        </button>
        <span className="hint">{t('plan.submitHint')}</span>
      </div>
    </form>
  );
}
