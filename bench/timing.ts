// Timing helpers shared by the benchmarks: a median after a warm-up (the JIT compiles the hot
// paths first), so one slow run from the rest of the machine does not move the figure.

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Median milliseconds of `reps` runs of `fn` after `warmup` unrecorded runs. */
export function timeMedian(fn: () => void, reps: number, warmup = Math.min(50, reps)): number {
  for (let i = 0; i < warmup; i++) fn();
  const t: number[] = [];
  for (let i = 0; i < reps; i++) {
    const a = performance.now();
    fn();
    t.push(performance.now() - a);
  }
  return median(t);
}
