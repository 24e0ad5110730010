// Text helpers for hand-written SVG: XML escaping of every user-supplied string (study names come from
// users' CSV files) and compact number formatting for tick and table labels.

/** Escapes a string for use as SVG text content or a double-quoted attribute value. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** Fixed-decimal formatting with a true minus sign avoided (plain ASCII "-") and no "-0.00". */
export function fmt(x: number, digits = 2): string {
  if (Number.isNaN(x)) return 'NA';
  if (x === Infinity) return 'Inf';
  if (x === -Infinity) return '-Inf';
  const s = x.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

/** Formats a p-value as "< 0.001" or with 3 significant decimals. */
export function fmtP(p: number): string {
  if (Number.isNaN(p)) return 'NA';
  if (p < 0.001) return '< 0.001';
  return `= ${p.toFixed(3)}`;
}

/** Tick label: up to 3 significant digits, no trailing zeros. */
export function tickLabel(v: number): string {
  if (v === 0) return '0';
  const s = Number(v.toPrecision(3)).toString();
  return s;
}

/** Rounds a coordinate to 0.01 px so the SVG stays small and deterministic. */
export const px = (v: number): string => (Math.round(v * 100) / 100).toString();
