/**
 * From a content's data to the editing form's raw values and back. The form keeps raw strings (exactly what
 * the editor typed), so a form with errors is shown again with every value as entered; parsing turns raw
 * values into the content's data, or into field errors (i18n keys) attached to the inputs that caused them.
 *
 * Input names per field kind (p = the field's path):
 *   ltext, ltextarea, llist        p.it, p.en                       (llist: one item per line)
 *   text, lines, select, ref, date, datetime, number, url, email, bool   p
 *   refs, topics                   p (repeated: checkboxes)
 *   link                           p.url, p.label.it, p.label.en
 *   hours                          p.<day>.<1|2>.open / .close, p.exceptions.it/.en ("YYYY-MM-DD reason" lines), p.notes.it/.en
 *   deadlines                      p.it, p.en ("YYYY-MM-DD label" lines)
 *   image                          p.file (upload), p.current (upload id), p.alt.it, p.alt.en, p.remove
 *   file                           p.file (upload), p.current, p.remove
 *   attachments                    p.count, p.<i>.uploadId, p.<i>.title.it/.en, p.<i>.remove; new: p.new<j>.file, p.new<j>.title.it/.en
 */
import type { ContentDataMap, ContentType, Localized, OpeningHours } from '../content/types.ts';
import { fieldsOf, TOPICS, WEEKDAYS, type FieldDef } from './fields.ts';

export type Raw = Record<string, string | string[]>;

export interface FieldError {
  /** The input's name (or a group's key: "access", "hours"). */
  field: string;
  /** i18n key. */
  message: string;
  vars?: Record<string, string | number>;
}

export interface ParseContext {
  /** Slugs of the existing contents of each type a reference field may point at. */
  refs: Partial<Record<ContentType, Set<string>>>;
  /** Uploads of this comune the form may point at: id → content type. */
  uploads: Map<string, string>;
}

const TOPIC_SET = new Set<string>(TOPICS);
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/;
const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;
const EMAIL_RE = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

// ——— paths ———

export function getPath(obj: unknown, path: string): unknown {
  let v: unknown = obj;
  for (const k of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

/** Set a dotted path, creating objects on the way; `undefined` deletes the key. */
export function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let o = obj;
  for (const k of keys.slice(0, -1)) {
    const next = o[k];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) {
      if (value === undefined) return;
      o[k] = {};
    }
    o = o[k] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1]!;
  if (value === undefined) delete o[last];
  else o[last] = value;
}

// ——— raw values ———

export function rawStr(raw: Raw, name: string): string {
  const v = raw[name];
  return (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).replace(/\r\n?/g, '\n');
}
export function rawList(raw: Raw, name: string): string[] {
  const v = raw[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}
const clean = (raw: Raw, name: string) => rawStr(raw, name).trim();
const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
const isOn = (raw: Raw, name: string) => ['on', 'true', '1'].includes(clean(raw, name));

export function isRealDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function asLocalized(v: unknown): Localized | undefined {
  if (v && typeof v === 'object' && typeof (v as Localized).it === 'string') return { it: (v as Localized).it, en: String((v as Localized).en ?? '') };
  return undefined;
}

// ——— data → raw ———

/** The form's raw values for a content's data (an empty form for a new content). */
export function toRaw<T extends ContentType>(type: T, data: Partial<ContentDataMap[T]> | null): Raw {
  const raw: Raw = {};
  const d = data ?? {};
  const set = (k: string, v: string | undefined) => {
    if (v !== undefined && v !== '') raw[k] = v;
  };
  const setLoc = (p: string, v: unknown) => {
    const l = asLocalized(v);
    if (l) {
      set(`${p}.it`, l.it);
      set(`${p}.en`, l.en);
    }
  };
  for (const f of fieldsOf(type)) {
    const v = getPath(d, f.path);
    const p = f.path;
    switch (f.kind) {
      case 'ltext':
      case 'ltextarea':
        setLoc(p, v);
        break;
      case 'llist': {
        const items = Array.isArray(v) ? v.map(asLocalized).filter((x): x is Localized => !!x) : [];
        set(`${p}.it`, items.map((x) => x.it).join('\n'));
        if (items.some((x) => x.en)) set(`${p}.en`, items.map((x) => x.en).join('\n'));
        break;
      }
      case 'text':
      case 'select':
      case 'ref':
      case 'date':
      case 'datetime':
      case 'url':
      case 'email':
        if (typeof v === 'string') set(p, v);
        break;
      case 'number':
        if (typeof v === 'number') set(p, String(v));
        break;
      case 'bool':
        if (v === true) raw[p] = 'on';
        break;
      case 'lines':
        if (Array.isArray(v)) set(p, v.join('\n'));
        break;
      case 'refs':
      case 'topics':
        if (Array.isArray(v)) raw[p] = v.filter((x): x is string => typeof x === 'string');
        break;
      case 'link': {
        const l = v as { url?: string; label?: Localized } | undefined;
        if (l) {
          set(`${p}.url`, l.url);
          setLoc(`${p}.label`, l.label);
        }
        break;
      }
      case 'hours': {
        const h = v as OpeningHours | undefined;
        if (!h) break;
        for (const day of WEEKDAYS) {
          const slots = (h.weekly ?? []).filter((w) => w.day === day).sort((a, b) => a.open.localeCompare(b.open));
          slots.slice(0, 2).forEach((s, i) => {
            set(`${p}.${day}.${i + 1}.open`, s.open);
            set(`${p}.${day}.${i + 1}.close`, s.close);
          });
        }
        const ex = h.exceptions ?? [];
        set(`${p}.exceptions.it`, ex.map((e) => `${e.date} ${e.reason.it}`).join('\n'));
        if (ex.some((e) => e.reason.en)) set(`${p}.exceptions.en`, ex.filter((e) => e.reason.en).map((e) => `${e.date} ${e.reason.en}`).join('\n'));
        setLoc(`${p}.notes`, h.notes);
        break;
      }
      case 'deadlines': {
        const list = (Array.isArray(v) ? v : []) as { date: string; label: Localized }[];
        set(`${p}.it`, list.map((x) => `${x.date} ${x.label.it}`).join('\n'));
        if (list.some((x) => x.label.en)) set(`${p}.en`, list.filter((x) => x.label.en).map((x) => `${x.date} ${x.label.en}`).join('\n'));
        break;
      }
      case 'image': {
        const img = v as { uploadId?: string; alt?: Localized } | undefined;
        if (img?.uploadId) {
          set(`${p}.current`, img.uploadId);
          setLoc(`${p}.alt`, img.alt);
        }
        break;
      }
      case 'file': {
        const file = v as { uploadId?: string } | undefined;
        if (file?.uploadId) set(`${p}.current`, file.uploadId);
        break;
      }
      case 'attachments': {
        const list = (Array.isArray(v) ? v : []) as { uploadId: string; title: Localized }[];
        raw[`${p}.count`] = String(list.length);
        list.forEach((a, i) => {
          raw[`${p}.${i}.uploadId`] = a.uploadId;
          setLoc(`${p}.${i}.title`, a.title);
        });
        break;
      }
    }
  }
  return raw;
}

// ——— raw → data ———

export interface Parsed<T extends ContentType> {
  data: ContentDataMap[T];
  errors: FieldError[];
}

/**
 * Build a content's data from the form. `base` (the current draft) keeps whatever the form does not show;
 * every field of the form overwrites (or removes) its own path.
 */
export function parseContent<T extends ContentType>(type: T, raw: Raw, pc: ParseContext, base?: ContentDataMap[T] | null): Parsed<T> {
  const out = (base ? structuredClone(base) : {}) as Record<string, unknown>;
  const errors: FieldError[] = [];
  const err = (field: string, message: string, vars?: Record<string, string | number>) => {
    errors.push(vars ? { field, message, vars } : { field, message });
  };
  for (const f of fieldsOf(type)) setPath(out, f.path, parseField(f, raw, pc, err, out));
  crossChecks(type, out, errors);
  return { data: out as unknown as ContentDataMap[T], errors };
}

type Err = (field: string, message: string, vars?: Record<string, string | number>) => void;

function localized(raw: Raw, p: string, err: Err, o: { required?: boolean; max?: number; label?: boolean } = {}): Localized | undefined {
  const it = clean(raw, `${p}.it`);
  const en = clean(raw, `${p}.en`);
  const max = o.max ?? 20_000;
  let ok = true;
  if (!it) {
    if (o.required) {
      err(`${p}.it`, 'site.bo.err.required');
      return undefined;
    }
    if (en) {
      err(`${p}.it`, 'site.bo.err.italianFirst');
      return undefined;
    }
    return undefined;
  }
  if (it.length > max) {
    err(`${p}.it`, 'site.bo.err.tooLong', { max });
    ok = false;
  }
  if (en.length > max) {
    err(`${p}.en`, 'site.bo.err.tooLong', { max });
    ok = false;
  }
  return ok ? { it, en } : undefined;
}

/** "YYYY-MM-DD text" lines in Italian, with the English texts matched by date. */
function datedLines(raw: Raw, p: string, err: Err): { date: string; text: Localized }[] | undefined {
  const itLines = lines(rawStr(raw, `${p}.it`));
  const enLines = lines(rawStr(raw, `${p}.en`));
  const out: { date: string; text: Localized }[] = [];
  let ok = true;
  const parse = (l: string) => /^(\d{4}-\d{2}-\d{2})\s+(\S.*)$/.exec(l);
  itLines.forEach((l, i) => {
    const m = parse(l);
    if (!m || !isRealDate(m[1]!)) {
      if (ok) err(`${p}.it`, 'site.bo.err.datedLine', { line: i + 1 });
      ok = false;
      return;
    }
    if (m[2]!.length > 300) {
      if (ok) err(`${p}.it`, 'site.bo.err.tooLong', { max: 300 });
      ok = false;
      return;
    }
    out.push({ date: m[1]!, text: { it: m[2]!, en: '' } });
  });
  let enOk = true;
  enLines.forEach((l, i) => {
    const m = parse(l);
    if (!m || !isRealDate(m[1]!)) {
      if (enOk) err(`${p}.en`, 'site.bo.err.datedLine', { line: i + 1 });
      enOk = false;
      return;
    }
    const target = out.find((x) => x.date === m[1] && !x.text.en);
    if (!target) {
      if (enOk) err(`${p}.en`, 'site.bo.err.datedLineNoMatch', { line: i + 1, date: m[1]! });
      enOk = false;
      return;
    }
    target.text.en = m[2]!.slice(0, 300);
  });
  if (!ok || !enOk) return undefined;
  return out;
}

function parseField(f: FieldDef, raw: Raw, pc: ParseContext, err: Err, out: Record<string, unknown>): unknown {
  const p = f.path;
  switch (f.kind) {
    case 'ltext':
    case 'ltextarea':
      return localized(raw, p, err, { required: f.required, max: f.max ?? (f.kind === 'ltext' ? 300 : 20_000) });
    case 'llist': {
      const it = lines(rawStr(raw, `${p}.it`));
      const en = lines(rawStr(raw, `${p}.en`));
      if (it.length < (f.min ?? 0)) {
        err(`${p}.it`, f.min === 1 ? 'site.bo.err.required' : 'site.bo.err.listMin', { min: f.min ?? 0 });
        return [];
      }
      if (f.max && it.length > f.max) err(`${p}.it`, 'site.bo.err.listMax', { max: f.max });
      if (en.length > 0 && en.length !== it.length) {
        err(`${p}.en`, 'site.bo.err.listLines', { it: it.length, en: en.length });
        return [];
      }
      const long = [...it, ...en].some((l) => l.length > 1000);
      if (long) err(`${p}.it`, 'site.bo.err.tooLong', { max: 1000 });
      return it.map((x, i) => ({ it: x, en: en[i] ?? '' }));
    }
    case 'text': {
      const v = clean(raw, p);
      if (!v) {
        if (f.required) err(p, 'site.bo.err.required');
        return undefined;
      }
      if (v.length > (f.max ?? 200)) {
        err(p, 'site.bo.err.tooLong', { max: f.max ?? 200 });
        return undefined;
      }
      if (f.pattern && !f.pattern.test(v)) {
        err(p, f.patternMessage ?? 'site.bo.err.invalid');
        return undefined;
      }
      return v;
    }
    case 'lines': {
      const list = [...new Set(lines(rawStr(raw, p)))];
      if (f.max && list.length > f.max) err(p, 'site.bo.err.listMax', { max: f.max });
      if (list.some((l) => l.length > 100)) err(p, 'site.bo.err.tooLong', { max: 100 });
      return list;
    }
    case 'select': {
      const v = clean(raw, p);
      if (!v) {
        err(p, 'site.bo.err.choose');
        return undefined;
      }
      if (!f.options.includes(v)) {
        err(p, 'site.bo.err.invalidOption');
        return undefined;
      }
      return v;
    }
    case 'ref': {
      const v = clean(raw, p);
      if (!v) {
        if (f.required) err(p, 'site.bo.err.choose');
        return undefined;
      }
      if (!pc.refs[f.target]?.has(v)) {
        err(p, 'site.bo.err.unknownRef');
        return undefined;
      }
      return v;
    }
    case 'refs': {
      const list = [...new Set(rawList(raw, p).map((x) => x.trim()).filter(Boolean))];
      const unknown = list.filter((x) => !pc.refs[f.target]?.has(x));
      if (unknown.length) {
        err(p, 'site.bo.err.unknownRef');
        return undefined;
      }
      if (f.max && list.length > f.max) err(p, 'site.bo.err.listMax', { max: f.max });
      return list.length ? list : undefined;
    }
    case 'topics': {
      const list = [...new Set(rawList(raw, p).map((x) => x.trim()).filter(Boolean))];
      const unknown = list.filter((x) => !TOPIC_SET.has(x));
      if (unknown.length) err(p, 'site.bo.err.topicUnknown', { topics: unknown.join(', ') });
      else if (list.length < f.min || list.length > f.max) {
        if (f.min === f.max) err(p, 'site.bo.err.topicsExactly', { n: f.min });
        else if (f.min > 0) err(p, 'site.bo.err.topicsRange', { min: f.min, max: f.max });
        else err(p, 'site.bo.err.topicsMax', { max: f.max });
      }
      return list;
    }
    case 'date': {
      const v = clean(raw, p);
      if (!v) {
        if (f.required) err(p, 'site.bo.err.required');
        return undefined;
      }
      if (!isRealDate(v)) {
        err(p, 'site.bo.err.date');
        return undefined;
      }
      return v;
    }
    case 'datetime': {
      const v = clean(raw, p);
      if (!v) {
        if (f.required) err(p, 'site.bo.err.required');
        return undefined;
      }
      const m = DATETIME_RE.exec(v);
      if (!m || !isRealDate(m[1]!) || Number(m[2]) > 23 || Number(m[3]) > 59) {
        err(p, 'site.bo.err.datetime');
        return undefined;
      }
      return `${m[1]}T${m[2]}:${m[3]}`;
    }
    case 'number': {
      const v = clean(raw, p).replace(',', '.');
      if (!v) {
        if (f.required) err(p, 'site.bo.err.required');
        return undefined;
      }
      const n = /^[+-]?\d+(\.\d+)?$/.test(v) ? Number(v) : Number.NaN;
      if (!Number.isFinite(n) || n < f.min || n > f.max) {
        err(p, 'site.bo.err.number', { min: f.min, max: f.max });
        return undefined;
      }
      return n;
    }
    case 'bool':
      return isOn(raw, p);
    case 'url': {
      const v = clean(raw, p);
      if (!v) {
        if (f.required) err(p, 'site.bo.err.required');
        return undefined;
      }
      return validUrl(v) ? v : (err(p, 'site.bo.err.url'), undefined);
    }
    case 'email': {
      const v = clean(raw, p);
      if (!v) {
        if (f.required) err(p, 'site.bo.err.required');
        return undefined;
      }
      if (v.length > 254 || !EMAIL_RE.test(v)) {
        err(p, 'site.bo.err.email');
        return undefined;
      }
      return v;
    }
    case 'link': {
      const url = clean(raw, `${p}.url`);
      const labelIt = clean(raw, `${p}.label.it`);
      const labelEn = clean(raw, `${p}.label.en`);
      if (!url && !labelIt && !labelEn) return undefined;
      let ok = true;
      if (!url) {
        err(`${p}.url`, 'site.bo.err.linkUrl');
        ok = false;
      } else if (!validUrl(url)) {
        err(`${p}.url`, 'site.bo.err.url');
        ok = false;
      }
      const label = localized(raw, `${p}.label`, err, { required: true, max: 200 });
      return ok && label ? { url, label } : undefined;
    }
    case 'hours':
      return parseHours(f, raw, err);
    case 'deadlines': {
      const list = datedLines(raw, p, err);
      return list && list.length ? list.map((x) => ({ date: x.date, label: x.text })) : undefined;
    }
    case 'image': {
      const id = clean(raw, `${p}.current`);
      if (!id || isOn(raw, `${p}.remove`)) return undefined;
      const type = pc.uploads.get(id);
      if (!type || !type.startsWith('image/')) {
        err(`${p}.file`, 'site.bo.err.uploadUnknown');
        return undefined;
      }
      const alt = localized(raw, `${p}.alt`, err, { max: 300 });
      if (!alt) {
        if (!clean(raw, `${p}.alt.it`)) err(`${p}.alt.it`, 'site.bo.err.altRequired');
        return undefined;
      }
      return { uploadId: id, alt };
    }
    case 'file': {
      const id = clean(raw, `${p}.current`);
      if (!id || isOn(raw, `${p}.remove`)) return undefined;
      if (pc.uploads.get(id) !== 'application/pdf') {
        err(`${p}.file`, 'site.bo.err.uploadUnknown');
        return undefined;
      }
      const title = asLocalized(getPath(out, f.titleFrom)) ?? { it: '', en: '' };
      return { uploadId: id, title };
    }
    case 'attachments': {
      const n = Math.min(Math.max(Number.parseInt(clean(raw, `${p}.count`), 10) || 0, 0), 200);
      const list: { uploadId: string; title: Localized }[] = [];
      for (let i = 0; i < n; i++) {
        const id = clean(raw, `${p}.${i}.uploadId`);
        if (!id || isOn(raw, `${p}.${i}.remove`)) continue;
        if (pc.uploads.get(id) !== 'application/pdf') {
          err(`${p}.${i}.title.it`, 'site.bo.err.uploadUnknown');
          continue;
        }
        const title = localized(raw, `${p}.${i}.title`, err, { max: 200 });
        if (!title) {
          if (!clean(raw, `${p}.${i}.title.it`)) err(`${p}.${i}.title.it`, 'site.bo.err.attachmentTitle');
          continue;
        }
        list.push({ uploadId: id, title });
      }
      return list.length ? list : undefined;
    }
  }
}

/** An absolute http(s) address, or a path on this site (`/segnalazioni/nuova`: a service piazza itself offers). */
function validUrl(v: string): boolean {
  if (v.length > 500 || /\s/.test(v)) return false;
  if (/^\/(?![/\\])/.test(v)) return true;
  try {
    const u = new URL(v);
    return (u.protocol === 'https:' || u.protocol === 'http:') && !!u.hostname;
  } catch {
    return false;
  }
}

function parseHours(f: Extract<FieldDef, { kind: 'hours' }>, raw: Raw, err: Err): OpeningHours | undefined {
  const p = f.path;
  const weekly: OpeningHours['weekly'] = [];
  let ok = true;
  for (const day of WEEKDAYS) {
    let prevClose: string | null = null;
    for (const slot of [1, 2] as const) {
      const k = `${p}.${day}.${slot}`;
      const open = clean(raw, `${k}.open`);
      const close = clean(raw, `${k}.close`);
      if (!open && !close) continue;
      if (!open || !close) {
        err(`${k}.${open ? 'close' : 'open'}`, 'site.bo.err.hoursPair');
        ok = false;
        continue;
      }
      if (!TIME_RE.test(open) || !TIME_RE.test(close)) {
        err(`${k}.${TIME_RE.test(open) ? 'close' : 'open'}`, 'site.bo.err.time');
        ok = false;
        continue;
      }
      if (close <= open) {
        err(`${k}.close`, 'site.bo.err.closeBeforeOpen');
        ok = false;
        continue;
      }
      if (prevClose && open < prevClose) {
        err(`${k}.open`, 'site.bo.err.hoursOverlap');
        ok = false;
        continue;
      }
      prevClose = close;
      weekly.push({ day, open, close });
    }
  }
  const exceptions = datedLines(raw, `${p}.exceptions`, err);
  const notes = localized(raw, `${p}.notes`, err, { max: 1000 });
  if (!ok || !exceptions) return undefined;
  if (!weekly.length) {
    if (f.required) {
      err(p, 'site.bo.err.hoursRequired');
      return undefined;
    }
    if (!exceptions.length && !notes) return undefined;
  }
  const h: OpeningHours = { weekly };
  if (exceptions.length) h.exceptions = exceptions.map((x) => ({ date: x.date, closed: true as const, reason: x.text }));
  if (notes) h.notes = notes;
  return h;
}

/** Rules across fields, per content type. */
function crossChecks(type: ContentType, d: Record<string, unknown>, errors: FieldError[]): void {
  const has = (field: string) => errors.some((e) => e.field === field || e.field.startsWith(`${field}.`));
  if (type === 'service') {
    const s = d as unknown as ContentDataMap['service'];
    if (s.status === 'inactive' && !s.statusReason && !has('statusReason')) errors.push({ field: 'statusReason.it', message: 'site.bo.err.statusReason' });
    const a = s.access;
    if (a && !a.online && !a.booking && !a.inPerson && !has('access')) errors.push({ field: 'access', message: 'site.bo.err.channel' });
  }
  if (type === 'event') {
    const e = d as unknown as ContentDataMap['event'];
    if (e.start && e.end && e.end < e.start) errors.push({ field: 'end', message: 'site.bo.err.endBeforeStart' });
  }
}
