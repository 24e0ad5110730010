// Just enough XML for SBML: escaping for the writer, and a small strict parser for the reader.
// Hand-written rather than a dependency because the engine runs in the browser (no Node XML
// library), the subset is small, and the reader must be exact about what it accepts: it keeps
// element order (MathML arguments are ordered), resolves namespaces (SBML, MathML, XHTML and our
// annotation live in different ones), decodes the five predefined entities and numeric character
// references, and refuses DOCTYPE internal subsets, so no entity expansion can be smuggled in.
// Errors name the line and column.

export interface XmlElement {
  /** the name as written, with its prefix (e.g. `ldn:parameter`) */
  readonly name: string;
  /** the name without its prefix */
  readonly local: string;
  /** the namespace URI in scope for the element ('' for none) */
  readonly ns: string;
  /** attributes as written (prefixed names kept; xmlns declarations included) */
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlNode[];
}
export type XmlNode = XmlElement | string;

export class XmlError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`XML: ${message} (line ${line}, column ${column})`);
    this.name = 'XmlError';
  }
}

// ---------------------------------------------------------------- escaping

function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/**
 * Replaces what XML 1.0 cannot carry at all (control characters other than tab, newline and
 * carriage return; lone surrogates; U+FFFE/U+FFFF) by U+FFFD. Not even a character reference can
 * represent them, so they are replaced rather than escaped.
 */
export function xmlSafe(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    out += isXmlChar(cp) ? ch : '\uFFFD';
  }
  return out;
}

/** text content: & < > escaped, \r kept as a reference (parsers would turn a literal one into \n) */
export function escapeText(s: string): string {
  return xmlSafe(s).replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

/** attribute value (in double quotes): also quotes, and tab / newline / CR as references, which attribute-value normalisation would otherwise turn into spaces */
export function escapeAttr(s: string): string {
  return xmlSafe(s).replace(/[&<>"'\t\n\r]/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      case "'":
        return '&apos;';
      default:
        return `&#${c.charCodeAt(0)};`;
    }
  });
}

// ---------------------------------------------------------------- parsing

const NAME_START = /[A-Za-z_:\u00C0-\uFFFF]/;
const NAME_CHAR = /[A-Za-z0-9_:.\-\u00B7\u00C0-\uFFFF]/;
const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

class XmlParser {
  private i = 0;
  constructor(private readonly src: string) {}

  private fail(message: string, at = this.i): never {
    let line = 1;
    let col = 1;
    for (let k = 0; k < at && k < this.src.length; k++) {
      if (this.src[k] === '\n') {
        line++;
        col = 1;
      } else col++;
    }
    throw new XmlError(message, line, col);
  }

  private startsWith(s: string): boolean {
    return this.src.startsWith(s, this.i);
  }

  private skipWs(): void {
    while (this.i < this.src.length && ' \t\n\r'.includes(this.src[this.i]!)) this.i++;
  }

  private until(end: string, what: string): string {
    const k = this.src.indexOf(end, this.i);
    if (k < 0) this.fail(`unterminated ${what}`);
    const s = this.src.slice(this.i, k);
    this.i = k + end.length;
    return s;
  }

  private name(): string {
    const start = this.i;
    if (!NAME_START.test(this.src[this.i] ?? '')) this.fail(`expected a name, found ${JSON.stringify(this.src[this.i] ?? 'end of input')}`);
    this.i++;
    while (this.i < this.src.length && NAME_CHAR.test(this.src[this.i]!)) this.i++;
    return this.src.slice(start, this.i);
  }

  private decode(raw: string, at: number): string {
    if (raw.includes('<')) this.fail('"<" is not allowed here; escape it as &lt;', at + raw.indexOf('<'));
    return raw.replace(/&([^;&\s]*);?/g, (m, ref: string, offset: number) => {
      if (!m.endsWith(';')) this.fail(`"&" must start an entity reference such as &amp;`, at + offset);
      if (Object.hasOwn(PREDEFINED, ref)) return PREDEFINED[ref]!;
      const code = /^#x[0-9a-fA-F]+$/.test(ref) ? parseInt(ref.slice(2), 16) : /^#[0-9]+$/.test(ref) ? parseInt(ref.slice(1), 10) : NaN;
      if (Number.isNaN(code)) this.fail(`unknown entity &${ref}; (only &lt; &gt; &amp; &quot; &apos; and character references are defined)`, at + offset);
      if (!isXmlChar(code)) this.fail(`character reference &${ref}; is not an XML character`, at + offset);
      return String.fromCodePoint(code);
    });
  }

  /** skips the prolog's declaration, comments, processing instructions and a DOCTYPE without internal subset */
  private misc(allowDoctype: boolean): void {
    for (;;) {
      this.skipWs();
      if (this.startsWith('<?')) {
        this.i += 2;
        this.until('?>', 'processing instruction');
      } else if (this.startsWith('<!--')) {
        this.i += 4;
        this.until('-->', 'comment');
      } else if (allowDoctype && this.startsWith('<!DOCTYPE')) {
        const start = this.i;
        const body = this.until('>', 'DOCTYPE');
        if (body.includes('[')) this.fail('a DOCTYPE with an internal subset is not accepted (no entity declarations)', start);
      } else return;
    }
  }

  parseDocument(): XmlElement {
    if (this.src.charCodeAt(0) === 0xfeff) this.i = 1;
    this.misc(true);
    if (!this.startsWith('<')) this.fail(this.i >= this.src.length ? 'no root element' : 'text before the root element');
    const root = this.element(new Map([['xml', XML_NS]]));
    this.misc(false);
    if (this.i < this.src.length) this.fail('content after the root element');
    return root;
  }

  private element(scope: ReadonlyMap<string, string>): XmlElement {
    const open = this.i;
    this.i++; // <
    const name = this.name();
    const attrs: Record<string, string> = {};
    for (;;) {
      const before = this.i;
      this.skipWs();
      if (this.startsWith('/>') || this.startsWith('>')) break;
      if (this.i === before) this.fail(`expected whitespace, "/>" or ">" in <${name}>`);
      const aStart = this.i;
      const aName = this.name();
      this.skipWs();
      if (this.src[this.i] !== '=') this.fail(`attribute ${aName} of <${name}> needs ="value"`);
      this.i++;
      this.skipWs();
      const q = this.src[this.i];
      if (q !== '"' && q !== "'") this.fail(`the value of attribute ${aName} must be quoted`);
      this.i++;
      const vStart = this.i;
      const raw = this.until(q, `value of attribute ${aName}`);
      if (aName in attrs) this.fail(`attribute ${aName} appears twice in <${name}>`, aStart);
      attrs[aName] = this.decode(raw.replace(/[\t\n\r]/g, ' '), vStart);
    }
    let inner: Map<string, string> | undefined;
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'xmlns' || k.startsWith('xmlns:')) (inner ??= new Map(scope)).set(k === 'xmlns' ? '' : k.slice(6), v);
    }
    const nsScope = inner ?? scope;
    const colon = name.indexOf(':');
    const prefix = colon >= 0 ? name.slice(0, colon) : '';
    const ns = nsScope.get(prefix);
    if (ns === undefined && prefix !== '') this.fail(`namespace prefix "${prefix}" of <${name}> is not declared`, open);
    const el = { name, local: colon >= 0 ? name.slice(colon + 1) : name, ns: ns ?? '', attrs, children: [] as XmlNode[] };
    if (this.startsWith('/>')) {
      this.i += 2;
      return el;
    }
    this.i++; // >
    for (;;) {
      if (this.i >= this.src.length) this.fail(`<${name}> is not closed`, open);
      if (this.startsWith('</')) {
        const closeAt = this.i;
        this.i += 2;
        const endName = this.name();
        if (endName !== name) this.fail(`</${endName}> does not close <${name}>`, closeAt);
        this.skipWs();
        if (this.src[this.i] !== '>') this.fail(`expected ">" after </${endName}`);
        this.i++;
        return el;
      }
      if (this.startsWith('<!--')) {
        this.i += 4;
        this.until('-->', 'comment');
      } else if (this.startsWith('<![CDATA[')) {
        this.i += 9;
        el.children.push(this.until(']]>', 'CDATA section'));
      } else if (this.startsWith('<?')) {
        this.i += 2;
        this.until('?>', 'processing instruction');
      } else if (this.startsWith('<')) {
        el.children.push(this.element(nsScope));
      } else {
        const start = this.i;
        const k = this.src.indexOf('<', this.i);
        this.i = k < 0 ? this.src.length : k;
        el.children.push(this.decode(this.src.slice(start, this.i), start));
      }
    }
  }
}

/** Parses a whole XML document and returns its root element. Line ends are normalised to \n. */
export function parseXml(text: string): XmlElement {
  return new XmlParser(text.replace(/\r\n?/g, '\n')).parseDocument();
}

// ---------------------------------------------------------------- navigation helpers

export function isElement(n: XmlNode): n is XmlElement {
  return typeof n !== 'string';
}

export function childElements(el: XmlElement, local?: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => isElement(c) && (local === undefined || c.local === local));
}

export function firstChild(el: XmlElement, local: string): XmlElement | undefined {
  return childElements(el, local)[0];
}

/** concatenated text of an element and its descendants */
export function textContent(el: XmlElement): string {
  return el.children.map((c) => (isElement(c) ? textContent(c) : c)).join('');
}
