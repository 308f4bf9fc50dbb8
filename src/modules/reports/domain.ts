/**
 * The life of a report: its states, which changes are allowed, and how they map onto Open311 and the
 * public pages. Pure data and functions, shared by the repository, the pages, the back office and Open311.
 */

export const REPORT_STATUSES = [
  'submitted',
  'accepted',
  'assigned',
  'in_progress',
  'resolved',
  'closed',
  'rejected',
  'duplicate',
  'forwarded',
] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const PRIORITIES = ['bassa', 'media', 'alta', 'urgente'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const isReportStatus = (s: unknown): s is ReportStatus => typeof s === 'string' && (REPORT_STATUSES as readonly string[]).includes(s);
export const isPriority = (s: unknown): s is Priority => typeof s === 'string' && (PRIORITIES as readonly string[]).includes(s);

/** States in which the comune still has work to do (counted for SLA, offered as duplicate targets). */
export const OPEN_STATUSES: readonly ReportStatus[] = ['submitted', 'accepted', 'assigned', 'in_progress'];
/** Final states: nothing more happens unless the report is reopened. */
export const FINAL_STATUSES: readonly ReportStatus[] = ['closed', 'rejected', 'duplicate', 'forwarded'];

export const isOpen = (s: string): boolean => (OPEN_STATUSES as readonly string[]).includes(s);

/**
 * Allowed changes. `duplicate` needs the report it is merged into; `forwarded` needs the body it goes to;
 * `rejected` needs a public reply (the citizen must be told why). A resolved report can be reopened
 * (back to in_progress) or closed; closing happens automatically some days after resolution.
 */
export const TRANSITIONS: Record<ReportStatus, readonly ReportStatus[]> = {
  submitted: ['accepted', 'assigned', 'in_progress', 'resolved', 'rejected', 'duplicate', 'forwarded'],
  accepted: ['assigned', 'in_progress', 'resolved', 'rejected', 'duplicate', 'forwarded'],
  assigned: ['in_progress', 'resolved', 'rejected', 'duplicate', 'forwarded'],
  in_progress: ['assigned', 'resolved', 'rejected', 'duplicate', 'forwarded'],
  resolved: ['in_progress', 'closed'],
  closed: ['in_progress'],
  rejected: ['accepted'],
  duplicate: ['accepted'],
  forwarded: ['accepted'],
};

export function canTransition(from: string, to: string): boolean {
  return isReportStatus(from) && isReportStatus(to) && TRANSITIONS[from].includes(to);
}

/** Open311 GeoReport v2 knows only `open` and `closed`. */
export function open311Status(s: string): 'open' | 'closed' {
  return isOpen(s) ? 'open' : 'closed';
}

/** Bootstrap Italia badge colour for a state, for pages and the back office. */
export function statusTone(s: string): 'primary' | 'secondary' | 'success' | 'warning' | 'danger' | 'info' {
  switch (s) {
    case 'submitted':
      return 'warning';
    case 'accepted':
    case 'assigned':
    case 'in_progress':
      return 'primary';
    case 'resolved':
    case 'closed':
      return 'success';
    case 'rejected':
      return 'danger';
    default:
      return 'secondary';
  }
}

/** Input limits, enforced at every edge (form, JSON API, Open311). */
export const LIMITS = {
  title: 120,
  description: 4000,
  address: 200,
  publicReply: 2000,
  internalNote: 4000,
  photos: 5,
  photoBytes: 10 * 1024 * 1024,
  name: 100,
  email: 254,
  phone: 30,
} as const;

/** Duplicate search defaults (issue 4 §5). */
export const DUPLICATE_RADIUS_METERS = 75;
export const DUPLICATE_WINDOW_DAYS = 60;
/** A resolved report closes by itself after this many days if nobody reopens it. */
export const AUTO_CLOSE_DAYS = 14;
