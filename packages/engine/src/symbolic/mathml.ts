// Conversion between our expressions (expr.ts) and content MathML, the math of SBML. The writer
// emits only what SBML Level 3 core allows (<apply> with plus, minus, times, divide, power, exp,
// ln, log with <logbase>, root, abs, min, max, cos, sin, floor, ceiling; <ci>, <cn>, <pi/>,
// <exponentiale/> and the csymbol for time), writes left-nested chains of + and * as one n-ary <apply>, and reads them back
// left-nested, so write → read → write is the same text. The reader also accepts what other tools
// commonly write for the same operators (n-ary plus with 0 or 1 argument, <cn type="integer">,
// "e-notation" and "rational" numbers, <root> with a <degree>, <semantics>, <log> without base)
// and refuses, by name, anything the expression language cannot express.

import { bin, call, type Expr, type FunctionName, neg, num, RESERVED_NAMES } from './expr.js';
import { childElements, escapeText, isElement, parseXml, textContent, type XmlElement } from './xml.js';

export const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';
export const SBML_TIME_URL = 'http://www.sbml.org/sbml/symbols/time';
export const SBML_AVOGADRO_URL = 'http://www.sbml.org/sbml/symbols/avogadro';
/** the value SBML Level 3 defines for its avogadro csymbol */
export const SBML_AVOGADRO = 6.02214179e23;

export class MathMLError extends Error {
  constructor(message: string) {
    super(`MathML: ${message}`);
    this.name = 'MathMLError';
  }
}

// ---------------------------------------------------------------- writing

const ELEMENT_OF: Readonly<Record<Exclude<FunctionName, 'log10' | 'log' | 'sqrt'>, string>> = {
  exp: 'exp',
  ln: 'ln',
  abs: 'abs',
  min: 'min',
  max: 'max',
  cos: 'cos',
  sin: 'sin',
  floor: 'floor',
  ceil: 'ceiling',
};

/** <cn> for a finite number; exponent forms use type="e-notation" as MathML 2 requires */
export function cnElement(x: number): string {
  if (!Number.isFinite(x)) throw new MathMLError(`cannot write the non-finite number ${x}`);
  const s = Object.is(x, -0) ? '-0' : String(x);
  const e = s.indexOf('e');
  if (e < 0) return `<cn>${s}</cn>`;
  const exp = s.slice(e + 1).replace(/^\+/, '');
  return `<cn type="e-notation">${s.slice(0, e)}<sep/>${exp}</cn>`;
}

function flatten(e: Expr, op: '+' | '*'): Expr[] {
  return e.kind === 'bin' && e.op === op ? [...flatten(e.left, op), e.right] : [e];
}

type Rename = (id: string) => string;

/** the MathML content of an expression as lines, each indented by `pad` + k·`unit` */
function lines(e: Expr, pad: string, unit: string, ci: Rename): string[] {
  const sub = (a: Expr, p: string) => lines(a, p, unit, ci);
  const apply = (head: string, args: readonly Expr[]): string[] => [`${pad}<apply>`, `${pad}${unit}${head}`, ...args.flatMap((a) => sub(a, pad + unit)), `${pad}</apply>`];
  switch (e.kind) {
    case 'num':
      return [`${pad}${cnElement(e.value)}`];
    case 'id':
      return [`${pad}<ci>${escapeText(ci(e.name))}</ci>`];
    case 'time':
      return [`${pad}<csymbol encoding="text" definitionURL="${SBML_TIME_URL}">time</csymbol>`];
    case 'const':
      return [`${pad}<${e.name === 'pi' ? 'pi' : 'exponentiale'}/>`];
    case 'neg':
      return apply('<minus/>', [e.arg]);
    case 'bin':
      switch (e.op) {
        case '+':
          return apply('<plus/>', flatten(e, '+'));
        case '*':
          return apply('<times/>', flatten(e, '*'));
        case '-':
          return apply('<minus/>', [e.left, e.right]);
        case '/':
          return apply('<divide/>', [e.left, e.right]);
        case '^':
          return apply('<power/>', [e.left, e.right]);
      }
      break;
    case 'call':
      switch (e.fn) {
        case 'sqrt':
          return apply('<root/>', e.args);
        case 'log10':
          return apply('<log/>', e.args);
        case 'log':
          return [`${pad}<apply>`, `${pad}${unit}<log/>`, `${pad}${unit}<logbase>`, ...sub(e.args[0]!, pad + unit + unit), `${pad}${unit}</logbase>`, ...sub(e.args[1]!, pad + unit), `${pad}</apply>`];
        default:
          return apply(`<${ELEMENT_OF[e.fn]}/>`, e.args);
      }
  }
}

export interface MathMLWriteOptions {
  /** indentation of the <math> element (default '') */
  indent?: string;
  /** one level of indentation (default two spaces) */
  unit?: string;
  /** the name written in <ci> for an identifier (default: itself); SBML needs SIds, without dots */
  ci?: Rename;
}

export interface MathMLReadOptions {
  /** maps the name in a <ci> back to an identifier (default: itself) */
  ci?: Rename;
}

/** A complete <math xmlns="…MathML"> element for an expression, one element per line. */
export function toMathML(e: Expr, options: MathMLWriteOptions = {}): string {
  const pad = options.indent ?? '';
  const unit = options.unit ?? '  ';
  return [`${pad}<math xmlns="${MATHML_NS}">`, ...lines(e, pad + unit, unit, options.ci ?? ((x) => x)), `${pad}</math>`].join('\n');
}

// ---------------------------------------------------------------- reading

function elementsOf(el: XmlElement): XmlElement[] {
  for (const c of el.children) {
    if (!isElement(c) && c.trim() !== '') throw new MathMLError(`unexpected text ${JSON.stringify(c.trim())} in <${el.local}>`);
  }
  return childElements(el);
}

function parseNumber(text: string, where: string): number {
  const t = text.trim();
  const v = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t) ? Number(t) : NaN;
  if (!Number.isFinite(v)) throw new MathMLError(`${where}: "${t}" is not a finite number`);
  return v;
}

function readCn(el: XmlElement): Expr {
  const type = el.attrs.type ?? 'real';
  if (el.attrs.base !== undefined && el.attrs.base !== '10') throw new MathMLError(`<cn base="${el.attrs.base}"> is not supported (base 10 only)`);
  if (type === 'real' || type === 'integer' || type === 'double') {
    if (childElements(el).length > 0) throw new MathMLError(`<cn type="${type}"> must hold only a number`);
    return num(parseNumber(textContent(el), '<cn>'));
  }
  if (type === 'e-notation' || type === 'rational') {
    const parts: string[] = [''];
    for (const c of el.children) {
      if (isElement(c)) {
        if (c.local !== 'sep') throw new MathMLError(`unexpected <${c.local}> in <cn type="${type}">`);
        parts.push('');
      } else parts[parts.length - 1] += c;
    }
    if (parts.length !== 2) throw new MathMLError(`<cn type="${type}"> needs exactly one <sep/>`);
    const a = parseNumber(parts[0]!, `<cn type="${type}">`);
    const b = parseNumber(parts[1]!, `<cn type="${type}">`);
    if (type === 'rational') return bin('/', num(a), num(b));
    const v = Number(`${parts[0]!.trim()}e${parts[1]!.trim()}`);
    if (!Number.isFinite(v)) throw new MathMLError(`<cn type="e-notation"> ${a}e${b} is not finite`);
    return num(v);
  }
  throw new MathMLError(`<cn type="${type}"> is not supported (real, integer, double, e-notation, rational)`);
}

const UNARY: Readonly<Record<string, FunctionName>> = { exp: 'exp', ln: 'ln', abs: 'abs', cos: 'cos', sin: 'sin', floor: 'floor', ceiling: 'ceil' };
const SUPPORTED = 'plus, minus, times, divide, power, exp, ln, log, root, abs, min, max, cos, sin, floor, ceiling';

function readApply(el: XmlElement, ci: Rename): Expr {
  const kids = elementsOf(el);
  const head = kids[0];
  if (!head) throw new MathMLError('<apply> without an operator');
  const op = head.local;
  const qualifiers = kids.slice(1).filter((k) => k.local === 'logbase' || k.local === 'degree');
  const args = kids.slice(1).filter((k) => k.local !== 'logbase' && k.local !== 'degree').map((k) => readNode(k, ci));
  const arity = (n: number) => {
    if (args.length !== n) throw new MathMLError(`<${op}/> takes ${n} argument${n === 1 ? '' : 's'}, got ${args.length}`);
  };
  if (qualifiers.length > 0 && !((op === 'log' && qualifiers[0]!.local === 'logbase') || (op === 'root' && qualifiers[0]!.local === 'degree'))) {
    throw new MathMLError(`<${qualifiers[0]!.local}> is not allowed in <${op}/>`);
  }
  if (qualifiers.length > 1) throw new MathMLError(`more than one <${qualifiers[1]!.local}> in <${op}/>`);
  const qualifier = (): Expr => {
    const inner = elementsOf(qualifiers[0]!);
    if (inner.length !== 1) throw new MathMLError(`<${qualifiers[0]!.local}> must hold one expression`);
    return readNode(inner[0]!, ci);
  };
  switch (op) {
    case 'plus':
      if (args.length === 0) return num(0);
      return args.reduce((a, b) => bin('+', a, b));
    case 'times':
      if (args.length === 0) return num(1);
      return args.reduce((a, b) => bin('*', a, b));
    case 'minus':
      if (args.length === 1) return neg(args[0]!);
      arity(2);
      return bin('-', args[0]!, args[1]!);
    case 'divide':
      arity(2);
      return bin('/', args[0]!, args[1]!);
    case 'power':
      arity(2);
      return bin('^', args[0]!, args[1]!);
    case 'root':
      arity(1);
      return qualifiers.length ? bin('^', args[0]!, bin('/', num(1), qualifier())) : call('sqrt', args);
    case 'log':
      arity(1);
      return qualifiers.length ? call('log', [qualifier(), args[0]!]) : call('log10', args);
    case 'min':
    case 'max':
      if (args.length === 0) throw new MathMLError(`<${op}/> needs at least one argument`);
      return call(op, args);
    default: {
      const fn = UNARY[op];
      if (!fn) throw new MathMLError(`operator <${op}/> is not supported; supported: ${SUPPORTED}`);
      arity(1);
      return call(fn, args);
    }
  }
}

function readNode(el: XmlElement, ci: Rename): Expr {
  switch (el.local) {
    case 'cn':
      return readCn(el);
    case 'ci': {
      const name = textContent(el).trim();
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new MathMLError(`<ci>${name}</ci> is not an SBML identifier`);
      if (RESERVED_NAMES.includes(name)) throw new MathMLError(`<ci>${name}</ci>: "${name}" is reserved in LDN Workbench expressions; rename it`);
      return { kind: 'id', name: ci(name) };
    }
    case 'csymbol': {
      const url = el.attrs.definitionURL ?? '';
      if (url === SBML_TIME_URL) return { kind: 'time' };
      if (url === SBML_AVOGADRO_URL) return num(SBML_AVOGADRO);
      throw new MathMLError(`csymbol ${url || '(no definitionURL)'} is not supported (time and avogadro are)`);
    }
    case 'pi':
      return { kind: 'const', name: 'pi' };
    case 'exponentiale':
      return { kind: 'const', name: 'exponentiale' };
    case 'apply':
      return readApply(el, ci);
    case 'semantics': {
      const first = childElements(el)[0];
      if (!first) throw new MathMLError('empty <semantics>');
      return readNode(first, ci);
    }
    case 'piecewise':
      throw new MathMLError('<piecewise> is not supported: write switches as events');
    default:
      throw new MathMLError(`<${el.local}> is not supported here`);
  }
}

/** Reads a <math> element (or any MathML content element) into an expression. */
export function fromMathML(el: XmlElement, options: MathMLReadOptions = {}): Expr {
  const ci = options.ci ?? ((x: string) => x);
  if (el.local !== 'math') return readNode(el, ci);
  const kids = elementsOf(el);
  if (kids.length !== 1) throw new MathMLError(`<math> must hold exactly one expression, found ${kids.length}`);
  return readNode(kids[0]!, ci);
}

/** Parses MathML text (a <math> element) into an expression. */
export function parseMathML(text: string, options: MathMLReadOptions = {}): Expr {
  return fromMathML(parseXml(text), options);
}
