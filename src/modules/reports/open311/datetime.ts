/**
 * W3C ISO 8601 datetimes (https://www.w3.org/TR/NOTE-datetime) as Open311 needs them: every datetime carries a
 * timezone. piazza emits local time in the tenant's zone with its offset (Europe/Rome: `+01:00` / `+02:00`),
 * or `Z` when asked for UTC; both forms are valid for the spec.
 */

export const DEFAULT_TIME_ZONE = 'Europe/Rome';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      era: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(ms: number, timeZone: string): WallClock {
  const parts = formatterFor(timeZone).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  const era = parts.find((p) => p.type === 'era')?.value;
  const year = get('year');
  return {
    year: era === 'BC' || era === 'B' ? 1 - year : year,
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** The zone's offset from UTC, in minutes, at the instant `ms` (Europe/Rome: 60 in winter, 120 in summer). */
export function offsetMinutes(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const whole = ms - (((ms % 1000) + 1000) % 1000);
  return Math.round((asUtc - whole) / 60_000);
}

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0');

/**
 * A W3C datetime with seconds and timezone. With `timeZone` 'UTC' the suffix is `Z`, otherwise the local time of
 * that zone with its `±hh:mm` offset. Fractions of a second are dropped.
 */
export function formatW3cDateTime(date: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('Invalid date');
  const secondMs = Math.floor(ms / 1000) * 1000;
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') {
    const d = new Date(secondMs);
    return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}Z`;
  }
  const w = wallClock(secondMs, timeZone);
  const off = offsetMinutes(secondMs, timeZone);
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * The instant at which the wall clock of `timeZone` shows the given local time. For a time skipped by a DST
 * change the offset before the change is used (02:30 becomes 03:30 summer time); for a repeated time, the first occurrence.
 */
export function zonedTimeToInstant(
  local: { year: number; month: number; day: number; hour?: number; minute?: number; second?: number },
  timeZone: string = DEFAULT_TIME_ZONE,
): Date {
  const target = Date.UTC(local.year, local.month - 1, local.day, local.hour ?? 0, local.minute ?? 0, local.second ?? 0);
  // The offsets in force a day before and a day after cover both sides of any DST change.
  const before = target - offsetMinutes(target - 86_400_000, timeZone) * 60_000;
  const after = target - offsetMinutes(target + 86_400_000, timeZone) * 60_000;
  // Prefer the earlier of the candidates that actually shows the requested wall time.
  for (const c of [Math.min(before, after), Math.max(before, after)]) {
    if (c + offsetMinutes(c, timeZone) * 60_000 === target) return new Date(c);
  }
  // The wall time does not exist (skipped by a DST change): use the offset in force before the change.
  return new Date(before);
}

/** Midnight at the start of a `YYYY-MM-DD` day in `timeZone`, or null when the string is not a real date. */
export function startOfDay(ymd: string, timeZone: string = DEFAULT_TIME_ZONE): Date | null {
  const d = parseCalendarDate(ymd);
  return d ? zonedTimeToInstant(d, timeZone) : null;
}

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A strict `YYYY-MM-DD` with a real day (no 2023-02-30). */
export function parseCalendarDate(value: string): CalendarDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export type W3cParse =
  | { kind: 'instant'; date: Date }
  | { kind: 'date'; date: CalendarDate }
  | { kind: 'no-timezone' }
  | { kind: 'invalid' };

const DATETIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:(Z)|([+-])(\d{2}):?(\d{2}))?$/;

/**
 * Parses a W3C datetime. Complete dates (`YYYY-MM-DD`) come back as `date`; a date-time without timezone is
 * reported as `no-timezone` so callers can answer with a precise error. Offsets are accepted as `±hh:mm` (W3C)
 * and, leniently, `±hhmm`.
 */
export function parseW3cDateTime(raw: string): W3cParse {
  const value = raw.trim();
  const date = parseCalendarDate(value);
  if (date) return { kind: 'date', date };
  const m = DATETIME_RE.exec(value);
  if (!m) return { kind: 'invalid' };
  const cal = parseCalendarDate(`${m[1]}-${m[2]}-${m[3]}`);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (!cal || hour > 23 || minute > 59 || second > 59) return { kind: 'invalid' };
  if (m[8] === undefined && m[9] === undefined) return { kind: 'no-timezone' };
  let offset = 0;
  if (m[9] !== undefined) {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 14 || om > 59) return { kind: 'invalid' };
    offset = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const fraction = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  const ms = Date.UTC(cal.year, cal.month - 1, cal.day, hour, minute, second, fraction) - offset * 60_000;
  return { kind: 'instant', date: new Date(ms) };
}
