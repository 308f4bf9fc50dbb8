/**
 * What an importer produces: records ready to be stored as piazza reports (by the reports module, later), and
 * the lines it refused or deliberately skipped, each with a reason a person can act on.
 */
import type { PiazzaReportStatus } from '../open311/types.ts';
import type { CategoryCode } from '../triage/categories.ts';

export interface ImportRecord {
  /** Which source system the record comes from, e.g. `municipium-alessandria`. */
  source: string;
  /** The id in the source system (unique per source): re-importing the same file must not duplicate reports. */
  externalId: string;
  /** Line of the source file (1 = header). */
  line: number;
  status: PiazzaReportStatus;
  /** The state as written in the source. */
  sourceStatus: string;
  categoryCode: CategoryCode;
  /** The category as written in the source (null when empty). */
  sourceCategory: string | null;
  createdAt: Date;
  closedAt: Date | null;
  /** How precise createdAt/closedAt are: the Alessandria file has dates without time. */
  datePrecision: 'day' | 'second';
  /** Receiving channel in the source (e.g. `App Municipium`). */
  channel: string | null;
  /** Remarks about the mapping (category defaulted, inconsistent dates…), for the operator's import summary. */
  notes: string[];
}

export interface ImportProblem {
  line: number;
  externalId?: string;
  reason: string;
}

export interface ImportResult {
  records: ImportRecord[];
  /** Lines that could not be read or are inconsistent. */
  rejected: ImportProblem[];
  /** Lines read correctly but deliberately not imported (e.g. deleted in the source). */
  skipped: ImportProblem[];
}

export interface ImportProgress {
  /** Data rows handled so far. */
  processed: number;
  /** Data rows in the file. */
  total: number;
  imported: number;
  rejected: number;
  skipped: number;
}

export interface ImportOptions {
  /** Called every `progressEvery` rows and once at the end (for a progress bar). */
  onProgress?: (progress: ImportProgress) => void;
  /** Default 250. */
  progressEvery?: number;
  /** Zone of the source's local dates. Default Europe/Rome. */
  timeZone?: string;
}
