// Content MathML: every operator written and read back, the n-ary folding that makes
// write → read → write the same text, the variants other tools write, and refusals by name.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateExpr, exprEquals, parseExpr, printExpr } from '../../src/symbolic/expr.js';
import { cnElement, parseMathML, toMathML } from '../../src/symbolic/mathml.js';
import { exprArb } from './arbitraries.js';

const M = (body: string) => `<math xmlns="http://www.w3.org/1998/Math/MathML">${body}</math>`;
const V = { a: 1.7, b: -0.3, c: 2.5, k10: 0.16, V1: 856 };
const compact = (s: string) => s.replace(/\n\s*/g, '');

describe('toMathML / parseMathML: every operator', () => {
  it.each([
    ['a + b', '<apply><plus/><ci>a</ci><ci>b</ci></apply>'],
    ['a + b + c', '<apply><plus/><ci>a</ci><ci>b</ci><ci>c</ci></apply>'],
    ['a + (b + c)', '<apply><plus/><ci>a</ci><apply><plus/><ci>b</ci><ci>c</ci></apply></apply>'],
    ['a - b', '<apply><minus/><ci>a</ci><ci>b</ci></apply>'],
    ['-a', '<apply><minus/><ci>a</ci></apply>'],
    ['a * b * c', '<apply><times/><ci>a</ci><ci>b</ci><ci>c</ci></apply>'],
    ['a / b', '<apply><divide/><ci>a</ci><ci>b</ci></apply>'],
    ['a ^ 2', '<apply><power/><ci>a</ci><cn>2</cn></apply>'],
    ['exp(a)', '<apply><exp/><ci>a</ci></apply>'],
    ['ln(c)', '<apply><ln/><ci>c</ci></apply>'],
    ['log(2, c)', '<apply><log/><logbase><cn>2</cn></logbase><ci>c</ci></apply>'],
    ['log10(c)', '<apply><log/><ci>c</ci></apply>'],
    ['sqrt(c)', '<apply><root/><ci>c</ci></apply>'],
    ['abs(b)', '<apply><abs/><ci>b</ci></apply>'],
    ['min(a, b, c)', '<apply><min/><ci>a</ci><ci>b</ci><ci>c</ci></apply>'],
    ['max(a, b)', '<apply><max/><ci>a</ci><ci>b</ci></apply>'],
    ['cos(a)', '<apply><cos/><ci>a</ci></apply>'],
    ['sin(a)', '<apply><sin/><ci>a</ci></apply>'],
    ['floor(a)', '<apply><floor/><ci>a</ci></apply>'],
    ['ceil(a)', '<apply><ceiling/><ci>a</ci></apply>'],
    ['pi', '<pi/>'],
    ['exponentiale', '<exponentiale/>'],
    ['time', '<csymbol encoding="text" definitionURL="http://www.sbml.org/sbml/symbols/time">time</csymbol>'],
    ['0.5', '<cn>0.5</cn>'],
    ['1.5e-9', '<cn type="e-notation">1.5<sep/>-9</cn>'],
    ['2e21', '<cn type="e-notation">2<sep/>21</cn>'],
  ])('%s ↔ %s', (src, body) => {
    const e = parseExpr(src);
    const xml = toMathML(e);
    expect(compact(xml)).toBe(M(body));
    const back = parseMathML(xml);
    expect(exprEquals(back, e)).toBe(true);
    expect(toMathML(back)).toBe(xml);
    expect(evaluateExpr(back, V, 2)).toBe(evaluateExpr(e, V, 2));
  });

  it('ci names can be mapped both ways (dotted ids ↔ SBML SIds)', () => {
    const e = parseExpr('rebound.k * a');
    const xml = toMathML(e, { ci: (n) => n.replace(/\./g, '__') });
    expect(compact(xml)).toBe(M('<apply><times/><ci>rebound__k</ci><ci>a</ci></apply>'));
    expect(exprEquals(parseMathML(xml, { ci: (n) => n.replace(/__/g, '.') }), e)).toBe(true);
  });

  it('pretty-prints one element per line with the given indentation', () => {
    expect(toMathML(parseExpr('k10 * V1'), { indent: '    ', unit: '\t' })).toBe(
      ['    <math xmlns="http://www.w3.org/1998/Math/MathML">', '    \t<apply>', '    \t\t<times/>', '    \t\t<ci>k10</ci>', '    \t\t<ci>V1</ci>', '    \t</apply>', '    </math>'].join('\n'),
    );
  });

  it('random trees: MathML → tree is the same tree, and writing it again is the same text', () => {
    fc.assert(
      fc.property(exprArb, (e) => {
        const xml = toMathML(e);
        const back = parseMathML(xml);
        if (!exprEquals(back, e)) throw new Error(`${printExpr(e)} came back as ${printExpr(back)}`);
        expect(toMathML(back)).toBe(xml);
      }),
      { numRuns: 1000 },
    );
  });

  it('cn: numbers keep every bit', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const e = parseMathML(M(cnElement(x)));
        expect(e.kind === 'num' && Object.is(e.value, x)).toBe(true);
      }),
    );
    expect(() => cnElement(Infinity)).toThrow(/non-finite/);
  });
});

describe('parseMathML: what other tools write', () => {
  it.each([
    ['n-ary plus of none is 0', '<apply><plus/></apply>', '0'],
    ['n-ary times of none is 1', '<apply><times/></apply>', '1'],
    ['plus of one is that one', '<apply><plus/><ci> a </ci></apply>', 'a'],
    ['integer cn with spaces', '<cn type="integer"> 42 </cn>', '42'],
    ['e-notation with spaces', '<cn type="e-notation"> 1.5 <sep/> 3 </cn>', '1500'],
    ['rational', '<cn type="rational">1<sep/>3</cn>', '1 / 3'],
    ['root with a degree', '<apply><root/><degree><cn>3</cn></degree><ci>c</ci></apply>', 'c^(1 / 3)'],
    ['semantics wrapper', '<semantics><apply><times/><ci>a</ci><ci>b</ci></apply><annotation encoding="x">a*b</annotation></semantics>', 'a * b'],
    ['avogadro csymbol', '<csymbol encoding="text" definitionURL="http://www.sbml.org/sbml/symbols/avogadro">N</csymbol>', '6.02214179e+23'],
    ['a prefixed MathML namespace', '', 'a'],
  ])('%s', (_what, body, printed) => {
    const xml = body === '' ? '<m:math xmlns:m="http://www.w3.org/1998/Math/MathML"><m:ci>a</m:ci></m:math>' : M(body);
    expect(printExpr(parseMathML(xml))).toBe(printed);
  });

  it.each([
    ['<piecewise><piece><cn>1</cn><true/></piece></piecewise>', /piecewise> is not supported/],
    ['<apply><tan/><ci>a</ci></apply>', /operator <tan\/> is not supported; supported: plus/],
    ['<csymbol definitionURL="http://www.sbml.org/sbml/symbols/delay">d</csymbol>', /csymbol .*delay is not supported/],
    ['<apply><divide/><ci>a</ci></apply>', /<divide\/> takes 2 arguments, got 1/],
    ['<apply><exp/><ci>a</ci><ci>b</ci></apply>', /<exp\/> takes 1 argument, got 2/],
    ['<cn>NaN</cn>', /not a finite number/],
    ['<cn type="complex-cartesian">1<sep/>2</cn>', /complex-cartesian.*not supported/],
    ['<ci>time</ci>', /reserved/],
    ['<ci>a b</ci>', /not an SBML identifier/],
    ['<apply><log/><degree><cn>2</cn></degree><ci>a</ci></apply>', /<degree> is not allowed in <log\/>/],
    ['<ci>a</ci><ci>b</ci>', /exactly one expression, found 2/],
    ['<true/>', /<true> is not supported/],
  ])('refuses %s', (body, message) => {
    expect(() => parseMathML(M(body))).toThrow(message);
  });
});
