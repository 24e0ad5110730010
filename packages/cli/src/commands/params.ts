// `ldn params`: every parameter of a set with value, unit, plausible range, evidence level and
// source, so that no number in the model is hidden.
import type { Command } from 'commander';
import { EVIDENCE_LEVEL_LABEL, PARAMETER_SET_IDS, SOURCES, parameterSet, parametersReport, type Parameter } from '@ldn/engine';
import { csvField } from '@ldn/evidence';
import { UsageError } from '../errors.js';
import { parseFormat, writeOutput } from '../io.js';
import { formatTable } from '../table.js';

const FORMATS = ['table', 'json', 'csv'] as const;

export function paramsOutput(setId: string, format: (typeof FORMATS)[number]): string {
  let set;
  try {
    set = parameterSet(setId);
  } catch {
    throw new UsageError(`--params "${setId}" is not a parameter set; use one of: ${PARAMETER_SET_IDS.join(', ')}`);
  }
  const params = Object.values(set.parameters);
  const sourceOf = (p: Parameter) => SOURCES[p.source];
  if (format === 'json') return JSON.stringify(parametersReport(set), null, 2);
  if (format === 'csv') {
    const head = 'id,label,value,unit,range_low,range_high,evidence,source,citation,note';
    return [head, ...params.map((p) => [p.id, p.label, String(p.value), p.unit, String(p.range[0]), String(p.range[1]), p.evidence, p.source, sourceOf(p)?.citation ?? '', p.note].map(csvField).join(','))].join('\n');
  }
  const rows = [['id', 'value', 'unit', 'range', 'evidence', 'source', 'what']];
  for (const p of params) rows.push([p.id, String(Number(p.value.toPrecision(4))), p.unit, `${p.range[0]}–${p.range[1]}`, EVIDENCE_LEVEL_LABEL[p.evidence], p.source, p.label]);
  const notes = params.map((p) => `${p.id}: ${p.note}`);
  const cited = [...new Set(params.map((p) => p.source))].map((id) => `[${id}] ${SOURCES[id]?.citation ?? '(unknown source)'}${SOURCES[id]?.doi ? ` doi:${SOURCES[id].doi}` : ''}`);
  return [`Parameter set "${set.id}": ${set.description}`, '', formatTable(rows), '', 'Notes:', ...notes, '', 'Sources:', ...cited].join('\n');
}

export function registerParams(program: Command): void {
  program
    .command('params')
    .description('list every model parameter with value, unit, range, evidence level and source')
    .option('--params <set>', `parameter set: ${PARAMETER_SET_IDS.join(', ')}`, 'literature')
    .option('--format <format>', `output format: ${FORMATS.join(', ')}`, 'table')
    .option('--out <file>', 'write to a file instead of standard output')
    .action((flags: { params: string; format: string; out?: string }) => {
      writeOutput(paramsOutput(flags.params, parseFormat(flags.format, FORMATS)), flags.out);
    });
}
