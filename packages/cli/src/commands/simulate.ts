import type { Command } from 'commander';
import { UsageError } from '../errors.js';

export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description('simulate plasma naltrexone, 6β-naltrexol and μ/κ/δ occupancy for a regimen')
    .action(() => {
      throw new UsageError('simulate is not implemented yet');
    });
}
