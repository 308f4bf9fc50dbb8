import type { Locale } from '../i18n/index.ts';

/**
 * Message templates, in Italian and English. Modules define theirs once at load time:
 *
 *   export const reportReceived = defineTemplate<{ number: string; title: string }>({
 *     id: 'reports.report-received',
 *     subject: { it: 'Segnalazione {number} ricevuta', en: 'Report {number} received' },
 *     text: { it: 'Abbiamo ricevuto «{title}».', en: 'We received "{title}".' },
 *   });
 *
 * `{name}` placeholders are filled from the data; in the `html` variant every value is HTML-escaped.
 * Without `html`, the e-mail's HTML part is the text, escaped, in paragraphs.
 */

export type TemplateData = Record<string, string | number>;

export interface Localized {
  it: string;
  en: string;
}

export interface TemplateDefinition {
  /** `module.name`, e.g. `reports.report-received`. */
  id: string;
  subject: Localized;
  text: Localized;
  html?: Localized;
}

/** A typed handle on a registered template: notify() checks the data against D. */
export interface TemplateRef<D extends TemplateData = TemplateData> {
  readonly id: string;
  /** Type-level only. */
  readonly _data?: D;
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

const registry = new Map<string, TemplateDefinition>();

/** Register a template (a second definition with the same id replaces the first) and return its typed handle. */
export function defineTemplate<D extends TemplateData = TemplateData>(def: TemplateDefinition): TemplateRef<D> {
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(def.id)) throw new Error(`template id ${def.id} is not module.name`);
  registry.set(def.id, def);
  return { id: def.id };
}

export function getTemplate(id: string): TemplateDefinition | undefined {
  return registry.get(id);
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function fill(templateId: string, text: string, data: Record<string, unknown>, encode: (s: string) => string): string {
  return text.replace(/\{(\w+)\}/g, (_m, key: string) => {
    const v = data[key];
    if (v === undefined || v === null) throw new Error(`template ${templateId} needs a value for {${key}}`);
    return encode(String(v));
  });
}

function textToHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

/** Render template `id` in `locale`. A missing placeholder value is a bug in the caller: it throws. */
export function renderTemplate(id: string, locale: Locale, data: Record<string, unknown>): RenderedMessage {
  const def = registry.get(id);
  if (!def) throw new Error(`no template ${id} is defined`);
  // The subject becomes a mail header: one line.
  const subject = fill(id, def.subject[locale], data, (s) => s).replace(/\s*[\r\n]+\s*/g, ' ').trim();
  const text = fill(id, def.text[locale], data, (s) => s);
  const body = def.html ? fill(id, def.html[locale], data, escapeHtml) : textToHtml(text);
  const html = `<!doctype html>\n<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>\n${body}\n</body></html>`;
  return { subject, text, html };
}
