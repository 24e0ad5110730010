// Dense LU factorisation with partial pivoting, for the linear systems of implicit (Rosenbrock)
// steps. Our systems are small (n < 40), so a plain row-major Doolittle elimination in place on a
// Float64Array beats any general-purpose library and allocates nothing; no stiff-solver or LAPACK
// port installs from npm here, and the engine must run in the browser.

/**
 * Factorises the row-major n×n matrix `a` in place into L (unit lower, below the diagonal) and U
 * (upper, on and above it), with rows permuted as recorded in `piv` (row k was swapped with
 * row piv[k] at step k). Returns 0 on success, or k+1 when the k-th pivot is exactly zero or not
 * finite (the matrix is singular to working precision or contains NaN).
 */
export function luFactor(a: Float64Array, n: number, piv: Int32Array): number {
  for (let k = 0; k < n; k++) {
    // choose the pivot: the largest |a[i][k]| for i >= k
    let p = k;
    let best = Math.abs(a[k * n + k]!);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(a[i * n + k]!);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    piv[k] = p;
    if (!(best > 0) || best === Infinity) return k + 1;
    if (p !== k) {
      const rk = k * n;
      const rp = p * n;
      for (let j = 0; j < n; j++) {
        const tmp = a[rk + j]!;
        a[rk + j] = a[rp + j]!;
        a[rp + j] = tmp;
      }
    }
    const rk = k * n;
    const inv = 1 / a[rk + k]!;
    for (let i = k + 1; i < n; i++) {
      const ri = i * n;
      const m = a[ri + k]! * inv;
      a[ri + k] = m;
      if (m !== 0) {
        for (let j = k + 1; j < n; j++) a[ri + j] = a[ri + j]! - m * a[rk + j]!;
      }
    }
  }
  return 0;
}

/** Solves A x = b in place (b becomes x), given the factorisation from `luFactor`. */
export function luSolve(lu: Float64Array, n: number, piv: Int32Array, b: Float64Array): void {
  // apply the row permutation and forward-substitute with the unit lower factor
  for (let k = 0; k < n; k++) {
    const p = piv[k]!;
    if (p !== k) {
      const tmp = b[k]!;
      b[k] = b[p]!;
      b[p] = tmp;
    }
  }
  for (let i = 1; i < n; i++) {
    const ri = i * n;
    let s = b[i]!;
    for (let j = 0; j < i; j++) s -= lu[ri + j]! * b[j]!;
    b[i] = s;
  }
  // back-substitute with the upper factor
  for (let i = n - 1; i >= 0; i--) {
    const ri = i * n;
    let s = b[i]!;
    for (let j = i + 1; j < n; j++) s -= lu[ri + j]! * b[j]!;
    b[i] = s / lu[ri + i]!;
  }
}
