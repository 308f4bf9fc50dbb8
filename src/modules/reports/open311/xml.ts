/**
 * A small XML writer for Open311's schemaless, namespace-free documents (elements and text only, no attributes),
 * and a matching strict reader for tests and for lenient reading of FixMyStreet-style replies. No dependency:
 * package.json has no direct XML library.
 */

/** An element with text (null = empty element) or with child elements. */
export type XmlNode = { name: string; text: string | null } | { name: string; children: XmlNode[] };

export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

const NAME_RE = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * Escapes text for element content and attribute values, and drops characters XML 1.0 cannot carry
 * (C0 controls other than tab, LF, CR; lone surrogates; U+FFFE/U+FFFF).
 */
export function escapeXml(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '&') out += '&amp;';
    else if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else if (ch === '"') out += '&quot;';
    else if (ch === "'") out += '&apos;';
    else if (ch === '\r') out += '&#13;'; // keep CR through end-of-line normalisation
    else if (cp === 0x9 || cp === 0xa || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || cp >= 0x10000) out += ch;
    // anything else (controls, lone surrogates, U+FFFE/U+FFFF) is not allowed in XML 1.0: dropped
  }
  return out;
}

function writeNode(node: XmlNode, out: string[]): void {
  if (!NAME_RE.test(node.name)) throw new Error(`Invalid XML element name: ${node.name}`);
  if ('children' in node) {
    if (node.children.length === 0) {
      out.push(`<${node.name}/>`);
      return;
    }
    out.push(`<${node.name}>`);
    for (const child of node.children) writeNode(child, out);
    out.push(`</${node.name}>`);
  } else if (node.text === null || node.text === '') {
    out.push(`<${node.name}/>`);
  } else {
    out.push(`<${node.name}>${escapeXml(node.text)}</${node.name}>`);
  }
}

/** A complete document: the UTF-8 declaration, then the root element, then a final newline. */
export function toXmlDocument(root: XmlNode): string {
  const out: string[] = [];
  writeNode(root, out);
  return `${XML_DECLARATION}\n${out.join('')}\n`;
}

export const el = (name: string, text: string | null): XmlNode => ({ name, text });
export const parent = (name: string, children: XmlNode[]): XmlNode => ({ name, children });

// ---------------------------------------------------------------------------------------------------------------
// Reader

/** A parsed element: its name, child elements in order, and its concatenated text (entities decoded). */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(s: string, at: number): string {
  return s.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z]+);|&/g, (whole, ref: string | undefined) => {
    if (ref === undefined) throw new XmlSyntaxError('bare "&"', at);
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    const named = ENTITIES[ref];
    if (named === undefined) throw new XmlSyntaxError(`unknown entity ${whole}`, at);
    return named;
  });
}

export class XmlSyntaxError extends Error {
  constructor(message: string, readonly offset: number) {
    super(`XML syntax error at ${offset}: ${message}`);
  }
}

/**
 * Parses a well-formed XML document without DTDs (declaration, comments and CDATA allowed). Throws
 * XmlSyntaxError on anything malformed: mismatched tags, text outside the root, a second root, bare `&` or `<`.
 */
export function parseXml(source: string): XmlElement {
  let i = 0;
  const s = source.startsWith('\uFEFF') ? source.slice(1) : source;
  const skipMisc = (): void => {
    for (;;) {
      while (i < s.length && /\s/.test(s[i] ?? '')) i++;
      if (s.startsWith('<?', i)) {
        const end = s.indexOf('?>', i);
        if (end < 0) throw new XmlSyntaxError('unterminated processing instruction', i);
        i = end + 2;
      } else if (s.startsWith('<!--', i)) {
        const end = s.indexOf('-->', i);
        if (end < 0) throw new XmlSyntaxError('unterminated comment', i);
        i = end + 3;
      } else if (s.startsWith('<!DOCTYPE', i)) {
        throw new XmlSyntaxError('DTDs are not accepted', i);
      } else return;
    }
  };
  const readName = (): string => {
    const m = /^[A-Za-z_][A-Za-z0-9_.:-]*/.exec(s.slice(i, i + 200));
    if (!m) throw new XmlSyntaxError('expected a name', i);
    i += m[0].length;
    return m[0];
  };
  const readElement = (): XmlElement => {
    if (s[i] !== '<') throw new XmlSyntaxError('expected "<"', i);
    i++;
    const name = readName();
    const attributes: Record<string, string> = {};
    for (;;) {
      while (/\s/.test(s[i] ?? '')) i++;
      if (s.startsWith('/>', i)) {
        i += 2;
        return { name, attributes, children: [], text: '' };
      }
      if (s[i] === '>') {
        i++;
        break;
      }
      const attr = readName();
      while (/\s/.test(s[i] ?? '')) i++;
      if (s[i] !== '=') throw new XmlSyntaxError('expected "="', i);
      i++;
      while (/\s/.test(s[i] ?? '')) i++;
      const quote = s[i];
      if (quote !== '"' && quote !== "'") throw new XmlSyntaxError('expected a quoted value', i);
      const end = s.indexOf(quote, i + 1);
      if (end < 0) throw new XmlSyntaxError('unterminated attribute', i);
      attributes[attr] = decodeEntities(s.slice(i + 1, end), i);
      i = end + 1;
    }
    const children: XmlElement[] = [];
    let text = '';
    for (;;) {
      if (i >= s.length) throw new XmlSyntaxError(`unclosed <${name}>`, i);
      if (s.startsWith('</', i)) {
        i += 2;
        const closing = readName();
        if (closing !== name) throw new XmlSyntaxError(`</${closing}> closes <${name}>`, i);
        while (/\s/.test(s[i] ?? '')) i++;
        if (s[i] !== '>') throw new XmlSyntaxError('expected ">"', i);
        i++;
        return { name, attributes, children, text };
      }
      if (s.startsWith('<!--', i)) {
        const end = s.indexOf('-->', i);
        if (end < 0) throw new XmlSyntaxError('unterminated comment', i);
        i = end + 3;
      } else if (s.startsWith('<![CDATA[', i)) {
        const end = s.indexOf(']]>', i);
        if (end < 0) throw new XmlSyntaxError('unterminated CDATA', i);
        text += s.slice(i + 9, end);
        i = end + 3;
      } else if (s[i] === '<') {
        children.push(readElement());
      } else {
        const next = s.indexOf('<', i);
        const end = next < 0 ? s.length : next;
        const raw = s.slice(i, end);
        if (raw.includes('>') && raw.includes(']]>')) throw new XmlSyntaxError('"]]>" in text', i);
        text += decodeEntities(raw, i);
        i = end;
      }
    }
  };
  skipMisc();
  const root = readElement();
  skipMisc();
  if (i < s.length) throw new XmlSyntaxError('content after the root element', i);
  return root;
}

/** The child elements' names, in order (for conformance tests). */
export function childNames(e: XmlElement): string[] {
  return e.children.map((c) => c.name);
}

/** The first child with that name, or undefined. */
export function child(e: XmlElement, name: string): XmlElement | undefined {
  return e.children.find((c) => c.name === name);
}
