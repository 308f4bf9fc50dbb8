import { describe, expect, it } from 'vitest';
import { csvField, parseCsv, toCsv } from './csv.ts';

describe('readCsv', () => {
  it('reads the unquoted ;-separated format with empty fields', () => {
    expect(parseCsv('Id;Stato;Chiusa\n1;aperta;\n2;chiusa;2024-01-02\n', { separator: ';' })).toEqual([
      { line: 1, fields: ['Id', 'Stato', 'Chiusa'] },
      { line: 2, fields: ['1', 'aperta', ''] },
      { line: 3, fields: ['2', 'chiusa', '2024-01-02'] },
    ]);
  });

  it('handles RFC 4180 quoting: separators, doubled quotes and line breaks inside quotes; CRLF; BOM; blank lines', () => {
    const text = '\uFEFFa,b,c\r\n"x, y","he said ""hi""","two\r\nlines"\r\n\r\nlast,,"" \r\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'he said "hi"', 'two\r\nlines'] },
      { line: 5, fields: ['last', '', ' '], error: 'text after a closing quote' },
    ]);
  });

  it('reports malformed records without stopping', () => {
    const rows = parseCsv('a;b\n"open;x\n', { separator: ';' });
    expect(rows[1]).toMatchObject({ line: 2, error: 'unterminated quoted field' });
    const rows2 = parseCsv('a;b\n1;x"y\n2;ok\n', { separator: ';' });
    expect(rows2[1]).toMatchObject({ line: 2, error: 'quote inside an unquoted field' });
    expect(rows2[2]).toEqual({ line: 3, fields: ['2', 'ok'] });
  });

  it('a last line without newline is read', () => {
    expect(parseCsv('a;b\n1;2', { separator: ';' })).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
    ]);
  });
});

describe('toCsv', () => {
  it('quotes only when needed and round-trips', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('a;b', ';')).toBe('"a;b"');
    expect(csvField('say "x"')).toBe('"say ""x"""');
    expect(csvField(null)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
    const rows = [
      ['id', 'text'],
      ['1', 'riga\nnuova, "virgolette"'],
      ['2', ' spazi '],
    ];
    const text = toCsv(rows);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text).map((r) => r.fields)).toEqual(rows);
  });
});
