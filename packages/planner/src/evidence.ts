// The studies for the patient's condition from @ldn/evidence, shown beside the plan with their
// evidence level, size and dose as recorded (a number the record marks "not found" stays absent),
// so the clinician sees how much (or how little) the plan rests on for this condition.
import { EVIDENCE_LEVEL_LABELS, listStudies, getSource, type NumberValue, type Study } from '@ldn/evidence';
import { conditionLabel, evidenceConditionOf, type PlannerCondition } from './conditions.js';
import { t, type Text } from './text.js';

export interface EvidenceStudy {
  id: string;
  label: string;
  title?: string;
  design: string;
  evidence_level: string;
  evidence_level_label: string;
  status: string;
  /** participants as recorded (enrolled, randomised or analysed), when confirmed or derived */
  n?: number;
  n_label?: string;
  /** the LDN arm's daily dose as recorded */
  dose?: string;
  url?: string;
}

export interface EvidenceOutput {
  condition: PlannerCondition;
  label: Text;
  /** the evidence-base condition searched (absent for the planner-only conditions) */
  searched?: string;
  studies: EvidenceStudy[];
  note: Text;
}

const LEVEL_UK: Record<string, string> = {
  rct: 'РКД',
  crossover_rct: 'перехресне РКД',
  non_randomized_trial: 'нерандомізоване дослідження',
  cohort: 'когортне дослідження',
  case_series: 'серія випадків',
  case_report: 'опис випадку',
  hypothesis_paper: 'гіпотеза',
  conference_abstract: 'тези конференції',
  systematic_review: 'систематичний огляд',
  registry_record: 'запис у реєстрі',
  trial_protocol: 'протокол дослідження',
  unpublished_report: 'неопублікований звіт',
};

export function evidenceLevelLabel(level: string): Text {
  return { en: (EVIDENCE_LEVEL_LABELS as Record<string, string>)[level] ?? level, uk: LEVEL_UK[level] ?? level };
}

function value(n: NumberValue | undefined): number | undefined {
  return n !== undefined && n.status !== 'not_found' ? n.value : undefined;
}

function participants(s: Study): { n: number; label: string } | undefined {
  for (const key of ['enrolled', 'randomized', 'analysed'] as const) {
    const v = value(s.flow[key]);
    if (v !== undefined) return { n: v, label: key };
  }
  return undefined;
}

function dose(s: Study): string | undefined {
  const arm = s.arms.find((a) => a.dose !== undefined && (a.role === 'ldn' || a.role === 'naltrexone'));
  return arm?.dose?.description;
}

export function evidenceFor(condition: PlannerCondition): EvidenceOutput {
  const searched = evidenceConditionOf(condition);
  const label = conditionLabel(condition);
  if (searched === undefined) {
    return {
      condition,
      label,
      studies: [],
      note: t(
        `The evidence base has no study records for ${label.en}; the presets and planner.md §1.1 name the trials behind the titration guides.`,
        `У базі доказів немає записів досліджень для стану «${label.uk}»; пресети та planner.md §1.1 називають дослідження, на яких ґрунтуються схеми титрування.`,
      ),
    };
  }
  const studies = listStudies({ condition: searched }).map((s): EvidenceStudy => {
    const p = participants(s);
    const url = getSource(s.sourceIds[0] ?? '')?.urls[0];
    const out: EvidenceStudy = {
      id: s.id,
      label: s.label,
      design: s.design,
      evidence_level: s.evidenceLevel,
      evidence_level_label: evidenceLevelLabel(s.evidenceLevel).en,
      status: s.status,
    };
    if (s.title) out.title = s.title;
    if (p) [out.n, out.n_label] = [p.n, p.label];
    const d = dose(s);
    if (d) out.dose = d;
    if (url) out.url = /^https?:\/\//.test(url) ? url : `https://${url}`;
    return out;
  });
  return {
    condition,
    label,
    searched,
    studies,
    note:
      studies.length === 0
        ? t(`No study records for ${label.en} in the evidence base.`, `У базі доказів немає записів досліджень для стану «${label.uk}».`)
        : t(`${studies.length} study record(s) for ${label.en} in the evidence base (ldn evidence show ID for every number and its source).`, `Записів досліджень для стану «${label.uk}» у базі доказів: ${studies.length} (ldn evidence show ID — кожне число з джерелом).`),
  };
}
