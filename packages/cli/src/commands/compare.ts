// `ldn compare`: two or more regimens side by side on the same span and grid: a table of the same
// metrics for each (and each active hypothesis's prediction), and figures on shared axes.
import type { Command } from 'commander';
import { comparisonReport, compareRegimens, parseRegimenSpec, RequestError, type ComparisonOutput, type SimulationRequest } from '@ldn/engine';
import { timeCourseSvg, type TimeCoursePanel } from '@ldn/figures';
import { UsageError } from '../errors.js';
import { parseFormat, writeOutput } from '../io.js';
import { collect, parseNumberOption, parseSetOptions, whatIfText } from '../options.js';
import { svgDocument } from '../dom.js';
import { formatTable } from '../table.js';
import { parseList } from './simulate.js';

const FORMATS = ['table', 'json', 'svg'] as const;

function cell(value: number, unit: string): string {
  if (!Number.isFinite(value)) return '–';
  if (unit === 'fraction') return `${(100 * value).toFixed(1)}%`;
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  return Number(value.toPrecision(3)).toString();
}

export function comparisonText(c: ComparisonOutput): string {
  const rows = [['metric', ...c.labels]];
  for (const r of c.table) rows.push([`${r.metric}${r.unit && r.unit !== 'fraction' ? ` (${r.unit})` : ''}`, ...r.values.map((v) => cell(v, r.unit))]);
  const what = c.outputs[0]!.overrides;
  const whatIf = what ? ` · what-if: ${whatIfText(what)}` : '';
  const lines = [`LDN Workbench comparison · ${c.outputs[0]!.time_h[c.outputs[0]!.time_h.length - 1]! / 24} days · parameters: ${c.outputs.map((o) => o.parameters).join(' / ')}${whatIf}`, '', formatTable(rows), ''];
  c.outputs.forEach((o, i) => {
    lines.push(`${c.labels[i]}: ${o.summary.blockade.text}`);
    for (const h of o.summary.hypotheses) lines.push(`  ${h.title}: ${h.text}`);
  });
  lines.push('', `note: ${c.outputs[0]!.notes[c.outputs[0]!.notes.length - 1]}`);
  return lines.join('\n');
}

export function comparisonSvg(c: ComparisonOutput): string {
  const o0 = c.outputs[0]!;
  const perRegimen = (title: string, unit: string, pick: (s: ComparisonOutput['outputs'][number]) => number[] | undefined, scale?: 'log', domain?: [number, number]): TimeCoursePanel | undefined => {
    const lines = c.outputs.flatMap((o, i) => {
      const v = pick(o);
      return v ? [{ label: c.labels[i]!, values: v }] : [];
    });
    return lines.length ? { title, unit, lines, ...(scale ? { scale } : {}), ...(domain ? { domain } : {}) } : undefined;
  };
  const panels = [
    perRegimen('plasma naltrexone', 'ng/mL', (o) => o.series.naltrexone_ng_ml, 'log'),
    perRegimen('μ occupancy', '%', (o) => o.series.mu_occupancy.map((x) => 100 * x), undefined, [0, 100]),
    perRegimen('H1 net μ signalling (× no drug)', '×', (o) => o.series.mu_signal_rel),
    perRegimen('H2 IL-6', 'pg/mL', (o) => o.series.il6_pg_ml),
    perRegimen('H3 growth rate (× no drug)', '×', (o) => o.series.growth_rate_rel),
  ].filter((p): p is TimeCoursePanel => p !== undefined);
  return timeCourseSvg({
    document: svgDocument(),
    title: `LDN regimens compared: ${c.labels.join(' vs ')}`,
    subtitle: 'model output, not a clinical fact · shared axes · time since each regimen’s first dose',
    time_h: o0.time_h,
    panels,
  });
}

export function registerCompare(program: Command): void {
  program
    .command('compare')
    .description('simulate two or more regimens side by side: a table of summaries and figures on shared axes')
    .argument('<regimens...>', 'regimen specs DOSE[@HH:MM][/EVERYh][~PARAMS], e.g. 4.5@22:00 4.5@08:00 50@08:00 4.5@22:00~seed')
    .option('--days <n>', 'span simulated, days (default 28)', '28')
    .option('--step <h>', 'output step in hours (default 0.25)')
    .option('--params <set>', 'parameter set for specs without ~PARAMS: literature (default) or seed')
    .option('--hypotheses <list>', 'hypothesis modules: rebound, tlr4, ogf, or all')
    .option('--set <name=value>', 'what-if: use this parameter value in every regimen (id from `ldn params`), e.g. --set kBrainOut=0.2; repeatable', collect)
    .option('--format <format>', `output format: ${FORMATS.join(', ')}`, 'table')
    .option('--out <file>', 'write to a file instead of standard output')
    .action((specs: string[], flags: { days: string; step?: string; params?: string; hypotheses?: string; set?: string[]; format: string; out?: string }) => {
      const format = parseFormat(flags.format, FORMATS);
      const days = parseNumberOption('--days', flags.days, { min: 0, exclusiveMin: true, max: 3650 });
      const step = flags.step === undefined ? undefined : parseNumberOption('--step', flags.step, { min: 0, exclusiveMin: true, max: 24, unit: 'h' });
      const overrides = flags.set !== undefined && flags.set.length > 0 ? parseSetOptions(flags.set) : undefined;
      let result: ComparisonOutput;
      try {
        const regimens = specs.map((spec) => {
          const r: SimulationRequest & { label: string } = { ...parseRegimenSpec(spec), days };
          if (step !== undefined) r.step = step;
          if (r.params === undefined && flags.params !== undefined) r.params = flags.params;
          if (flags.hypotheses !== undefined) r.hypotheses = parseList(flags.hypotheses);
          if (overrides !== undefined) r.overrides = overrides;
          return r;
        });
        result = compareRegimens({ regimens });
      } catch (e) {
        if (e instanceof RequestError) throw new UsageError(e.message.replace(/^hypotheses:/, '--hypotheses:').replace(/(^|: )overrides:/, '$1--set:').replace(/params: must/, '--params: must'));
        throw e;
      }
      const text = format === 'json' ? JSON.stringify(comparisonReport(result)) : format === 'svg' ? comparisonSvg(result) : comparisonText(result);
      writeOutput(text, flags.out);
    });
}
