// The XML layer: escaping survives any string (what XML cannot carry becomes U+FFFD), the parser
// keeps order and namespaces, and refuses malformed input with a line and column.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { childElements, escapeAttr, escapeText, parseXml, textContent, xmlSafe } from '../../src/symbolic/xml.js';

describe('escaping', () => {
  it('any string survives as text and as an attribute value', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        const doc = parseXml(`<r a="${escapeAttr(s)}">${escapeText(s)}</r>`);
        expect(doc.attrs.a).toBe(xmlSafe(s));
        expect(textContent(doc)).toBe(xmlSafe(s));
      }),
      { numRuns: 3000 },
    );
  });
  it('hostile markup is inert', () => {
    const s = `"/><script>alert('x')</script>]]>&amp;\u0000\uD800\n\t\r`;
    expect(escapeAttr(s)).toBe('&quot;/&gt;&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;]]&gt;&amp;amp;\uFFFD\uFFFD&#10;&#9;&#13;');
    expect(escapeText(s)).toBe(`"/&gt;&lt;script&gt;alert('x')&lt;/script&gt;]]&gt;&amp;amp;\uFFFD\uFFFD\n\t&#13;`);
  });
});

describe('parseXml', () => {
  it('keeps order, text, CDATA and resolves namespaces', () => {
    const doc = parseXml(`<?xml version="1.0"?>\n<!DOCTYPE r>\n<!-- c --><r xmlns="urn:a" xmlns:b="urn:b"><b:x k='1 &lt; 2'/>t&#x3bb;&#955;<![CDATA[<raw>]]><y><z xmlns="urn:c"/></y></r>`);
    expect(doc.ns).toBe('urn:a');
    const [x, y] = childElements(doc);
    expect([x!.local, x!.ns, x!.attrs.k]).toEqual(['x', 'urn:b', '1 < 2']);
    expect(doc.children[1]).toBe('tλλ');
    expect(doc.children[2]).toBe('<raw>');
    expect(childElements(y!)[0]!.ns).toBe('urn:c');
    expect(y!.ns).toBe('urn:a');
  });
  it.each([
    ['<a><b></a>', /<\/a> does not close <b> \(line 1, column 7\)/],
    ['<a>\n<p:b/></a>', /prefix "p" of <p:b> is not declared \(line 2, column 1\)/],
    ['<!DOCTYPE a [<!ENTITY x "y">]><a/>', /internal subset is not accepted/],
    ['<a>&nbsp;</a>', /unknown entity &nbsp;/],
    ['<a>&constructor;</a>', /unknown entity &constructor;/],
    ['<a>&__proto__;</a>', /unknown entity &__proto__;/],
    ['<a>AT&T</a>', /"&" must start an entity reference/],
    ['<a x=1/>', /must be quoted/],
    ['<a x="1" x="2"/>', /appears twice/],
    ['<a>', /<a> is not closed/],
    ['<a/><b/>', /content after the root element/],
    ['', /no root element/],
    ['<a>&#0;</a>', /not an XML character/],
    ['<a x="<"/>', /"<" is not allowed/],
  ])('refuses %j', (text, message) => {
    expect(() => parseXml(text)).toThrow(message);
  });
});
