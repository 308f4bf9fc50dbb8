/**
 * Demo enti e fondazioni and personale amministrativo of "Comune di Biella (demo)". Every body and person is
 * invented for the demo (names chosen not to match real Biella bodies); shares and roles are illustrative.
 */
import { demoAreas } from './areas-offices.ts';
import type { DemoOrganisation, DemoPerson, Localized } from './types.ts';

const l = (it: string, en: string): Localized => ({ it, en });

export const demoOrganisations: DemoOrganisation[] = [
  {
    slug: 'azienda-speciale-servizi-biellesi',
    name: l('Azienda speciale Servizi Biellesi (demo)', 'Servizi Biellesi special company (demo)'),
    kind: 'azienda speciale',
    description: l(
      'Gestisce per conto del Comune le farmacie comunali, le mense scolastiche e la manutenzione del verde pubblico. Il Consiglio comunale ne approva ogni anno il piano programma e il bilancio.',
      'Runs the municipal pharmacies, school canteens and the upkeep of public green spaces on behalf of the Comune. The city council approves its programme and budget every year.',
    ),
    participation: l('Interamente controllata dal Comune (100%).', 'Wholly owned by the Comune (100%).'),
    topics: ['Istruzione', 'Igiene pubblica', 'Spazio Verde'],
  },
  {
    slug: 'consorzio-servizi-sociali-biellese',
    name: l('Consorzio per i servizi socio-assistenziali del Biellese (demo)', 'Biella area social-care consortium (demo)'),
    kind: 'consorzio',
    description: l(
      'Consorzio tra i comuni del Biellese occidentale che gestisce in forma associata l’assistenza domiciliare, i centri diurni per persone con disabilità e il servizio di tutela minori.',
      'Consortium of the comuni of western Biellese that jointly runs home care, day centres for people with disabilities and child protection services.',
    ),
    participation: l('Quota di partecipazione del Comune: 38,2%, in proporzione ai residenti.', 'The Comune’s share: 38.2%, in proportion to its residents.'),
    topics: ['Assistenza sociale', 'Assistenza agli invalidi', 'Integrazione sociale'],
  },
  {
    slug: 'fondazione-teatro-civico',
    name: l('Fondazione Teatro Civico di Biella (demo)', 'Biella Civic Theatre Foundation (demo)'),
    kind: 'fondazione',
    description: l(
      'Fondazione di partecipazione costituita dal Comune per programmare la stagione teatrale, i corsi di teatro per le scuole e le rassegne estive all’aperto.',
      'A participatory foundation set up by the Comune to plan the theatre season, theatre classes for schools and outdoor summer festivals.',
    ),
    participation: l('Socio fondatore; nomina il presidente e due consiglieri su cinque.', 'Founding member; appoints the chair and two of the five board members.'),
    topics: ['Patrimonio culturale', 'Tempo libero'],
  },
  {
    slug: 'societa-idrica-biellese',
    name: l('Società idrica biellese S.p.A. (demo)', 'Biella water company plc (demo)'),
    kind: 'società partecipata',
    description: l(
      'Società a capitale interamente pubblico che gestisce il servizio idrico integrato (acquedotto, fognatura e depurazione) nei comuni dell’ambito biellese.',
      'A wholly publicly owned company that runs the integrated water service (supply, sewerage and treatment) in the comuni of the Biella area.',
    ),
    participation: l('Quota di partecipazione del Comune: 12,5%.', 'The Comune’s share: 12.5%.'),
    website: 'https://acqua.biella.example',
    topics: ['Acqua', 'Inquinamento'],
  },
];

const STAFF_BIO = (area: Localized): Localized =>
  l(
    `Dirigente dell’area ${area.it.toLowerCase()}: coordina gli uffici dell’area, ne firma gli atti e risponde del raggiungimento degli obiettivi assegnati dalla Giunta nel piano integrato di attività e organizzazione (PIAO).`,
    `Head of the ${area.en.toLowerCase()} department: coordinates its offices, signs its acts and answers for the objectives set by the Giunta in the integrated activity and organisation plan (PIAO).`,
  );

/** Personale amministrativo: the managers (dirigenti) of the administrative areas. */
export const demoStaff: DemoPerson[] = demoAreas.map((a) => ({
  slug: a.manager
    .replace(/^(Dott\.ssa|Dott\.|Ing\.|Arch\.|Comandante)\s+/, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '-'),
  name: a.manager,
  role: l(`Dirigente – ${a.name.it}`, `Head of department – ${a.name.en}`),
  body: 'staff',
  biography: STAFF_BIO(a.name),
  area: a.slug,
  email: `${a.slug}@comune.biella.example`,
}));
