// Output plumbing shared by every command: write to stdout or to --out FILE, atomically, so an
// interrupted run never leaves a half-written file.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from './errors.js';

export function writeOutput(text: string, out: string | undefined): void {
  if (out === undefined || out === '-') {
    process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    return;
  }
  const path = resolve(out);
  try {
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (err) {
    throw new UsageError(`cannot write --out ${out}: ${(err as Error).message}`);
  }
}

export function parseFormat<T extends string>(value: string, accepted: readonly T[], option = '--format'): T {
  if ((accepted as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${option} "${value}" is not accepted; use one of: ${accepted.join(', ')}`);
}
