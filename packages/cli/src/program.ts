// The `ldn` command tree. Each command lives in commands/<name>.ts and exports `register`, so a
// new command is one file and one line here.
import { Command } from 'commander';
import { registerSimulate } from './commands/simulate.js';
import { registerMeta } from './commands/meta.js';
import { registerParams } from './commands/params.js';
import { registerCalibrate } from './commands/calibrate.js';
import { registerCompare } from './commands/compare.js';
import { registerEvidence } from './commands/evidence.js';
import { registerCheck } from './commands/check.js';
import { registerPlan } from './commands/plan.js';
import { registerSensitivity } from './commands/sensitivity.js';
import { registerExport } from './commands/export.js';
import { registerPopulation } from './commands/population.js';
import { registerServe } from './commands/serve.js';

export function buildProgram(): Command {
  const program = new Command('ldn')
    .description('LDN Workbench: low-dose naltrexone simulator, evidence base and dosing planner')
    .version('0.1.0')
    .showHelpAfterError(false);
  registerSimulate(program);
  registerParams(program);
  registerCalibrate(program);
  registerCompare(program);
  registerMeta(program);
  registerEvidence(program);
  registerCheck(program);
  registerPlan(program);
  registerSensitivity(program);
  registerExport(program);
  registerPopulation(program);
  registerServe(program);
  return program;
}
