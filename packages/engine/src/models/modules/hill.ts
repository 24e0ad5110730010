// x^n for the steep Hill functions of the hypothesis modules, evaluated at every right-hand-side
// call. Math.pow costs about as much as the rest of a module's step; for the whole-number
// exponents the modules use (8 by default) binary exponentiation needs three multiplications.

/** Returns a function x ↦ x^n, exact repeated squaring when n is a whole number from 0 to 64. */
export function powerOf(n: number): (x: number) => number {
  if (Number.isInteger(n) && n >= 0 && n <= 64) {
    return (x) => {
      let result = 1;
      let base = x;
      for (let e = n; e > 0; e >>= 1) {
        if (e & 1) result *= base;
        base *= base;
      }
      return result;
    };
  }
  return (x) => Math.pow(x, n);
}
