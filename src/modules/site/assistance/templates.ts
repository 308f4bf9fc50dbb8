import { defineTemplate } from '../../../core/notify/index.ts';

/** The messages of the richiesta di assistenza, in Italian and English (see src/core/notify/README.md). */

type Summary = {
  reference: string;
  name: string;
  email: string;
  category: string;
  service: string;
  office: string;
  details: string;
  date: string;
};

/** To the citizen, right after sending: the confirmation "by e-mail" the Modello Comuni asks for. */
export const assistanceReceived = defineTemplate<Summary>({
  id: 'site.assistance-received',
  subject: { it: 'Abbiamo ricevuto la tua richiesta {reference}', en: 'We received your request {reference}' },
  text: {
    it:
      'Gentile {name},\n\nabbiamo ricevuto la tua richiesta di assistenza {reference} del {date}. ' +
      'Ti risponderemo all’indirizzo {email}. Per ogni comunicazione sulla richiesta indica il suo numero, {reference}.\n\n' +
      'Riepilogo\nCategoria di servizio: {category}\nServizio: {service}\nUfficio che la gestisce: {office}\n\nDettagli:\n{details}',
    en:
      'Dear {name},\n\nwe received your request for assistance {reference} of {date}. ' +
      'We will answer at {email}. Please quote its number, {reference}, whenever you write to us about it.\n\n' +
      'Summary\nService category: {category}\nService: {service}\nOffice handling it: {office}\n\nDetails:\n{details}',
  },
});

/** To the staff of the office the request was routed to, and to the operators. */
export const assistanceNew = defineTemplate<Omit<Summary, 'date'> & { surname: string }>({
  id: 'site.assistance-new',
  subject: { it: 'Nuova richiesta di assistenza {reference}', en: 'New request for assistance {reference}' },
  text: {
    it:
      'È arrivata una nuova richiesta di assistenza, {reference}, assegnata a: {office}.\n\n' +
      'Da: {name} {surname} <{email}>\nCategoria di servizio: {category}\nServizio: {service}\n\nDettagli:\n{details}',
    en:
      'A new request for assistance, {reference}, has arrived for: {office}.\n\n' +
      'From: {name} {surname} <{email}>\nService category: {category}\nService: {service}\n\nDetails:\n{details}',
  },
});

/** To the citizen when staff close the request without a message. */
export const assistanceClosed = defineTemplate<{ reference: string; name: string; category: string }>({
  id: 'site.assistance-closed',
  subject: { it: 'La tua richiesta {reference} è stata chiusa', en: 'Your request {reference} has been closed' },
  text: {
    it: 'Gentile {name},\n\nla tua richiesta di assistenza {reference} ({category}) è stata chiusa. Se hai ancora bisogno di aiuto puoi inviare una nuova richiesta dal sito del Comune.',
    en: 'Dear {name},\n\nyour request for assistance {reference} ({category}) has been closed. If you still need help you can send a new request from the Comune’s website.',
  },
});

/** To the citizen when staff close the request with a message for them. */
export const assistanceClosedWithMessage = defineTemplate<{ reference: string; name: string; category: string; message: string }>({
  id: 'site.assistance-closed-message',
  subject: { it: 'La tua richiesta {reference} è stata chiusa', en: 'Your request {reference} has been closed' },
  text: {
    it: 'Gentile {name},\n\nla tua richiesta di assistenza {reference} ({category}) è stata chiusa.\n\nMessaggio dell’ufficio:\n{message}',
    en: 'Dear {name},\n\nyour request for assistance {reference} ({category}) has been closed.\n\nMessage from the office:\n{message}',
  },
});
