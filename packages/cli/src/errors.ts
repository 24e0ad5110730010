// Errors that reach the user. A UsageError is bad input (exit code 2) and its message must name
// the bad value and what is accepted; anything else unexpected is a failure (exit code 1).

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const EXIT = { ok: 0, failure: 1, usage: 2, blocked: 3 } as const;
