import { describe, expect, it } from 'vitest';
import { defineTemplate, renderTemplate } from './templates.ts';

describe('message templates', () => {
  defineTemplate<{ name: string; number: number }>({
    id: 'probe.greeting',
    subject: { it: 'Ciao {name}\n(pratica {number})', en: 'Hello {name}\n(request {number})' },
    text: { it: 'Ciao {name},\nla pratica {number} è chiusa.\n\nCordiali saluti', en: 'Hello {name},\nrequest {number} is closed.\n\nKind regards' },
  });
  defineTemplate<{ name: string }>({
    id: 'probe.rich',
    subject: { it: 'Benvenuto', en: 'Welcome' },
    text: { it: 'Benvenuto {name}', en: 'Welcome {name}' },
    html: { it: '<p>Benvenuto <strong>{name}</strong></p>', en: '<p>Welcome <strong>{name}</strong></p>' },
  });

  it('fills placeholders in the chosen language and keeps the subject on one line', () => {
    const it_ = renderTemplate('probe.greeting', 'it', { name: 'Maria', number: 42 });
    expect(it_.subject).toBe('Ciao Maria (pratica 42)');
    expect(it_.text).toBe('Ciao Maria,\nla pratica 42 è chiusa.\n\nCordiali saluti');
    expect(renderTemplate('probe.greeting', 'en', { name: 'Maria', number: 42 }).subject).toBe('Hello Maria (request 42)');
  });

  it('escapes every value in the HTML variant', () => {
    const r = renderTemplate('probe.rich', 'it', { name: '<script>alert(1)</script> & "co"' });
    expect(r.html).toContain('<p>Benvenuto <strong>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;co&quot;</strong></p>');
    expect(r.html).not.toContain('<script>');
    expect(r.text).toBe('Benvenuto <script>alert(1)</script> & "co"');
  });

  it('builds the HTML part from the text when a template has none, escaped and in paragraphs', () => {
    const r = renderTemplate('probe.greeting', 'it', { name: '<b>Ugo</b>', number: 1 });
    expect(r.html).toContain('<p>Ciao &lt;b&gt;Ugo&lt;/b&gt;,<br>la pratica 1 è chiusa.</p>\n<p>Cordiali saluti</p>');
    expect(r.html).toContain('<html lang="it">');
  });

  it('refuses to render with a missing value or an unknown template', () => {
    expect(() => renderTemplate('probe.greeting', 'it', { name: 'Maria' })).toThrow('needs a value for {number}');
    expect(() => renderTemplate('probe.nothing', 'it', {})).toThrow('no template probe.nothing');
  });
});
