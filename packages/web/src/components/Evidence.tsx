// Shared pieces of the evidence pages: a number with its status badge (every number in the
// evidence base is confirmed, derived or not found), record units in the reader's language, the
// API error box, and the per-study count of numbers by status.
import type { ReactNode } from 'react';
import { walkNumbers, type NumberStatus, type NumberValue, type Study } from '@ldn/evidence';
import { useI18n, type I18n, type MessageKey } from '../i18n/index.js';
import { CATALOGS } from '../i18n/index.js';
import { StatusBadge } from './Badge.js';
import { ApiError } from '../api/client.js';

/** Record units with a translation ("participants" → "учасників"); others are shown as written. */
export function unitText(unit: string | undefined, i18n: I18n): string {
  if (unit === undefined) return '';
  const key = `runit.${unit}` as MessageKey;
  return key in CATALOGS.en ? i18n.t(key) : unit;
}

/** The printed value: a confirmed number keeps its printed decimals, with the language's decimal sign. */
export function printedValue(n: Exclude<NumberValue, { status: 'not_found' }>, i18n: I18n): string {
  if (n.status === 'confirmed') {
    const cmp = n.comparator !== undefined && n.comparator !== '=' ? `${n.comparator} ` : '';
    return cmp + (i18n.lang === 'uk' ? n.reported.replace('.', ',').replace(/^-/, '−') : n.reported);
  }
  return i18n.num(n.value, 4);
}

export function NumberView({ n, badge = true }: { n: NumberValue | undefined; badge?: boolean }): ReactNode {
  const i18n = useI18n();
  if (n === undefined) return <span>—</span>;
  if (n.status === 'not_found') return <StatusBadge status="not_found" />;
  const unit = n.unit === '%' ? '%' : n.unit ? ` ${unitText(n.unit, i18n)}` : '';
  return (
    <span className="number">
      {printedValue(n, i18n)}
      {unit}
      {badge && (
        <>
          {' '}
          <StatusBadge status={n.status} />
        </>
      )}
    </span>
  );
}

export function countStatuses(study: Study): Record<NumberStatus, number> {
  const c: Record<NumberStatus, number> = { confirmed: 0, derived: 0, not_found: 0 };
  walkNumbers(study, (n) => (c[n.status] += 1));
  return c;
}

export function ApiErrorBox({ error, onRetry }: { error: unknown; onRetry?: () => void }): ReactNode {
  const { t } = useI18n();
  const network = error instanceof ApiError && error.code === 'network';
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <div className="alert" role="alert" data-testid="api-error">
      <p style={{ margin: 0 }}>{network ? t('api.unreachable') : notFound ? t('api.notFound') : t('api.failed', { reason: error instanceof Error ? error.message : String(error) })}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
