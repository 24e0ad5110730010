// Why this module exists: `ldn params --format json` and `GET /api/params`, `ldn compare --format json`
// and `POST /api/compare` must return the same documents, so the documents are built here, once,
// and both interfaces serialise what these functions return.
import { parameterSet, PARAMETER_SET_IDS } from './models/ldn/parameters.js';
import { SOURCES } from './parameters/sources.js';
import type { Parameter, ParameterSet } from './parameters/types.js';
import { compareRegimens, type ComparisonInput, type ComparisonOutput } from './compare.js';
import { RequestError } from './run.js';

export interface ParameterReportEntry extends Parameter {
  range: [number, number];
  source_citation: string | undefined;
  doi: string | undefined;
  pmid: string | undefined;
  url: string | undefined;
}

export interface ParametersReport {
  set: string;
  title: string;
  description: string;
  parameters: ParameterReportEntry[];
}

/** Every parameter of a set with value, unit, range, evidence level and its source's citation. */
export function parametersReport(set: ParameterSet | string): ParametersReport {
  let s: ParameterSet;
  if (typeof set === 'string') {
    try {
      s = parameterSet(set);
    } catch {
      throw new RequestError(`set: "${set}" is not a parameter set; use one of: ${PARAMETER_SET_IDS.join(', ')}`, 'set');
    }
  } else s = set;
  const sourceOf = (p: Parameter) => SOURCES[p.source];
  return {
    set: s.id,
    title: s.title,
    description: s.description,
    parameters: Object.values(s.parameters).map((p) => ({ ...p, range: [...p.range] as [number, number], source_citation: sourceOf(p)?.citation, doi: sourceOf(p)?.doi, pmid: sourceOf(p)?.pmid, url: sourceOf(p)?.url })),
  };
}

/** The document of `ldn compare --format json`: labels, the comparison table, then each regimen's output. */
export function comparisonReport(c: ComparisonOutput): Pick<ComparisonOutput, 'labels' | 'table' | 'outputs'> {
  return { labels: c.labels, table: c.table, outputs: c.outputs };
}

/** compareRegimens, then comparisonReport. */
export function runComparison(input: ComparisonInput): Pick<ComparisonOutput, 'labels' | 'table' | 'outputs'> {
  return comparisonReport(compareRegimens(input));
}
