// The page around stacked panels (time courses, percentile bands): a white background, a title and
// subtitle, the panels and their legend. One function so every figure looks the same.
import { esc } from './text.js';

export function svgPage(p: { width: number; height: number; title: string; subtitle?: string | undefined; body: string; legend: string }): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${p.width}" height="${p.height}" viewBox="0 0 ${p.width} ${p.height}" font-family="system-ui, sans-serif">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="12" y="22" font-size="15" font-weight="600">${esc(p.title)}</text>`,
    p.subtitle ? `<text x="12" y="39" font-size="11" fill="#555">${esc(p.subtitle)}</text>` : '',
    p.body,
    p.legend,
    '</svg>',
  ].join('\n');
}
