/**
 * The data-element markers the Modello Comuni validator (italia/pa-website-validator-ng) reads. This is the one
 * place they are spelled: pages write data-element={M.serviceLink}, never the literal, and a test checks that
 * no file outside src/core/views writes a data-element attribute by hand.
 */
export const M = {
  // header and navigation
  personalAreaLogin: 'personal-area-login',
  mainNavigation: 'main-navigation',
  management: 'management',
  news: 'news',
  allServices: 'all-services',
  live: 'live',
  customSubmenu: 'custom-submenu',
  allTopics: 'all-topics',
  // footer
  faq: 'faq',
  reportInefficiency: 'report-inefficiency',
  privacyPolicyLink: 'privacy-policy-link',
  legalNotes: 'legal-notes',
  accessibilityLink: 'accessibility-link',
  // every page
  breadcrumb: 'breadcrumb',
  appointmentBooking: 'appointment-booking',
  // first- and second-level pages
  managementCategoryLink: 'management-category-link',
  newsCategoryLink: 'news-category-link',
  serviceCategoryLink: 'service-category-link',
  serviceLink: 'service-link',
  loadOtherCards: 'load-other-cards',
  pagerLink: 'pager-link',
  liveButtonLocations: 'live-button-locations',
  liveButtonEvents: 'live-button-events',
  eventLink: 'event-link',
  topicElement: 'topic-element',
  // scheda servizio
  metatag: 'metatag',
  serviceTitle: 'service-title',
  serviceStatus: 'service-status',
  serviceDescription: 'service-description',
  serviceTopic: 'service-topic',
  pageIndex: 'page-index',
  serviceAddressed: 'service-addressed',
  serviceHowTo: 'service-how-to',
  serviceNeeded: 'service-needed',
  serviceAchieved: 'service-achieved',
  serviceCalendarText: 'service-calendar-text',
  serviceCalendarList: 'service-calendar-list',
  serviceOnlineAccess: 'service-online-access',
  serviceBookingAccess: 'service-booking-access',
  serviceGenericAccess: 'service-generic-access',
  serviceFile: 'service-file',
  serviceArea: 'service-area',
  serviceExtendedDescription: 'service-extended-description',
  serviceCost: 'service-cost',
  // note legali
  legalNotesSection: 'legal-notes-section',
  legalNotesBody: 'legal-notes-body',
} as const;

export type Marker = (typeof M)[keyof typeof M];
