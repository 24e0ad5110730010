// Random expression trees for property tests (fast-check), of the shape parseExpr produces.
import fc from 'fast-check';
import type { Expr, FunctionName } from '../../src/symbolic/expr.js';

/** the identifiers random trees use; tests give them values */
export const ARB_NAMES = ['a', 'b', 'c', 'k10', 'V1'] as const;

/** random trees of the shape parseExpr produces (no negative literals; pow is ^; log has two arguments) */
export const exprArb: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(
      fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }).filter((x) => !Object.is(x, -0)).map((value): Expr => ({ kind: 'num', value })),
      fc.integer({ min: 0, max: 100 }).map((value): Expr => ({ kind: 'num', value })),
      fc.constantFrom(...ARB_NAMES).map((name): Expr => ({ kind: 'id', name })),
      fc.constant<Expr>({ kind: 'time' }),
      fc.constantFrom<Expr>({ kind: 'const', name: 'pi' }, { kind: 'const', name: 'exponentiale' }),
    ),
    tie('e').map((arg): Expr => ({ kind: 'neg', arg })),
    fc.tuple(fc.constantFrom('+', '-', '*', '/', '^' as const), tie('e'), tie('e')).map(([op, left, right]): Expr => ({ kind: 'bin', op, left, right })),
    fc.tuple(fc.constantFrom<FunctionName>('exp', 'ln', 'log10', 'sqrt', 'abs', 'cos', 'sin', 'floor', 'ceil'), tie('e')).map(([fn, x]): Expr => ({ kind: 'call', fn, args: [x] })),
    fc.tuple(fc.constantFrom<FunctionName>('min', 'max'), fc.array(tie('e'), { minLength: 1, maxLength: 3 })).map(([fn, args]): Expr => ({ kind: 'call', fn, args })),
    fc.tuple(tie('e'), tie('e')).map(([b, x]): Expr => ({ kind: 'call', fn: 'log', args: [b, x] })),
  ),
})).e;

