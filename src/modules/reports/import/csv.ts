/**
 * CSV reading and writing per RFC 4180 with a configurable separator (Italian open data mostly uses `;`).
 * No dependency: package.json has no direct CSV library.
 *
 * Reading: quoted fields may hold separators, line breaks and doubled quotes; CRLF and LF line ends; a leading
 * BOM is ignored; blank lines are skipped. A malformed record (text after a closing quote, an unterminated quote)
 * comes back with an `error` instead of failing the whole file, so an import can reject that line and go on.
 */

export interface CsvRecord {
  /** 1-based physical line where the record starts (the header is line 1). */
  line: number;
  fields: string[];
  /** Set when the record is malformed; `fields` then holds what could be read. */
  error?: string;
}

export interface CsvReadOptions {
  separator?: string;
}

export function* readCsv(text: string, options: CsvReadOptions = {}): Generator<CsvRecord> {
  const sep = options.separator ?? ',';
  if (sep.length !== 1 || sep === '"' || sep === '\n' || sep === '\r') throw new Error('The separator must be one character other than a quote or a line break');
  const s = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const n = s.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    let error: string | undefined;
    // Blank line: skip it.
    if (s[i] === '\n' || s[i] === '\r') {
      i += s[i] === '\r' && s[i + 1] === '\n' ? 2 : 1;
      line++;
      continue;
    }
    for (;;) {
      let field = '';
      if (s[i] === '"') {
        i++;
        let closed = false;
        while (i < n) {
          const ch = s[i];
          if (ch === '"') {
            if (s[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (ch === '\n') line++;
          field += ch;
          i++;
        }
        if (!closed) error ??= 'unterminated quoted field';
        else if (i < n && s[i] !== sep && s[i] !== '\n' && s[i] !== '\r') {
          error ??= 'text after a closing quote';
          // Read the rest of the field literally.
          while (i < n && s[i] !== sep && s[i] !== '\n' && s[i] !== '\r') field += s[i++];
        }
      } else {
        const start = i;
        while (i < n && s[i] !== sep && s[i] !== '\n' && s[i] !== '\r') i++;
        field = s.slice(start, i);
        if (field.includes('"')) error ??= 'quote inside an unquoted field';
      }
      fields.push(field);
      if (i < n && s[i] === sep) {
        i++;
        continue;
      }
      break;
    }
    if (i < n) {
      i += s[i] === '\r' && s[i + 1] === '\n' ? 2 : 1;
      line++;
    }
    yield error === undefined ? { line: startLine, fields } : { line: startLine, fields, error };
  }
}

/** All records of a CSV text. */
export function parseCsv(text: string, options: CsvReadOptions = {}): CsvRecord[] {
  return [...readCsv(text, options)];
}

// ---------------------------------------------------------------------------------------------------------------
// Writing

export type CsvValue = string | number | boolean | null | undefined;

export interface CsvWriteOptions {
  separator?: string;
  /** RFC 4180 says CRLF. */
  newline?: string;
}

/** One field, quoted when it holds the separator, a quote, a line break or leading/trailing spaces. */
export function csvField(value: CsvValue, separator = ','): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : String(value);
  if (s.includes(separator) || /["\r\n]/.test(s) || /^\s|\s$/.test(s)) return `"${s.replace(/"/g, '""')}"`;
  return s;
}

export function toCsv(rows: readonly (readonly CsvValue[])[], options: CsvWriteOptions = {}): string {
  const sep = options.separator ?? ',';
  const nl = options.newline ?? '\r\n';
  return rows.map((r) => r.map((v) => csvField(v, sep)).join(sep) + nl).join('');
}
