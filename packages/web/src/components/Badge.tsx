// Evidence shown beside every claim and number: badges for a study's evidence level, a model
// parameter's evidence level, a number's status (confirmed / derived / not found), a claim's verdict
// and a hypothesis module's grade. Colour is never the only signal: every badge carries its words,
// and a title with the longer meaning.
import type { ReactNode } from 'react';
import type { EvidenceLevel as ParamLevel, HypothesisId } from '@ldn/engine';
import type { EvidenceLevel as StudyLevel, NumberStatus, Verdict } from '@ldn/evidence';
import { useI18n, type MessageKey } from '../i18n/index.js';

const STUDY_STRENGTH: Record<StudyLevel, 'high' | 'mid' | 'low' | 'neutral'> = {
  systematic_review: 'high',
  rct: 'high',
  crossover_rct: 'high',
  non_randomized_trial: 'mid',
  cohort: 'mid',
  case_series: 'low',
  case_report: 'low',
  hypothesis_paper: 'low',
  conference_abstract: 'low',
  unpublished_report: 'low',
  registry_record: 'neutral',
  trial_protocol: 'neutral',
};

const PARAM_STRENGTH: Record<ParamLevel, 'high' | 'mid' | 'low'> = {
  primary: 'high',
  label: 'high',
  secondary: 'mid',
  derived: 'mid',
  fitted: 'mid',
  unverified: 'low',
  assumption: 'low',
};

export function StudyLevelBadge({ level }: { level: StudyLevel }): ReactNode {
  const { t } = useI18n();
  return (
    <span className={`badge level-${STUDY_STRENGTH[level] ?? 'neutral'}`} data-level={level}>
      {t(`level.${level}` as MessageKey)}
    </span>
  );
}

export function ParamLevelBadge({ level }: { level: ParamLevel }): ReactNode {
  const { t } = useI18n();
  return (
    <span className={`badge level-${PARAM_STRENGTH[level] ?? 'low'}`} title={t(`plevel.${level}.title` as MessageKey)} data-level={level}>
      {t(`plevel.${level}` as MessageKey)}
    </span>
  );
}

export function StatusBadge({ status }: { status: NumberStatus }): ReactNode {
  const { t } = useI18n();
  return (
    <span className={`badge status-${status}`} title={t(`status.${status}.title` as MessageKey)} data-status={status}>
      {t(`status.${status}` as MessageKey)}
    </span>
  );
}

export function VerdictBadge({ verdict }: { verdict: Verdict }): ReactNode {
  const { t } = useI18n();
  return (
    <span className={`badge verdict-${verdict}`} title={t(`verdict.${verdict}.meaning` as MessageKey)} data-verdict={verdict}>
      {t(`verdict.${verdict}` as MessageKey)}
    </span>
  );
}

export function GradeBadge({ id }: { id: HypothesisId }): ReactNode {
  const { t } = useI18n();
  return (
    <span className="badge level-low" data-grade={id}>
      {t('hyp.gradeLabel')}: {t(`hyp.${id}.grade` as MessageKey)}
    </span>
  );
}
