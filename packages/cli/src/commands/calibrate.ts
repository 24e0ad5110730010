// `ldn calibrate`: refits the PK and receptor parameters to the published targets, prints each
// target with prediction and residual, the fitted values with profile-likelihood intervals, the
// structure without a brain pool for comparison, and what the fit implies for LDN; with --write
// it regenerates the defaults' provenance (packages/engine/src/models/ldn/calibration.ts).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { calibrate, calibrationModuleSource, type CalibrationReport, type TargetResult } from '@ldn/engine';
import { UsageError } from '../errors.js';
import { parseFormat, writeOutput } from '../io.js';
import { parseNumberOption } from '../options.js';
import { formatTable } from '../table.js';

const FORMATS = ['table', 'json'] as const;

function g(x: number, digits = 4): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(digits))) : '–';
}

function targetRows(targets: TargetResult[]): string[][] {
  const rows = [['target', 'observed', 'predicted', 'residual (σ)', 'σ', 'source']];
  for (const t of targets) rows.push([t.description, `${g(t.observed)} ${t.unit}`, g(t.predicted), g(t.residual, 3), t.scale === 'log' ? `${g(100 * t.sigma, 2)}% (log)` : `${g(t.sigma)} ${t.unit}`, t.source]);
  return rows;
}

export function calibrationTable(r: CalibrationReport): string {
  const lines: string[] = [];
  lines.push(`LDN model calibration (${r.generated}); Rabiner 2011 scan time assumed ${r.petTimeH} h`);
  for (const s of r.stages) {
    lines.push('');
    lines.push(`Stage ${s.stage === 'pk' ? '1, plasma PK' : '2, receptor occupancy'}: χ² = ${g(s.objective)} over ${s.targets.length} targets (${s.converged ? 'converged' : 'NOT converged'}, best of ${s.starts} starts)`);
    lines.push(formatTable(targetRows(s.targets)));
    lines.push('');
    const rows = [['parameter', 'fitted', '95% profile-likelihood interval']];
    for (const [id, e] of Object.entries(s.estimates)) {
      const lo = e.bounded[0] ? g(e.ci95[0]) : `≤${g(e.ci95[0])} (open: range limit)`;
      const hi = e.bounded[1] ? g(e.ci95[1]) : `≥${g(e.ci95[1])} (open: range limit)`;
      rows.push([id, g(e.value), Number.isFinite(e.ci95[0]) ? `${lo} – ${hi}` : 'not computed (--no-profile)']);
    }
    lines.push(formatTable(rows));
  }
  lines.push('');
  lines.push(`Seed set: CL = ${g(r.seed.CL)} L/h gives the review's 6 h naltrexone half-life (dominant phase ${g(r.seed.dominantHalfLifeH, 3)} h).`);
  for (const a of r.alternatives) {
    lines.push('');
    lines.push(`Alternative structure: ${a.structure}, fitted to ${a.fittedTo}: χ² = ${g(a.objective)} over all ${a.targets.length} PET targets (potency ${g(a.estimates.potency!)})`);
    const misses = a.targets.filter((t) => Math.abs(t.residual) > 2);
    lines.push(misses.length ? `  misses (|residual| > 2σ): ${misses.map((t) => `${t.id} ${g(t.predicted, 3)} vs ${g(t.observed, 3)} (${g(t.residual, 3)}σ)`).join('; ')}` : '  no target missed by more than 2σ');
  }
  lines.push('');
  lines.push(`Sensitivity to the assumed Rabiner scan time: ${r.petTimeSensitivity.map((p) => `${p.petTimeH} h → χ² ${g(p.objective)}`).join(', ')}`);
  lines.push('');
  lines.push('What the structures imply for LDN (4.5 mg daily at 22:00, μ occupancy on day 28; model output, not data):');
  for (const i of r.ldnImplication) {
    lines.push(`  ${i.structure}: peak ${(100 * i.muPeak).toFixed(0)}%, trough ${(100 * i.muTrough).toFixed(0)}%, ${i.hoursAbove50.toFixed(1)} h/day above 50%`);
  }
  lines.push('  No PET data exist at LDN doses beyond 8 h: whether daily LDN blocks μ receptors intermittently or continuously rests on the');
  lines.push('  brain pool being linear down to 4.5 mg, which Lee 1988 (50 mg only) cannot test.');
  return lines.join('\n');
}

function engineCalibrationPath(): string {
  const dist = fileURLToPath(import.meta.resolve('@ldn/engine'));
  return fileURLToPath(new URL('../src/models/ldn/calibration.ts', `file://${dist}`));
}

export function registerCalibrate(program: Command): void {
  program
    .command('calibrate')
    .description('refit the PK and receptor parameters to published PK and PET data and report the fit')
    .option('--pet-time <h>', 'assumed scan time of the Rabiner 2011 points, hours after the dose (above 0, at most 8)', '4')
    .option('--no-profile', 'skip the profile-likelihood intervals (faster)')
    .option('--starts <n>', 'extra quasi-random starting points per stage', '6')
    .option('--write', 'write the fitted values as the defaults (packages/engine/src/models/ldn/calibration.ts)')
    .option('--format <format>', `output format: ${FORMATS.join(', ')}`, 'table')
    .option('--out <file>', 'write the report to a file instead of standard output')
    .action((flags: { petTime: string; profile: boolean; starts: string; write?: boolean; format: string; out?: string }) => {
      const format = parseFormat(flags.format, FORMATS);
      const petTimeH = parseNumberOption('--pet-time', flags.petTime, { min: 0, exclusiveMin: true, max: 8, unit: 'h' });
      const starts = parseNumberOption('--starts', flags.starts, { min: 0, max: 50, integer: true });
      const progress = process.stderr.isTTY ? (m: string) => process.stderr.write(`… ${m}\n`) : undefined;
      const report = calibrate({ petTimeH, profile: flags.profile, starts, ...(progress ? { onProgress: progress } : {}) });
      if (flags.write) {
        const path = engineCalibrationPath();
        if (!existsSync(path)) throw new UsageError(`--write needs the engine's sources (${path} not found); run it in a checkout of the repository`);
        writeOutput(calibrationModuleSource(report), path);
        process.stderr.write(`wrote ${path}; rebuild (npm run build) to use the new defaults\n`);
      }
      writeOutput(format === 'json' ? JSON.stringify(report, null, 2) : calibrationTable(report), flags.out);
    });
}
