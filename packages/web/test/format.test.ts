// Numbers and dates as each language writes them (uk-UA and en-GB through Intl).
import { describe, expect, it } from 'vitest';
import { formatClock, formatDate, formatDateTime, formatDayAndClock, formatNumber, formatPercent, formatSig } from '../src/i18n/format.js';

const NBSP = '\u00a0';

describe('formatting per language', () => {
  it('decimal sign and digit grouping', () => {
    expect(formatNumber('en', 4.5)).toBe('4.5');
    expect(formatNumber('uk', 4.5)).toBe('4,5');
    expect(formatNumber('en', 12345.5, 1)).toBe('12,345.5');
    expect(formatNumber('uk', 12345.5, 1)).toBe(`12${NBSP}345,5`);
    expect(formatNumber('uk', 0.125, 2)).toBe('0,13');
    expect(formatNumber('uk', 2, 2, 2)).toBe('2,00');
    expect(formatNumber('en', Number.NaN)).toBe('–');
  });

  it('significant digits, with exponents only for extreme values', () => {
    expect(formatSig('en', 1.23456, 3)).toBe('1.23');
    expect(formatSig('uk', 14.2857, 3)).toBe('14,3');
    expect(formatSig('uk', 70168.4, 3)).toBe(`70${NBSP}200`);
    expect(formatSig('en', 0.0000123, 2)).toMatch(/^1\.2E-5$/);
  });

  it('percentages of fractions', () => {
    expect(formatPercent('en', 0.605)).toBe('60.5%');
    expect(formatPercent('uk', 0.605)).toBe('60,5%');
    expect(formatPercent('uk', 1)).toBe('100%');
  });

  it('24-hour clock from hours after midnight, wrapped', () => {
    expect(formatClock('en', 22)).toBe('22:00');
    expect(formatClock('uk', 7.5)).toBe('07:30');
    expect(formatClock('uk', 24 + 22.25)).toBe('22:15');
    expect(formatClock('en', -2)).toBe('22:00');
  });

  it('dates in each language', () => {
    expect(formatDate('en', '2026-12-01')).toBe('1 Dec 2026');
    expect(formatDate('uk', '2026-12-01', 'long')).toBe('1 грудня 2026 р.');
    expect(formatDate('uk', '2026-12-01', 'short')).toBe('1 груд.');
    expect(formatDateTime('uk', '2026-12-01T09:05:00Z')).toBe('1 груд. 2026 р., 09:05');
    expect(formatDateTime('en', '2026-12-01T09:05:00Z')).toBe('1 Dec 2026, 09:05');
    expect(formatDayAndClock('uk', '2026-12-01', 24 + 22)).toBe('2 груд., 22:00');
    expect(formatDate('en', 'not a date')).toBe('not a date');
  });
});
