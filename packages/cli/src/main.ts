// Runs the command line and maps every failure to an exit code and one readable message:
// usage errors exit 2, failures 1; never a stack trace.
import { CommanderError } from 'commander';
import { buildProgram } from './program.js';
import { EXIT, UsageError } from './errors.js';

export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  program.exitOverride();
  program.configureOutput({ writeErr: () => undefined, outputError: () => undefined });
  for (const cmd of program.commands) {
    cmd.exitOverride();
    cmd.configureOutput({ writeErr: () => undefined, outputError: () => undefined });
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') {
        return EXIT.ok;
      }
      process.stderr.write(`ldn: ${err.message.replace(/^error: /, '')}\n`);
      return EXIT.usage;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`ldn: ${err.message}\n`);
      return EXIT.usage;
    }
    const e = err as Error;
    if (e && typeof e === 'object' && 'exitCode' in e && typeof (e as { exitCode: unknown }).exitCode === 'number') {
      process.stderr.write(`ldn: ${e.message}\n`);
      return (e as { exitCode: number }).exitCode;
    }
    process.stderr.write(`ldn: failed: ${e?.message ?? String(err)}\n`);
    return EXIT.failure;
  }
}
