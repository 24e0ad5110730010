// `ldn export sbml`: the model (PK + occupancy, and hypothesis modules once they have symbolic
// equations) with the chosen parameter set and the regimen's doses, as an SBML Level 3 Version 2
// file that COPASI or tellurium can run. The regimen options are those of `ldn simulate` (same
// request, same validation, same messages); the document comes from the engine's sbmlFromRequest.
// More formats would be more subcommands of `export`.
import type { Command } from 'commander';
import { HYPOTHESIS_IDS, PARAMETER_SET_IDS, RequestError, sbmlFromRequest, type SbmlExport, type SimulationRequest } from '@ldn/engine';
import { UsageError } from '../errors.js';
import { writeOutput } from '../io.js';
import { requestFromFlags } from './simulate.js';

interface ExportSbmlFlags {
  dose?: string;
  time?: string;
  days?: string;
  every?: string;
  doses?: string;
  start?: string;
  regimen?: string;
  events?: string;
  params?: string;
  hypotheses?: string;
  out?: string;
}

const OPTION_OF_FIELD: Readonly<Record<string, string>> = { dose: '--dose', time: '--time', days: '--days', every: '--every', doses: '--doses', params: '--params', regimen: '--regimen', events: '--events', start: '--start', hypotheses: '--hypotheses' };

/** Writes the request as SBML, turning validation errors into usage errors phrased with option names. */
export function exportSbml(req: SimulationRequest): SbmlExport {
  try {
    return sbmlFromRequest(req);
  } catch (e) {
    if (e instanceof RequestError) {
      const field = e.field?.split('.')[0];
      const opt = field ? OPTION_OF_FIELD[field] : undefined;
      throw new UsageError(opt && field ? e.message.replace(new RegExp(`^${field}(\\.|:)`), `${opt}$1`) : e.message);
    }
    throw e;
  }
}

export function registerExport(program: Command): void {
  const exp = program
    .command('export')
    .description('export the model with its parameters and doses for other tools (sbml)')
    .usage('sbml [options]')
    .argument('[format]', 'sbml')
    // without a format, show what there is (stdout, exit 0); an unknown one is a usage error
    .action((name: string | undefined) => {
      if (name !== undefined) throw new UsageError(`unknown export format "${name}"; accepted: sbml`);
      process.stdout.write(exp.helpInformation());
    });
  exp
    .command('sbml')
    .description('SBML Level 3 Version 2 (core): PK + occupancy (+ hypotheses), chosen parameters, doses as events; for COPASI, tellurium, libRoadRunner')
    .option('--dose <mg>', 'dose in mg naltrexone HCl (above 0, at most 1000)')
    .option('--time <HH:MM>', 'clock time of the first dose (default 22:00)')
    .option('--days <n>', 'span whose doses are written, days from the first dose (default 14)')
    .option('--every <h>', 'dosing interval in hours (default 24)')
    .option('--doses <n>', 'number of doses (default: every interval across the span)')
    .option('--start <YYYY-MM-DD>', 'calendar date of the first dose')
    .option('--regimen <file.json>', 'a regimen JSON file (titration steps, missed and extra doses)')
    .option('--events <file.csv>', 'a NONMEM event table (TIME, AMT, EVID, CMT, II, ADDL)')
    .option('--params <set>', `parameter set: ${PARAMETER_SET_IDS.join(', ')} (default literature)`)
    .option('--hypotheses <list>', `hypothesis modules to include, comma-separated: ${HYPOTHESIS_IDS.join(', ')} (each needs symbolic equations)`)
    .option('--out <file>', 'write to a file instead of standard output')
    .action((flags: ExportSbmlFlags) => {
      writeOutput(exportSbml(requestFromFlags({ ...flags, format: 'sbml' })).xml, flags.out);
    });
  // main() makes only top-level commands throw instead of exiting; do the same for this one, so a
  // bad option is a usage error (exit 2) with one message.
  for (const sub of exp.commands) {
    sub.exitOverride();
    sub.configureOutput({ writeErr: () => undefined, outputError: () => undefined });
  }
}
