import { describe, expect, it } from 'vitest';
import { el, escapeXml, parent, parseXml, toXmlDocument, XmlSyntaxError } from './xml.ts';

describe('XML writer', () => {
  it('escapes markup characters and writes empty elements self-closed', () => {
    expect(escapeXml(`a<b>&"c"'d'`)).toBe('a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;');
    const doc = toXmlDocument(parent('root', [el('a', 'x & y'), el('b', null), el('c', ''), parent('d', [])]));
    expect(doc).toBe('<?xml version="1.0" encoding="utf-8"?>\n<root><a>x &amp; y</a><b/><c/><d/></root>\n');
  });

  it('refuses invalid element names', () => {
    expect(() => toXmlDocument(el('1bad', 'x'))).toThrow(/Invalid XML element name/);
    expect(() => toXmlDocument(el('a b', 'x'))).toThrow(/Invalid XML element name/);
  });

  it('keeps carriage returns through parsing', () => {
    expect(parseXml(toXmlDocument(el('t', 'a\r\nb'))).text).toBe('a\r\nb');
  });
});

describe('XML reader', () => {
  it('reads elements, attributes, entities, CDATA and comments', () => {
    const root = parseXml(`<?xml version="1.0"?>\n<!-- c --><r k="v &amp; w"><a>1 &lt; 2 &#233; &#x1F6A7;</a><b><![CDATA[<raw>]]></b><c/></r>`);
    expect(root.name).toBe('r');
    expect(root.attributes).toEqual({ k: 'v & w' });
    expect(root.children.map((c) => [c.name, c.text])).toEqual([
      ['a', '1 < 2 é 🚧'],
      ['b', '<raw>'],
      ['c', ''],
    ]);
  });

  it('throws on malformed documents', () => {
    for (const bad of ['<a><b></a></b>', '<a>', '<a/><b/>', '<a>x & y</a>', '<a>&nbsp;</a>', 'text', '<!DOCTYPE a><a/>', '<a/>tail']) {
      expect(() => parseXml(bad), bad).toThrow(XmlSyntaxError);
    }
  });
});
