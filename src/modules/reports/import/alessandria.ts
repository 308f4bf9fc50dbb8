/**
 * Importer for the Comune di Alessandria's open data export of Municipium reports
 * (import/data/segnalazioni-alessandria.csv; data: Comune di Alessandria, CC BY 4.0).
 *
 * Format: UTF-8, `;`-separated, one header row `Id;Stato;Anno;Creato;Chiusa;DescrizioneBreve;Categoria`, dates
 * `YYYY-MM-DD` without time. The file carries no text, coordinates or personal data. Any export from Municipium
 * with the same columns imports the same way; columns are found by name, in any order.
 */
import { DEFAULT_TIME_ZONE, parseCalendarDate, startOfDay } from '../open311/datetime.ts';
import type { PiazzaReportStatus } from '../open311/types.ts';
import type { CategoryCode } from '../triage/categories.ts';
import { parseCsv } from './csv.ts';
import type { ImportOptions, ImportProblem, ImportResult } from './types.ts';

export const ALESSANDRIA_SOURCE = 'municipium-alessandria';

/** The attribution to show wherever data from this file is shown or shipped. */
export const ALESSANDRIA_ATTRIBUTION = 'Dati: Comune di Alessandria, CC BY 4.0 (segnalazioni Municipium)';

const REQUIRED_COLUMNS = ['Id', 'Stato', 'Creato', 'Categoria'] as const;
const OPTIONAL_COLUMNS = ['Anno', 'Chiusa', 'DescrizioneBreve'] as const;
type Column = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

/** Municipium states → piazza states; `null` = not imported (deleted in the source). */
export const ALESSANDRIA_STATUSES: Readonly<Record<string, PiazzaReportStatus | null>> = {
  chiusa: 'closed',
  aperta: 'accepted',
  'in carico': 'assigned',
  annullata: 'rejected',
  archiviata: 'closed',
  eliminata: null,
};

/** The states after which a report has a closing date. */
const CLOSING_STATES = new Set(['chiusa', 'archiviata']);

/** Municipium category labels (the file's 14 values) → piazza default category codes. */
export const ALESSANDRIA_CATEGORIES: Readonly<Record<string, CategoryCode>> = {
  Buche: 'buche',
  'Verde pubblico': 'verde',
  'Semafori e segnaletica stradale': 'segnaletica',
  Altro: 'altro',
  'Arredo urbano': 'arredo',
  Tombini: 'tombini',
  'Parchi gioco e aree cani': 'parchi-gioco',
  'Disinfestazione (topi, blatte, vespe, piccioni)': 'disinfestazione',
  'Idee e proposte': 'altro',
  Cimiteri: 'cimiteri',
  'Accessibilità ed inclusione delle persone con disabilità': 'accessibilita',
  'Illuminazione pubblica': 'illuminazione',
  'Tutela animali': 'animali',
  'Acquedotto e fognature': 'acquedotto',
};

/** Source categories that land in `altro` on purpose, with the remark recorded on each record. */
const CATEGORY_REMARKS: Readonly<Record<string, string>> = {
  'Idee e proposte': 'source category "Idee e proposte" (ideas and proposals) has no piazza equivalent: filed under altro',
};

/** Lower case, no accents, single spaces: how labels are compared. */
export function normaliseLabel(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const CATEGORY_BY_LABEL = new Map(Object.entries(ALESSANDRIA_CATEGORIES).map(([label, code]) => [normaliseLabel(label), { label, code }]));

export function mapAlessandriaCategory(raw: string): { code: CategoryCode; note: string | null } {
  const value = raw.trim();
  if (value === '') return { code: 'altro', note: 'no category in the source: filed under altro' };
  const hit = CATEGORY_BY_LABEL.get(normaliseLabel(value));
  if (!hit) return { code: 'altro', note: `unknown source category "${value}": filed under altro` };
  return { code: hit.code, note: CATEGORY_REMARKS[hit.label] ?? null };
}

export interface AlessandriaImportOptions extends ImportOptions {
  /** piazza state for `aperta` reports: `accepted` (default; they were already public) or `submitted` (to triage). */
  openStatus?: 'submitted' | 'accepted';
}

function problem(line: number, reason: string, externalId?: string): ImportProblem {
  return externalId === undefined ? { line, reason } : { line, externalId, reason };
}

/** Parses the whole file and maps each row; never throws on bad rows (they go to `rejected`). */
export function importAlessandriaCsv(text: string, options: AlessandriaImportOptions = {}): ImportResult {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const every = Math.max(1, options.progressEvery ?? 250);
  const result: ImportResult = { records: [], rejected: [], skipped: [] };
  const rows = parseCsv(text, { separator: ';' });
  const header = rows[0];
  if (!header) {
    result.rejected.push(problem(1, 'the file is empty'));
    return result;
  }
  const index = new Map<string, number>();
  header.fields.forEach((name, i) => index.set(name.trim().toLowerCase(), i));
  const missing = REQUIRED_COLUMNS.filter((c) => !index.has(c.toLowerCase()));
  if (header.error || missing.length > 0) {
    result.rejected.push(problem(header.line, header.error ?? `missing columns: ${missing.join(', ')} (expected ${[...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS].join(';')})`));
    return result;
  }
  const col = (fields: string[], name: Column): string => {
    const i = index.get(name.toLowerCase());
    return i === undefined ? '' : (fields[i] ?? '').trim();
  };

  const width = header.fields.length;
  const total = rows.length - 1;
  const seen = new Map<string, number>();
  const report = (processed: number): void =>
    options.onProgress?.({
      processed,
      total,
      imported: result.records.length,
      rejected: result.rejected.length,
      skipped: result.skipped.length,
    });

  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    if (row) mapRow(row.line, row.fields, row.error);
    if (r % every === 0 && r < rows.length - 1) report(r);
  }
  report(total);
  return result;

  function mapRow(line: number, fields: string[], csvError: string | undefined): void {
    if (csvError) return void result.rejected.push(problem(line, `malformed CSV: ${csvError}`));
    if (fields.length !== width) {
      return void result.rejected.push(problem(line, `expected ${width} fields, found ${fields.length}`));
    }
    const id = col(fields, 'Id');
    if (!/^\d+$/.test(id)) return void result.rejected.push(problem(line, `Id "${id}" is not a whole number`));
    const firstLine = seen.get(id);
    if (firstLine !== undefined) return void result.rejected.push(problem(line, `duplicate Id ${id} (first on line ${firstLine})`, id));
    seen.set(id, line);

    const sourceStatus = col(fields, 'Stato');
    const stateKey = normaliseLabel(sourceStatus);
    if (!(stateKey in ALESSANDRIA_STATUSES)) {
      return void result.rejected.push(problem(line, `unknown state "${sourceStatus}"`, id));
    }
    const mapped = ALESSANDRIA_STATUSES[stateKey];
    if (mapped === null || mapped === undefined) {
      return void result.skipped.push(problem(line, `state "${sourceStatus}": deleted in the source app, not imported`, id));
    }
    const status: PiazzaReportStatus = stateKey === 'aperta' ? (options.openStatus ?? 'accepted') : mapped;

    const created = col(fields, 'Creato');
    const createdAt = parseCalendarDate(created) ? startOfDay(created, timeZone) : null;
    if (!createdAt) return void result.rejected.push(problem(line, `Creato "${created}" is not a date (YYYY-MM-DD)`, id));

    const notes: string[] = [];
    const closed = col(fields, 'Chiusa');
    let closedAt: Date | null = null;
    if (closed !== '') {
      const d = parseCalendarDate(closed) ? startOfDay(closed, timeZone) : null;
      if (!d) return void result.rejected.push(problem(line, `Chiusa "${closed}" is not a date (YYYY-MM-DD)`, id));
      if (d.getTime() < createdAt.getTime()) {
        return void result.rejected.push(problem(line, `Chiusa ${closed} is before Creato ${created}`, id));
      }
      if (CLOSING_STATES.has(stateKey)) closedAt = d;
      else notes.push(`closing date ${closed} ignored: state "${sourceStatus}" is not closed`);
    } else if (CLOSING_STATES.has(stateKey)) {
      notes.push('closing date missing in the source');
    }

    const year = col(fields, 'Anno');
    if (year !== '' && year !== created.slice(0, 4)) notes.push(`Anno ${year} differs from the year of Creato ${created}`);

    const rawCategory = col(fields, 'Categoria');
    const category = mapAlessandriaCategory(rawCategory);
    if (category.note) notes.push(category.note);

    const channel = col(fields, 'DescrizioneBreve');
    result.records.push({
      source: ALESSANDRIA_SOURCE,
      externalId: id,
      line,
      status,
      sourceStatus,
      categoryCode: category.code,
      sourceCategory: rawCategory === '' ? null : rawCategory,
      createdAt,
      closedAt,
      datePrecision: 'day',
      channel: channel === '' ? null : channel,
      notes,
    });
  }
}
