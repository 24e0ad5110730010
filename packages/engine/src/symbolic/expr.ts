// A small infix expression language for rate laws and assignments. The models' right-hand sides
// are hand-written JS for speed, and JS cannot be exported; these expressions can: they print back
// to the same text, convert to and from SBML's content MathML (mathml.ts), and evaluate without
// `eval` or `new Function` (the web app's Content-Security-Policy forbids both), by compiling the
// syntax tree once into a tree of closures.
//
// Grammar (usual precedence; `^` is right-associative and binds tighter than unary minus, so
// -x^2 = -(x^2) and a^-b is allowed):
//   expr    := term (('+' | '-') term)*
//   term    := unary (('*' | '/') unary)*
//   unary   := ('-' | '+') unary | power
//   power   := primary ('^' unary)?
//   primary := number | name | name '(' expr (',' expr)* ')' | '(' expr ')'
// Names are SBML-style identifiers, optionally dotted (`rebound.halfLife`: hypothesis modules
// prefix their ids with the module id; the SBML writer maps dots to SIds). Reserved names: `time`
// (SBML's csymbol time, hours here), `pi`, `exponentiale`. Functions: exp, ln, log (one argument:
// natural log, an alias of ln; two arguments: log(base, x)), log10, sqrt, pow (the same node as
// ^), abs, min, max, cos, sin, floor, ceil. No piecewise, relations or booleans: rate laws and
// outputs here are smooth, and doses are events, not switches in the right-hand side.

export type BinaryOp = '+' | '-' | '*' | '/' | '^';
export type FunctionName = 'exp' | 'ln' | 'log' | 'log10' | 'sqrt' | 'abs' | 'min' | 'max' | 'cos' | 'sin' | 'floor' | 'ceil';
export type ConstantName = 'pi' | 'exponentiale';

export type Expr =
  | { readonly kind: 'num'; readonly value: number }
  | { readonly kind: 'id'; readonly name: string }
  | { readonly kind: 'time' }
  | { readonly kind: 'const'; readonly name: ConstantName }
  | { readonly kind: 'neg'; readonly arg: Expr }
  | { readonly kind: 'bin'; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'call'; readonly fn: FunctionName; readonly args: readonly Expr[] };

/** names the language gives a meaning of its own; model ids may not use them */
export const RESERVED_NAMES: readonly string[] = ['time', 'pi', 'exponentiale'];

interface FunctionSpec {
  readonly minArgs: number;
  readonly maxArgs: number;
  readonly apply: (args: readonly number[]) => number;
}

export const FUNCTIONS: Readonly<Record<FunctionName, FunctionSpec>> = {
  exp: { minArgs: 1, maxArgs: 1, apply: (a) => Math.exp(a[0]!) },
  ln: { minArgs: 1, maxArgs: 1, apply: (a) => Math.log(a[0]!) },
  log: { minArgs: 2, maxArgs: 2, apply: (a) => Math.log(a[1]!) / Math.log(a[0]!) },
  log10: { minArgs: 1, maxArgs: 1, apply: (a) => Math.log10(a[0]!) },
  sqrt: { minArgs: 1, maxArgs: 1, apply: (a) => Math.sqrt(a[0]!) },
  abs: { minArgs: 1, maxArgs: 1, apply: (a) => Math.abs(a[0]!) },
  min: { minArgs: 1, maxArgs: Infinity, apply: (a) => Math.min(...a) },
  max: { minArgs: 1, maxArgs: Infinity, apply: (a) => Math.max(...a) },
  cos: { minArgs: 1, maxArgs: 1, apply: (a) => Math.cos(a[0]!) },
  sin: { minArgs: 1, maxArgs: 1, apply: (a) => Math.sin(a[0]!) },
  floor: { minArgs: 1, maxArgs: 1, apply: (a) => Math.floor(a[0]!) },
  ceil: { minArgs: 1, maxArgs: 1, apply: (a) => Math.ceil(a[0]!) },
};

/** an identifier: letters, digits and _, not starting with a digit; dotted parts allowed */
export const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;

export class ExprSyntaxError extends Error {
  /** 0-based character offset of the problem in `source` */
  readonly position: number;
  readonly source: string;
  constructor(message: string, source: string, position: number) {
    super(`${message} at position ${position + 1}\n  ${source}\n  ${' '.repeat(position)}^`);
    this.name = 'ExprSyntaxError';
    this.position = position;
    this.source = source;
  }
}

// ---------------------------------------------------------------- constructors

export const num = (value: number): Expr => ({ kind: 'num', value });
export const id = (name: string): Expr => ({ kind: 'id', name });
export const neg = (arg: Expr): Expr => ({ kind: 'neg', arg });
export const bin = (op: BinaryOp, left: Expr, right: Expr): Expr => ({ kind: 'bin', op, left, right });
export const call = (fn: FunctionName, args: readonly Expr[]): Expr => ({ kind: 'call', fn, args });

// ---------------------------------------------------------------- tokenizer and parser

type Token =
  | { t: 'num'; value: number; pos: number; text: string }
  | { t: 'name'; name: string; pos: number }
  | { t: 'op'; op: string; pos: number }
  | { t: 'end'; pos: number };

const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/;

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const rest = src.slice(i);
    const n = NUMBER.exec(rest);
    if (n) {
      const after = src[i + n[0].length];
      if (after !== undefined && /[A-Za-z_]/.test(after)) throw new ExprSyntaxError(`malformed number "${n[0]}${after}"`, src, i);
      const value = Number(n[0]);
      if (!Number.isFinite(value)) throw new ExprSyntaxError(`number ${n[0]} is out of range`, src, i);
      out.push({ t: 'num', value, pos: i, text: n[0] });
      i += n[0].length;
      continue;
    }
    const m = NAME.exec(rest);
    if (m) {
      out.push({ t: 'name', name: m[0], pos: i });
      i += m[0].length;
      continue;
    }
    if ('+-*/^(),'.includes(c)) {
      out.push({ t: 'op', op: c, pos: i });
      i++;
      continue;
    }
    if ('×·−÷'.includes(c)) throw new ExprSyntaxError(`use the ASCII operators * / -, not "${c}"`, src, i);
    throw new ExprSyntaxError(`unexpected character "${c}"`, src, i);
  }
  out.push({ t: 'end', pos: src.length });
  return out;
}

function describe(tok: Token): string {
  switch (tok.t) {
    case 'num':
      return `number ${tok.text}`;
    case 'name':
      return `"${tok.name}"`;
    case 'op':
      return `"${tok.op}"`;
    case 'end':
      return 'end of expression';
  }
}

class Parser {
  private k = 0;
  constructor(
    private readonly src: string,
    private readonly toks: Token[],
  ) {}

  private peek(): Token {
    return this.toks[this.k]!;
  }
  private isOp(op: string): boolean {
    const t = this.peek();
    return t.t === 'op' && t.op === op;
  }
  private fail(message: string, tok: Token = this.peek()): never {
    throw new ExprSyntaxError(message, this.src, tok.pos);
  }
  private expectOp(op: string, context: string): void {
    if (!this.isOp(op)) this.fail(`expected "${op}" ${context}, found ${describe(this.peek())}`);
    this.k++;
  }

  parseAll(): Expr {
    if (this.peek().t === 'end') this.fail('empty expression');
    const e = this.expr();
    const t = this.peek();
    if (t.t !== 'end') this.fail(t.t === 'op' && t.op === ')' ? 'unmatched ")"' : `unexpected ${describe(t)} after a complete expression`);
    return e;
  }

  private expr(): Expr {
    let left = this.term();
    while (this.isOp('+') || this.isOp('-')) {
      const op = (this.toks[this.k++] as { op: '+' | '-' }).op;
      left = bin(op, left, this.term());
    }
    return left;
  }

  private term(): Expr {
    let left = this.unary();
    while (this.isOp('*') || this.isOp('/')) {
      const op = (this.toks[this.k++] as { op: '*' | '/' }).op;
      left = bin(op, left, this.unary());
    }
    return left;
  }

  private unary(): Expr {
    if (this.isOp('-')) {
      this.k++;
      return neg(this.unary());
    }
    if (this.isOp('+')) {
      this.k++;
      return this.unary();
    }
    return this.power();
  }

  private power(): Expr {
    const base = this.primary();
    if (this.isOp('^')) {
      this.k++;
      return bin('^', base, this.unary());
    }
    return base;
  }

  private primary(): Expr {
    const t = this.peek();
    if (t.t === 'num') {
      this.k++;
      return num(t.value);
    }
    if (t.t === 'name') {
      this.k++;
      if (this.isOp('(')) return this.callOf(t);
      if (t.name === 'time') return { kind: 'time' };
      if (t.name === 'pi' || t.name === 'exponentiale') return { kind: 'const', name: t.name };
      if (t.name in FUNCTIONS || t.name === 'pow') this.fail(`function ${t.name} needs arguments in parentheses`, t);
      return id(t.name);
    }
    if (t.t === 'op' && t.op === '(') {
      this.k++;
      if (this.isOp(')')) this.fail('empty parentheses');
      const e = this.expr();
      this.expectOp(')', 'to close "("');
      return e;
    }
    return this.fail(`expected a number, a name or "(", found ${describe(t)}`);
  }

  private callOf(nameTok: Extract<Token, { t: 'name' }>): Expr {
    const name = nameTok.name;
    this.k++; // (
    const args: Expr[] = [];
    if (this.isOp(')')) this.fail(`${name}() needs at least one argument`);
    for (;;) {
      args.push(this.expr());
      if (this.isOp(',')) {
        this.k++;
        continue;
      }
      this.expectOp(')', `to close the arguments of ${name}`);
      break;
    }
    if (name === 'pow') {
      if (args.length !== 2) this.fail(`pow takes 2 arguments (base, exponent), got ${args.length}`, nameTok);
      return bin('^', args[0]!, args[1]!);
    }
    if (name === 'log' && args.length === 1) return call('ln', args);
    if (!Object.hasOwn(FUNCTIONS, name)) {
      const known = [...Object.keys(FUNCTIONS), 'pow'].sort().join(', ');
      this.fail(RESERVED_NAMES.includes(name) ? `${name} is not a function` : `unknown function "${name}"; known: ${known}`, nameTok);
    }
    const fn = name as FunctionName;
    const spec = FUNCTIONS[fn];
    if (args.length < spec.minArgs || args.length > spec.maxArgs) {
      const want = spec.minArgs === spec.maxArgs ? `${spec.minArgs}` : spec.maxArgs === Infinity ? `at least ${spec.minArgs}` : `${spec.minArgs}–${spec.maxArgs}`;
      this.fail(`${name} takes ${want} argument${want === '1' ? '' : 's'}, got ${args.length}`, nameTok);
    }
    return call(fn, args);
  }
}

/** Parses infix text into a syntax tree; throws ExprSyntaxError naming the position. */
export function parseExpr(source: string): Expr {
  return new Parser(source, tokenize(source)).parseAll();
}

// ---------------------------------------------------------------- printer

function precedence(e: Expr): number {
  switch (e.kind) {
    case 'bin':
      return e.op === '+' || e.op === '-' ? 1 : e.op === '^' ? 4 : 2;
    case 'neg':
      return 3;
    default:
      return 5;
  }
}

function formatNumber(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`cannot print the non-finite number ${x}`);
  return Object.is(x, -0) ? '-0' : String(x);
}

/**
 * Prints an expression as infix text with the fewest parentheses that keep its tree:
 * parseExpr(printExpr(e)) is e again for every tree parseExpr makes (a negative number, which only
 * MathML can give, prints in parentheses and reads back as the negation of a positive one).
 */
export function printExpr(e: Expr): string {
  const wrap = (child: Expr, needs: boolean) => (needs ? `(${printExpr(child)})` : printExpr(child));
  switch (e.kind) {
    case 'num':
      return e.value < 0 || Object.is(e.value, -0) ? `(${formatNumber(e.value)})` : formatNumber(e.value);
    case 'id':
      return e.name;
    case 'time':
      return 'time';
    case 'const':
      return e.name;
    case 'neg':
      return `-${wrap(e.arg, precedence(e.arg) < 3)}`;
    case 'call':
      return `${e.fn}(${e.args.map(printExpr).join(', ')})`;
    case 'bin': {
      const p = precedence(e);
      if (e.op === '^') return `${wrap(e.left, precedence(e.left) <= 4)}^${wrap(e.right, precedence(e.right) < 3)}`;
      const left = wrap(e.left, precedence(e.left) < p);
      const right = wrap(e.right, precedence(e.right) <= p);
      return `${left} ${e.op} ${right}`;
    }
  }
}

// ---------------------------------------------------------------- analysis

/** Identifiers an expression reads (not `time`, not constants), each once, in first-use order. */
export function freeIdentifiers(e: Expr, into: string[] = []): string[] {
  switch (e.kind) {
    case 'id':
      if (!into.includes(e.name)) into.push(e.name);
      break;
    case 'neg':
      freeIdentifiers(e.arg, into);
      break;
    case 'bin':
      freeIdentifiers(e.left, into);
      freeIdentifiers(e.right, into);
      break;
    case 'call':
      for (const a of e.args) freeIdentifiers(a, into);
      break;
    default:
      break;
  }
  return into;
}

export function usesTime(e: Expr): boolean {
  switch (e.kind) {
    case 'time':
      return true;
    case 'neg':
      return usesTime(e.arg);
    case 'bin':
      return usesTime(e.left) || usesTime(e.right);
    case 'call':
      return e.args.some(usesTime);
    default:
      return false;
  }
}

/** structural equality of two trees (numbers by value, -0 ≠ 0) */
export function exprEquals(a: Expr, b: Expr): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'num':
      return Object.is(a.value, (b as typeof a).value);
    case 'id':
      return a.name === (b as typeof a).name;
    case 'time':
      return true;
    case 'const':
      return a.name === (b as typeof a).name;
    case 'neg':
      return exprEquals(a.arg, (b as typeof a).arg);
    case 'bin': {
      const o = b as typeof a;
      return a.op === o.op && exprEquals(a.left, o.left) && exprEquals(a.right, o.right);
    }
    case 'call': {
      const o = b as typeof a;
      return a.fn === o.fn && a.args.length === o.args.length && a.args.every((x, i) => exprEquals(x, o.args[i]!));
    }
  }
}

// ---------------------------------------------------------------- evaluation

/** A compiled expression: reads identifier values from `env` at the slots chosen when compiling. */
export type CompiledExpr = (env: Float64Array, time: number) => number;

/**
 * Compiles a tree into nested closures. `slotOf` maps each identifier to its index in the `env`
 * array that the compiled function will be given (and throws for unknown ones), so look-ups by
 * name happen once here, not at every evaluation.
 */
export function compileExpr(e: Expr, slotOf: (name: string) => number): CompiledExpr {
  switch (e.kind) {
    case 'num': {
      const v = e.value;
      return () => v;
    }
    case 'id': {
      const s = slotOf(e.name);
      return (env) => env[s]!;
    }
    case 'time':
      return (_env, t) => t;
    case 'const': {
      const v = e.name === 'pi' ? Math.PI : Math.E;
      return () => v;
    }
    case 'neg': {
      const a = compileExpr(e.arg, slotOf);
      return (env, t) => -a(env, t);
    }
    case 'bin': {
      const l = compileExpr(e.left, slotOf);
      const r = compileExpr(e.right, slotOf);
      switch (e.op) {
        case '+':
          return (env, t) => l(env, t) + r(env, t);
        case '-':
          return (env, t) => l(env, t) - r(env, t);
        case '*':
          return (env, t) => l(env, t) * r(env, t);
        case '/':
          return (env, t) => l(env, t) / r(env, t);
        case '^':
          return (env, t) => Math.pow(l(env, t), r(env, t));
      }
      break;
    }
    case 'call': {
      const args = e.args.map((a) => compileExpr(a, slotOf));
      const spec = FUNCTIONS[e.fn];
      if (args.length === 1) {
        const a = args[0]!;
        switch (e.fn) {
          case 'exp':
            return (env, t) => Math.exp(a(env, t));
          case 'ln':
            return (env, t) => Math.log(a(env, t));
          case 'sqrt':
            return (env, t) => Math.sqrt(a(env, t));
          case 'abs':
            return (env, t) => Math.abs(a(env, t));
          default:
            break;
        }
      }
      const buf: number[] = new Array<number>(args.length).fill(0);
      return (env, t) => {
        for (let i = 0; i < args.length; i++) buf[i] = args[i]!(env, t);
        return spec.apply(buf);
      };
    }
  }
}

/** Evaluates once with named values (convenient, slower than compileExpr for repeated use). */
export function evaluateExpr(e: Expr, values: Readonly<Record<string, number>>, time = 0): number {
  const names = freeIdentifiers(e);
  const env = new Float64Array(names.length);
  names.forEach((n, i) => {
    const v = values[n];
    if (v === undefined) throw new RangeError(`no value for "${n}" in ${printExpr(e)}`);
    env[i] = v;
  });
  return compileExpr(e, (n) => names.indexOf(n))(env, time);
}
