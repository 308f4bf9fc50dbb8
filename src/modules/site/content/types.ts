/**
 * The content model of the public site: one data shape per Modello Comuni content type. The shapes are those
 * of the demo content (demo/types.ts) without the slug, which lives on the row, plus images and attachments.
 * References between contents are by slug (slugs never change once created).
 */
import type {
  DemoArea,
  DemoDocument,
  DemoEvent,
  DemoFaq,
  DemoNews,
  DemoOffice,
  DemoOrganisation,
  DemoPerson,
  DemoPlace,
  DemoService,
  Localized,
} from '../demo/types.ts';

export type { Localized, OpeningHours, PostalAddress, Weekday, ServiceCategory } from '../demo/types.ts';
export { SERVICE_CATEGORIES } from '../demo/types.ts';

export const CONTENT_TYPES = ['service', 'office', 'area', 'news', 'event', 'place', 'person', 'organisation', 'document', 'faq'] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

export function isContentType(s: string): s is ContentType {
  return (CONTENT_TYPES as readonly string[]).includes(s);
}

/** An uploaded image (core uploads) with its alternative text, required in both languages' source (Italian). */
export interface ImageRef {
  uploadId: string;
  alt: Localized;
}

/** A file attached to a document or a service (core uploads). */
export interface AttachmentRef {
  uploadId: string;
  title: Localized;
}

type Data<T extends { slug: string }> = Omit<T, 'slug'>;

export interface ServiceData extends Data<DemoService> {
  image?: ImageRef;
  /** The conditions document as a file (service-file); the title is conditionsDocument. */
  conditionsFile?: AttachmentRef;
}
export type OfficeData = Data<DemoOffice>;
export type AreaData = Data<DemoArea>;
export interface NewsData extends Data<DemoNews> {
  image?: ImageRef;
}
export interface EventData extends Data<DemoEvent> {
  image?: ImageRef;
}
export interface PlaceData extends Data<DemoPlace> {
  image?: ImageRef;
}
export interface PersonData extends Data<DemoPerson> {
  image?: ImageRef;
}
export type OrganisationData = Data<DemoOrganisation>;
export interface DocumentData extends Data<DemoDocument> {
  attachments?: AttachmentRef[];
}
export type FaqData = DemoFaq;

export interface ContentDataMap {
  service: ServiceData;
  office: OfficeData;
  area: AreaData;
  news: NewsData;
  event: EventData;
  place: PlaceData;
  person: PersonData;
  organisation: OrganisationData;
  document: DocumentData;
  faq: FaqData;
}
export type ContentData = ContentDataMap[ContentType];

/** A content row as pages and the back office read it. `data` is the published version (or the draft in previews). */
export interface Content<T extends ContentType = ContentType> {
  id: string;
  type: T;
  slug: string;
  data: ContentDataMap[T];
  publishedAt: Date | null;
  updatedAt: Date;
}

/** The row as the back office sees it: both versions. */
export interface EditableContent<T extends ContentType = ContentType> {
  id: string;
  type: T;
  slug: string;
  draft: ContentDataMap[T];
  published: ContentDataMap[T] | null;
  /** The draft differs from the published version. */
  changed: boolean;
  firstPublishedAt: Date | null;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  updatedBy: string | null;
}
