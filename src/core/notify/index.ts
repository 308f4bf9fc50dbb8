/** The notifications core: what modules import. */
export { notify, DELIVERY_REQUESTED, type Attachment, type NotifyInput, type NotifyOptions, type NotifyResult, type NotifyError, type Recipient } from './notify.ts';
export { defineTemplate, renderTemplate, escapeHtml, type TemplateDefinition, type TemplateRef, type TemplateData, type Localized } from './templates.ts';
export { listInbox, unreadCount, markRead, markAllRead, type InboxOwner, type InboxMessage } from './inbox.ts';
export { deliverEmail } from './deliver.ts';
