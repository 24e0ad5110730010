// A hand-over from the evidence pages to the custom meta-analysis page: the counts behind the risk
// ratios a condition's forest plot computes, as a CSV in the `ldn meta` 2×2 layout with the outcome
// as an extra column. The evidence page never pools (its outcomes differ); here the reader decides
// which rows measure the same thing, so the meta page opens with the rows and a warning, not a result.
// A module of its own so the evidence page does not load the meta page's code.
import { csvField } from '@ldn/evidence';
import type { ForestEntry } from './forest.js';

export interface MetaDraft {
  csv: string;
  /** where the rows came from, for the warning on the meta page */
  from: { condition?: string; studies: number; outcomes: number };
}

let draft: MetaDraft | undefined;

/** The rows with counts as `study,events_1,total_1,events_2,total_2,outcome,timepoint` (treated arm first). */
export function countsCsv(entries: readonly ForestEntry[]): string | undefined {
  const rows = entries.filter((e) => e.cells !== undefined);
  if (rows.length === 0) return undefined;
  const lines = ['study,events_1,total_1,events_2,total_2,outcome,timepoint'];
  for (const e of rows) {
    const c = e.cells!;
    lines.push([csvField(e.studyLabel), c.events1, c.total1, c.events2, c.total2, csvField(e.outcome), csvField(e.timepoint ?? '')].join(','));
  }
  return `${lines.join('\n')}\n`;
}

export function setMetaDraft(d: MetaDraft): void {
  draft = d;
}

/** The draft, once: a second visit to the meta page shows what the reader left there. */
export function takeMetaDraft(): MetaDraft | undefined {
  const d = draft;
  draft = undefined;
  return d;
}
