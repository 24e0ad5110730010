// Parsing of numeric and enumerated options. Commander hands us strings; every bad value becomes a
// UsageError (exit code 2) that names the option, the value and what is accepted, so a typo never
// turns into NaN or a stack trace.
import { UsageError } from './errors.js';

export interface NumberRule {
  /** lower limit; inclusive unless `exclusiveMin` */
  min?: number;
  exclusiveMin?: boolean;
  max?: number;
  integer?: boolean;
  unit?: string;
}

function describe(rule: NumberRule): string {
  const unit = rule.unit ? ` ${rule.unit}` : '';
  const kind = rule.integer ? 'a whole number' : 'a number';
  const parts: string[] = [];
  if (rule.min !== undefined) parts.push(`${rule.exclusiveMin ? 'above' : 'at least'} ${rule.min}${unit}`);
  if (rule.max !== undefined) parts.push(`at most ${rule.max}${unit}`);
  return parts.length ? `${kind} ${parts.join(' and ')}` : kind;
}

export function parseNumberOption(option: string, raw: string | undefined, rule: NumberRule): number {
  const accepted = describe(rule);
  if (raw === undefined || raw.trim() === '') throw new UsageError(`${option} needs a value: ${accepted}`);
  const text = raw.trim();
  const value = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(value)) throw new UsageError(`${option} "${raw}" is not a number; use ${accepted}`);
  const bad =
    (rule.integer && !Number.isInteger(value)) ||
    (rule.min !== undefined && (rule.exclusiveMin ? value <= rule.min : value < rule.min)) ||
    (rule.max !== undefined && value > rule.max);
  if (bad) throw new UsageError(`${option} ${raw} is out of range; use ${accepted}`);
  return value;
}

export { round6 } from '@ldn/engine';
