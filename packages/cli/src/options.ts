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

/** Commander's accumulator for a repeatable option (`--ack R1 --ack R2`). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** `--set CL=70 --set potency=10` → {CL: 70, potency: 10}; the engine checks the names against the model. */
export function parseSetOptions(items: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) {
    const m = /^([A-Za-z][A-Za-z0-9_.]*)=(.*)$/.exec(item.trim());
    if (!m) throw new UsageError(`--set "${item}" is not NAME=VALUE; use a parameter id from \`ldn params\` and a number, e.g. --set CL=70`);
    const name = m[1]!;
    if (Object.hasOwn(out, name)) throw new UsageError(`--set ${name} is given twice; give each parameter once`);
    out[name] = parseNumberOption(`--set ${name}`, m[2], { min: 0 });
  }
  return out;
}

/** "kBrainOut=0.2, CL=70" for the first line of a result computed with what-if values. */
export function whatIfText(overrides: Readonly<Record<string, number>>): string {
  return Object.entries(overrides).map(([k, v]) => `${k}=${v}`).join(', ');
}
