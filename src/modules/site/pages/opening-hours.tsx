/**
 * Structured opening hours (offices, places): the weekly table in the reader's language, whether the place is
 * open right now (Europe/Rome wall-clock time, whatever the server's time zone), the upcoming closures and notes.
 * Also the schema.org openingHoursSpecification for JSON-LD.
 */
import { registerMessages, t } from '../../../core/i18n/index.ts';
import type { PageContext } from '../../../core/views/layout.tsx';
import { loc } from '../content/derive.ts';
import type { OpeningHours as Hours, Weekday } from '../content/types.ts';
import { formatDate } from './common.tsx';
import it from './i18n/administration.it.json' with { type: 'json' };
import en from './i18n/administration.en.json' with { type: 'json' };

registerMessages({ it, en });

export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const SCHEMA_DAYS: Record<Weekday, string> = {
  mon: 'https://schema.org/Monday',
  tue: 'https://schema.org/Tuesday',
  wed: 'https://schema.org/Wednesday',
  thu: 'https://schema.org/Thursday',
  fri: 'https://schema.org/Friday',
  sat: 'https://schema.org/Saturday',
  sun: 'https://schema.org/Sunday',
};

/** The wall-clock date, weekday and time in Rome at `now`. */
export function romeNow(now: Date): { date: string; day: Weekday; time: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Rome',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    weekday: 'short',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = get('weekday').slice(0, 3).toLowerCase() as Weekday;
  return { date: `${get('year')}-${get('month')}-${get('day')}`, day, time: `${get('hour')}:${get('minute')}` };
}

/** "YYYY-MM-DD" plus `n` days. */
function addDays(date: string, n: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const slotsOf = (hours: Hours, day: Weekday) =>
  hours.weekly.filter((s) => s.day === day).sort((a, b) => a.open.localeCompare(b.open));

export type OpenStatus =
  | { open: true; until: string }
  | { open: false; closedToday?: string; next?: { inDays: number; day: Weekday; time: string } };

/** Whether the hours say "open" at `now` (Rome time), and if not, when it opens next (within a week). */
export function openStatus(hours: Hours, now: Date): OpenStatus | null {
  if (!hours.weekly.length) return null;
  const r = romeNow(now);
  const closedOn = new Map((hours.exceptions ?? []).filter((e) => e.closed).map((e) => [e.date, e]));
  const todayClosure = closedOn.get(r.date);
  if (!todayClosure) {
    const current = slotsOf(hours, r.day).find((s) => s.open <= r.time && r.time < s.close);
    if (current) return { open: true, until: current.close };
  }
  const dayIndex = WEEKDAYS.indexOf(r.day);
  for (let i = 0; i <= 7; i++) {
    const date = addDays(r.date, i);
    if (closedOn.has(date)) continue;
    const day = WEEKDAYS[(dayIndex + i) % 7] as Weekday;
    const slot = slotsOf(hours, day).find((s) => i > 0 || s.open > r.time);
    if (slot) {
      return { open: false, ...(todayClosure ? { closedToday: todayClosure.date } : {}), next: { inDays: i, day, time: slot.open } };
    }
  }
  return { open: false, ...(todayClosure ? { closedToday: todayClosure.date } : {}) };
}

/** schema.org OpeningHoursSpecification entries (weekly slots, then closures as opens = closes = 00:00). */
export function openingHoursSpecification(hours: Hours): Record<string, string>[] {
  return [
    ...hours.weekly.map((s) => ({ '@type': 'OpeningHoursSpecification', dayOfWeek: SCHEMA_DAYS[s.day], opens: s.open, closes: s.close })),
    ...(hours.exceptions ?? [])
      .filter((e) => e.closed)
      .map((e) => ({ '@type': 'OpeningHoursSpecification', validFrom: e.date, validThrough: e.date, opens: '00:00', closes: '00:00' })),
  ];
}

/** The weekly opening hours, today's state and the upcoming closures. `now` is for tests. */
export function OpeningHours({ ctx, hours, now = new Date(), headingLevel = 3 }: { ctx: PageContext; hours: Hours; now?: Date; headingLevel?: 3 | 4 | 5 }) {
  const tr = (k: string, v?: Record<string, string | number>) => t(ctx.locale, k, v);
  const r = romeNow(now);
  const status = openStatus(hours, now);
  const upcoming = (hours.exceptions ?? [])
    .filter((e) => e.date >= r.date)
    .sort((a, b) => a.date.localeCompare(b.date))
    .slice(0, 6);
  const dayName = (d: Weekday) => tr(`site.hours.day.${d}`);
  let statusText = '';
  if (status?.open) {
    statusText = tr('site.hours.openUntil', { time: status.until });
  } else if (status) {
    const closure = status.closedToday ? hours.exceptions?.find((e) => e.date === status.closedToday) : undefined;
    const parts: string[] = [];
    if (closure) parts.push(tr('site.hours.closedToday', { reason: loc(closure.reason, ctx.locale) }));
    if (status.next) {
      const when = status.next.inDays === 0 ? tr('site.hours.today') : status.next.inDays === 1 ? tr('site.hours.tomorrow') : dayName(status.next.day);
      parts.push(tr('site.hours.opensAt', { day: when, time: status.next.time }));
    }
    statusText = parts.join(' ');
  }
  const H = `h${headingLevel}` as 'h3';
  return (
    <div>
      {status ? (
        <p>
          <span class={`badge ${status.open ? 'bg-success' : 'bg-secondary'}`}>{status.open ? tr('site.hours.openNow') : tr('site.hours.closedNow')}</span>
          {statusText ? ` ${statusText}` : null}
        </p>
      ) : null}
      <div class="table-responsive">
        <table class="table table-sm">
          <caption>
            {tr('site.hours.caption')}. {tr('site.hours.romeTime')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{tr('site.hours.day')}</th>
              <th scope="col">{tr('site.hours.time')}</th>
            </tr>
          </thead>
          <tbody>
            {WEEKDAYS.map((d) => {
              const s = slotsOf(hours, d);
              const today = d === r.day;
              return (
                <tr class={today ? 'table-active' : undefined} aria-current={today ? 'date' : undefined}>
                  <th scope="row" class="fw-normal text-capitalize">
                    {today ? <strong>{dayName(d)}</strong> : dayName(d)}
                  </th>
                  <td>
                    {s.length
                      ? s.map((x) => tr('site.hours.range', { open: x.open, close: x.close })).join(tr('site.hours.and'))
                      : tr('site.hours.closed')}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {upcoming.length ? (
        <>
          <H class="h6">{tr('site.hours.exceptions')}</H>
          <ul class="it-list list-unstyled">
            {upcoming.map((e) => (
              <li class="mb-1">
                <time datetime={e.date} class="fw-semibold">
                  {formatDate(ctx.locale, e.date)}
                </time>
                : {loc(e.reason, ctx.locale)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {hours.notes && loc(hours.notes, ctx.locale) ? (
        <>
          <H class="h6">{tr('site.hours.notes')}</H>
          <p>{loc(hours.notes, ctx.locale)}</p>
        </>
      ) : null}
    </div>
  );
}
