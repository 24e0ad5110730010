// Several regimens side by side (`ldn compare`, POST /api/compare): each is an ordinary simulation
// request, run on the same span and output grid so their curves share axes, and the comparison
// table lists the same metrics for each. The spec syntax "4.5@22:00/24h~seed" lets a command line
// name a regimen in a few characters.

import { runSimulation, RequestError, type SimulationOutput, type SimulationRequest } from './run.js';

export interface ComparisonInput {
  regimens: (SimulationRequest & { label?: string })[];
}

export interface ComparisonRow {
  metric: string;
  unit: string;
  values: number[];
}

export interface ComparisonOutput {
  labels: string[];
  outputs: SimulationOutput[];
  table: ComparisonRow[];
}

const SPEC = /^(\d+(?:\.\d+)?)\s*(?:mg)?(?:@(\d{1,2}:\d{2}))?(?:\/(\d+(?:\.\d+)?)h)?(?:~([a-z]+))?$/i;

/** "4.5@22:00", "50@08:00", "1.5@06:00/6h", "4.5@22:00~seed" → a request fragment and a label */
export function parseRegimenSpec(spec: string): SimulationRequest & { label: string } {
  const m = SPEC.exec(spec.trim());
  if (!m) throw new RequestError(`regimen "${spec}" is not a regimen spec; use DOSE[@HH:MM][/EVERYh][~PARAMS], e.g. 4.5@22:00, 50@08:00, 1.5@06:00/6h, 4.5@22:00~seed`, 'regimens');
  const req: SimulationRequest & { label: string } = { dose: Number(m[1]), label: spec.trim() };
  if (m[2]) req.time = m[2];
  if (m[3]) req.every = Number(m[3]);
  if (m[4]) req.params = m[4];
  return req;
}

function metric(outputs: SimulationOutput[], name: string, unit: string, pick: (o: SimulationOutput) => number | undefined): ComparisonRow {
  return { metric: name, unit, values: outputs.map((o) => pick(o) ?? NaN) };
}

/** units of the hypothesis numbers, from their naming convention */
function unitOf(key: string): string {
  if (key.endsWith('_rel')) return '×';
  if (key.endsWith('_nM')) return 'nM';
  if (key.endsWith('_fold')) return '×';
  if (key.endsWith('_hours') || key.includes('hours')) return 'h';
  if (key.endsWith('_change') || key.includes('inhibition')) return 'fraction';
  return '';
}

export function comparisonTable(outputs: SimulationOutput[]): ComparisonRow[] {
  const ss = (o: SimulationOutput) => o.summary.steady_state;
  const rows: ComparisonRow[] = [
    metric(outputs, 'naltrexone Cmax, first dose', 'ng/mL', (o) => o.summary.first_dose.naltrexone.cmax_ng_ml),
    metric(outputs, 'naltrexone Cmax, steady state', 'ng/mL', (o) => ss(o)?.naltrexone.cmax_ng_ml),
    metric(outputs, '6β-naltrexol Cmax, steady state', 'ng/mL', (o) => ss(o)?.naltrexol.cmax_ng_ml),
    metric(outputs, 'μ occupancy peak, first dose', 'fraction', (o) => o.summary.first_dose.occupancy_0_24h.mu.peak),
    metric(outputs, 'μ occupancy peak, steady state', 'fraction', (o) => ss(o)?.occupancy.mu.peak),
    metric(outputs, 'μ occupancy trough, steady state', 'fraction', (o) => ss(o)?.occupancy.mu.trough),
    metric(outputs, 'hours/day μ > 50%, last day', 'h', (o) => o.summary.blockade.hours_above_50),
    metric(outputs, 'hours/day μ > 90%, last day', 'h', (o) => o.summary.blockade.hours_above_90),
  ];
  const numbers = new Map<string, string>();
  for (const o of outputs) for (const h of o.summary.hypotheses) for (const k of Object.keys(h.numbers)) numbers.set(`${h.id}.${k}`, h.title);
  for (const key of numbers.keys()) {
    const [id, k] = key.split('.') as [string, string];
    rows.push(metric(outputs, `${id}: ${k.replace(/_/g, ' ')}`, unitOf(k), (o) => o.summary.hypotheses.find((h) => h.id === id)?.numbers[k]));
  }
  return rows;
}

export function compareRegimens(input: ComparisonInput): ComparisonOutput {
  if (input.regimens.length < 2) throw new RequestError(`compare needs at least 2 regimens (got ${input.regimens.length})`, 'regimens');
  if (input.regimens.length > 8) throw new RequestError(`compare takes at most 8 regimens (got ${input.regimens.length})`, 'regimens');
  const labels = input.regimens.map((r, i) => r.label ?? `regimen ${i + 1}`);
  const outputs = input.regimens.map((r, i) => {
    const { label: _label, ...req } = r;
    try {
      return runSimulation(req);
    } catch (e) {
      if (e instanceof RequestError) throw new RequestError(`${labels[i]}: ${e.message}`, e.field ? `regimens.${i}.${e.field}` : `regimens.${i}`);
      throw e;
    }
  });
  return { labels, outputs, table: comparisonTable(outputs) };
}
