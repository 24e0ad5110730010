// Shared test helpers: load an R-generated fixture (test/fixtures/meta/*.json, made by the R scripts beside
// them) and compare numbers with a relative tolerance, or an absolute one for p-values and values near 0.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const dir = fileURLToPath(new URL('../fixtures/meta/', import.meta.url));

/** Parses a fixture, mapping the strings "Inf"/"-Inf" (JSON has no infinities) back to numbers. */
export function loadFixture<T = Record<string, unknown>>(name: string): T {
  const text = readFileSync(`${dir}${name}`, 'utf8');
  return JSON.parse(text, (_k, v: unknown) => (v === 'Inf' ? Infinity : v === '-Inf' ? -Infinity : v)) as T;
}

/** Largest relative deviation seen by `close` in this process (reported by the summary test). */
export const deviation = { maxRel: 0, where: '' };

/**
 * Asserts |actual - expected| <= rel * |expected|, or <= abs when expected is (near) zero. Infinite and null
 * expectations must match exactly (null stands for R's NA).
 */
export function close(actual: number, expected: number | null, label: string, rel = 1e-6, abs = 1e-12): void {
  if (expected === null) {
    expect(Number.isNaN(actual), `${label}: expected NA, got ${actual}`).toBe(true);
    return;
  }
  if (!Number.isFinite(expected)) {
    expect(actual, label).toBe(expected);
    return;
  }
  const diff = Math.abs(actual - expected);
  const scale = Math.abs(expected);
  if (scale > 0 && diff / scale > deviation.maxRel && diff > abs) {
    deviation.maxRel = diff / scale;
    deviation.where = label;
  }
  const ok = diff <= Math.max(rel * scale, abs);
  expect(ok, `${label}: got ${actual}, expected ${expected} (diff ${diff.toExponential(3)})`).toBe(true);
}

/** Element-wise `close` for arrays. */
export function closeAll(actual: readonly number[], expected: readonly (number | null)[], label: string, rel = 1e-6, abs = 1e-12): void {
  expect(actual.length, `${label}: length`).toBe(expected.length);
  expected.forEach((e, i) => close(actual[i] as number, e, `${label}[${i}]`, rel, abs));
}
