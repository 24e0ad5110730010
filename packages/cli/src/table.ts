// Plain-text tables for terminal output: columns padded to their widest cell (by code points, so
// μ, κ, δ and Cyrillic align), the first row a header underlined with dashes.
export function formatTable(rows: string[][], opts: { alignRight?: boolean } = {}): string {
  const width = (s: string) => [...s].length;
  const cols = Math.max(...rows.map((r) => r.length));
  const widths = Array.from({ length: cols }, (_, c) => Math.max(...rows.map((r) => width(r[c] ?? ''))));
  const pad = (s: string, w: number, right: boolean) => (right ? ' '.repeat(w - width(s)) + s : s + ' '.repeat(w - width(s)));
  const line = (r: string[]) =>
    r
      .map((cell, c) => pad(cell, widths[c]!, opts.alignRight === true && c > 0))
      .join('  ')
      .trimEnd();
  const out = [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const r of rows.slice(1)) out.push(line(r));
  return out.join('\n');
}
