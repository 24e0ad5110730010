// The expression language: precedence and printing, error positions, the closure evaluator against
// a direct interpreter, and print → parse identity on random trees.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { exprArb } from './arbitraries.js';
import { describe, expect, it } from 'vitest';
import { compileExpr, evaluateExpr, type Expr, ExprSyntaxError, exprEquals, freeIdentifiers, type FunctionName, parseExpr, printExpr, usesTime } from '../../src/symbolic/expr.js';

const VARS: Record<string, number> = { a: 1.7, b: -0.3, c: 2.5, k10: 0.16, V1: 856, 'mod.rate': 0.5 };

/** an interpreter written independently of compileExpr, to check it */
function interpret(e: Expr, v: Record<string, number>, t: number): number {
  switch (e.kind) {
    case 'num':
      return e.value;
    case 'id':
      return v[e.name]!;
    case 'time':
      return t;
    case 'const':
      return e.name === 'pi' ? Math.PI : Math.E;
    case 'neg':
      return -interpret(e.arg, v, t);
    case 'bin': {
      const l = interpret(e.left, v, t);
      const r = interpret(e.right, v, t);
      return e.op === '+' ? l + r : e.op === '-' ? l - r : e.op === '*' ? l * r : e.op === '/' ? l / r : l ** r;
    }
    case 'call': {
      const x = e.args.map((a) => interpret(a, v, t));
      const f: Record<FunctionName, (x: number[]) => number> = {
        exp: ([u]) => Math.exp(u!),
        ln: ([u]) => Math.log(u!),
        log: ([b, u]) => Math.log(u!) / Math.log(b!),
        log10: ([u]) => Math.log10(u!),
        sqrt: ([u]) => Math.sqrt(u!),
        abs: ([u]) => Math.abs(u!),
        min: (u) => Math.min(...u),
        max: (u) => Math.max(...u),
        cos: ([u]) => Math.cos(u!),
        sin: ([u]) => Math.sin(u!),
        floor: ([u]) => Math.floor(u!),
        ceil: ([u]) => Math.ceil(u!),
      };
      return f[e.fn](x);
    }
  }
}

function same(x: number, y: number): boolean {
  return Object.is(x, y) || (Number.isNaN(x) && Number.isNaN(y));
}

describe('parseExpr / printExpr', () => {
  it.each([
    ['a + b * c', 'a + b * c', 1.7 + -0.3 * 2.5],
    ['(a + b) * c', '(a + b) * c', (1.7 - 0.3) * 2.5],
    ['a - b - c', 'a - b - c', 1.7 + 0.3 - 2.5],
    ['a - (b - c)', 'a - (b - c)', 1.7 - (-0.3 - 2.5)],
    ['a / b / c', 'a / b / c', 1.7 / -0.3 / 2.5],
    ['a / (b * c)', 'a / (b * c)', 1.7 / (-0.3 * 2.5)],
    ['a ^ c ^ 2', 'a^c^2', 1.7 ** (2.5 ** 2)],
    ['(a ^ c) ^ 2', '(a^c)^2', (1.7 ** 2.5) ** 2],
    ['-a ^ 2', '-a^2', -(1.7 ** 2)],
    ['(-a) ^ 2', '(-a)^2', 1.7 ** 2],
    ['a ^ -2', 'a^-2', 1.7 ** -2],
    ['2 * -a', '2 * -a', -3.4],
    ['a - -b', 'a - -b', 1.7 - 0.3],
    ['+a', 'a', 1.7],
    ['--a', '--a', 1.7],
    ['-(a * c)', '-(a * c)', -1.7 * 2.5],
    ['pow(a, 2)', 'a^2', 1.7 ** 2],
    ['log(a)', 'ln(a)', Math.log(1.7)],
    ['log(2, 8)', 'log(2, 8)', 3],
    ['log10(1000)', 'log10(1000)', 3],
    ['sqrt(c) + abs(b)', 'sqrt(c) + abs(b)', Math.sqrt(2.5) + 0.3],
    ['min(a, b, c) * max(a, c)', 'min(a, b, c) * max(a, c)', -0.3 * 2.5],
    ['exp(ln(c))', 'exp(ln(c))', Math.exp(Math.log(2.5))],
    ['cos(pi) + sin(0)', 'cos(pi) + sin(0)', -1],
    ['exponentiale', 'exponentiale', Math.E],
    ['1.5e-9 * V1', '1.5e-9 * V1', 1.5e-9 * 856],
    ['.5 + 2.', '0.5 + 2', 2.5],
    ['k10*time', 'k10 * time', 0.16 * 3],
    ['floor(c) + ceil(b)', 'floor(c) + ceil(b)', 2],
    ['mod.rate*a', 'mod.rate * a', 0.85],
  ])('%s prints as %s', (src, printed, value) => {
    const e = parseExpr(src);
    expect(printExpr(e)).toBe(printed);
    expect(exprEquals(parseExpr(printed), e)).toBe(true);
    expect(evaluateExpr(e, VARS, 3)).toBeCloseTo(value, 12);
  });

  it.each([
    ['', 0, /empty expression/],
    ['a + * b', 4, /expected a number, a name or "\("/],
    ['(a + b', 6, /expected "\)" to close "\("/],
    ['a + b)', 5, /unmatched "\)"/],
    ['a b', 2, /unexpected "b" after a complete expression/],
    ['foo(1)', 0, /unknown function "foo"/],
    // names every object inherits are not functions
    ['constructor(1)', 0, /unknown function "constructor"/],
    ['toString(1)', 0, /unknown function "toString"/],
    ['exp(1, 2)', 0, /exp takes 1 argument, got 2/],
    ['pow(2)', 0, /pow takes 2 arguments/],
    ['min()', 4, /min\(\) needs at least one argument/],
    ['2x', 0, /malformed number "2x"/],
    ['a $ b', 2, /unexpected character "\$"/],
    ['a × b', 2, /use the ASCII operators/],
    ['a ^', 3, /expected a number/],
    ['exp + 1', 0, /function exp needs arguments/],
    ['time(2)', 0, /time is not a function/],
    ['1e999', 0, /out of range/],
    ['a.1b', 1, /malformed number/],
  ])('"%s" fails at position %i', (src, pos, message) => {
    let error: unknown;
    try {
      parseExpr(src);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExprSyntaxError);
    expect((error as ExprSyntaxError).position).toBe(pos);
    expect((error as ExprSyntaxError).message).toMatch(message);
    expect((error as ExprSyntaxError).message).toContain(`\n  ${' '.repeat(pos)}^`);
  });

  it('print → parse gives the same tree for random trees', () => {
    fc.assert(
      fc.property(exprArb, (e) => {
        const text = printExpr(e);
        const back = parseExpr(text);
        if (!exprEquals(back, e)) throw new Error(`${text} reparsed as ${printExpr(back)}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('compiled closures evaluate exactly as a direct interpreter', () => {
    fc.assert(
      fc.property(exprArb, fc.double({ min: -10, max: 10, noNaN: true }), (e, t) => {
        const names = Object.keys(VARS);
        const env = Float64Array.from(names.map((n) => VARS[n]!));
        const f = compileExpr(e, (n) => names.indexOf(n));
        expect(same(f(env, t), interpret(e, VARS, t))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('free identifiers and time use', () => {
    const e = parseExpr('k10 * a + exp(-a / V1) * time + pi');
    expect(freeIdentifiers(e)).toEqual(['k10', 'a', 'V1']);
    expect(usesTime(e)).toBe(true);
    expect(usesTime(parseExpr('a + b'))).toBe(false);
    expect(() => compileExpr(parseExpr('a + zz'), (n) => { if (n === 'a') return 0; throw new RangeError(`unknown ${n}`); })).toThrow(/unknown zz/);
    expect(() => evaluateExpr(parseExpr('a + zz'), VARS)).toThrow(/no value for "zz"/);
  });

  it('the symbolic sources never use eval or new Function (the web CSP forbids them)', () => {
    const dir = new URL('../../src/symbolic/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const f of files) {
      const src = readFileSync(new URL(f, dir), 'utf8').replace(/\/\/.*$/gm, '');
      expect(src, f).not.toMatch(/\beval\s*\(|new\s+Function\b|\bFunction\s*\(/);
    }
  });
});
