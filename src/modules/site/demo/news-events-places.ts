/**
 * Demo content of "Comune di Biella (demo)": news (notizie, comunicati, avvisi), places, events, the governing
 * bodies, FAQs and public documents. Places and streets are Biella's real ones (addresses and coordinates are
 * approximate and must be checked before any non-demo use); every person, event, news item and document is invented.
 * Italian is the source text; English is its translation. Paragraphs are separated by a blank line.
 */
import type {
  DemoDocument,
  DemoEvent,
  DemoFaq,
  DemoNews,
  DemoPerson,
  DemoPlace,
  Localized,
  OpeningHours,
  PostalAddress,
  Weekday,
} from './types.ts';

const L = (it: string, en: string): Localized => ({ it, en });

const biella = (street: string): PostalAddress => ({ street, postalCode: '13900', locality: 'Biella' });

/** Christmas Day and New Year's Day 2026–2027: every place with opening hours is closed. */
const HOLIDAYS: NonNullable<OpeningHours['exceptions']> = [
  { date: '2026-12-25', closed: true, reason: L('Natale', 'Christmas Day') },
  { date: '2027-01-01', closed: true, reason: L('Capodanno', "New Year's Day") },
];

const slots = (days: Weekday[], open: string, close: string): OpeningHours['weekly'] =>
  days.map((day) => ({ day, open, close }));

const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

// ---------------------------------------------------------------------------------------------------------------
// Novità: notizie, comunicati, avvisi
// ---------------------------------------------------------------------------------------------------------------

export const demoNews: DemoNews[] = [
  {
    slug: 'iscrizioni-mensa-scolastica-online',
    kind: 'notizia',
    title: L(
      'Iscrizioni alla mensa scolastica: da quest’anno solo online',
      'School canteen enrolment: online only from this year',
    ),
    summary: L(
      'Dal 2 marzo le famiglie iscrivono i figli alla mensa dall’area personale, con SPID o CIE, senza moduli cartacei.',
      'From 2 March families enrol their children in the school canteen from the personal area, with SPID or CIE, without paper forms.',
    ),
    body: L(
      'Per l’anno scolastico 2026/2027 l’iscrizione al servizio di ristorazione scolastica delle scuole dell’infanzia, primarie e secondarie di primo grado si fa esclusivamente online. Basta accedere all’area personale del sito del Comune con SPID o CIE, scegliere “Iscrizione mensa scolastica” e seguire i passaggi: i dati del genitore sono già compilati e si possono salvare le bozze.\n\nNella stessa procedura si possono chiedere la dieta speciale per motivi di salute o la dieta etico-religiosa, allegando il certificato medico quando serve. La tariffa viene calcolata in base all’ISEE, se presente nella banca dati INPS.\n\nChi non ha dimestichezza con gli strumenti digitali può farsi aiutare al Punto Digitale Facile della Biblioteca civica o prendere appuntamento con l’Ufficio Istruzione, che resta disponibile anche per telefono.',
      'For the 2026/2027 school year, enrolment in the school catering service of nursery, primary and lower secondary schools is done online only. Log in to the personal area of the Comune’s website with SPID or CIE, choose “School canteen enrolment” and follow the steps: the parent’s details are already filled in and drafts can be saved.\n\nThe same procedure lets you request a special diet for health reasons or an ethical or religious diet, attaching a medical certificate when required. The fee is calculated on the basis of the ISEE, if available in the INPS database.\n\nAnyone not familiar with digital tools can get help at the Punto Digitale Facile in the civic library or book an appointment with the Education Office, which can also be reached by phone.',
    ),
    date: '2026-02-23',
    topics: ['Istruzione', 'Prodotti alimentari'],
    services: ['iscrizione-mensa-scolastica', 'attivazione-spid'],
  },
  {
    slug: 'nuovo-punto-spid-palazzo-oropa',
    kind: 'notizia',
    title: L('Un nuovo punto SPID a Palazzo Oropa', 'A new SPID desk at Palazzo Oropa'),
    summary: L(
      'All’Ufficio Relazioni con il Pubblico si può attivare l’identità digitale gratuitamente, su appuntamento.',
      'At the Public Relations Office you can activate your digital identity free of charge, by appointment.',
    ),
    body: L(
      'Da lunedì 13 aprile l’Ufficio Relazioni con il Pubblico di Palazzo Oropa, in Via Battistero 4, diventa anche punto di riconoscimento per l’attivazione di SPID. Gli operatori verificano l’identità di persona e accompagnano il cittadino nella procedura con il gestore scelto.\n\nIl servizio è gratuito e si prenota dal sito, nella sezione “Prenota un appuntamento”. Occorrono un documento di identità valido, la tessera sanitaria, un indirizzo e-mail e un telefono cellulare personali.\n\nL’iniziativa fa parte del piano per la transizione digitale del Comune e affianca i corsi del Punto Digitale Facile, pensati per chi usa per la prima volta i servizi online della pubblica amministrazione.',
      'From Monday 13 April the Public Relations Office at Palazzo Oropa, Via Battistero 4, also becomes an identification desk for activating SPID. Staff verify your identity in person and guide you through the procedure with the provider you choose.\n\nThe service is free and is booked on the website, under “Book an appointment”. You need a valid identity document, your health card, and a personal e-mail address and mobile phone.\n\nThe initiative is part of the Comune’s digital transition plan and complements the courses of the Punto Digitale Facile, designed for people using the public administration’s online services for the first time.',
    ),
    date: '2026-04-08',
    topics: ['Accesso all\'informazione', 'PNRR'],
    services: ['attivazione-spid'],
  },
  {
    slug: 'lavori-via-italia-modifiche-ztl',
    kind: 'avviso',
    title: L(
      'Lavori in Via Italia: cambiano gli accessi alla ZTL',
      'Road works in Via Italia: changes to access to the limited traffic zone',
    ),
    summary: L(
      'Dal 4 al 29 maggio un tratto di Via Italia è chiuso per il rifacimento della pavimentazione; varchi ZTL modificati.',
      'From 4 to 29 May a section of Via Italia is closed for repaving; limited traffic zone gates are changed.',
    ),
    body: L(
      'Dal 4 al 29 maggio 2026 è chiuso al traffico, a tratti, un segmento di Via Italia per il rifacimento della pavimentazione e dei sottoservizi. Il cantiere procede per lotti di circa cento metri, così da lasciare sempre accessibili i negozi e i passi carrai.\n\nDurante i lavori i titolari di permesso ZTL entrano dal varco alternativo indicato dalla segnaletica provvisoria; i permessi già rilasciati restano validi e non serve chiederne uno nuovo. I residenti con posto auto nel tratto chiuso possono chiedere un contrassegno temporaneo alla Polizia Locale.\n\nLe linee del trasporto pubblico urbano sono deviate sulle vie parallele: orari e fermate provvisorie sono pubblicati dall’azienda di trasporto e affissi alle fermate.',
      'From 4 to 29 May 2026 a section of Via Italia is closed to traffic in stages for repaving and utility works. The site moves forward in lots of about one hundred metres, so that shops and driveways always remain accessible.\n\nDuring the works, holders of a limited traffic zone (ZTL) permit enter through the alternative gate shown by the temporary signs; permits already issued remain valid and there is no need to apply for a new one. Residents with a parking space in the closed section can ask the Local Police for a temporary pass.\n\nUrban bus lines are diverted onto parallel streets: timetables and temporary stops are published by the transport company and posted at the stops.',
    ),
    date: '2026-04-27',
    topics: ['ZTL', 'Urbanizzazione', 'Trasporto pubblico'],
    services: ['permesso-ztl'],
  },
  {
    slug: 'scadenza-prima-rata-tari-2026',
    kind: 'avviso',
    title: L('TARI 2026: la prima rata scade il 16 giugno', 'TARI 2026: the first instalment is due on 16 June'),
    summary: L(
      'Gli avvisi di pagamento con i moduli pagoPA sono in consegna; si può pagare anche online dall’area personale.',
      'Payment notices with pagoPA forms are being delivered; you can also pay online from the personal area.',
    ),
    body: L(
      'Sono in consegna gli avvisi di pagamento della tassa sui rifiuti (TARI) per il 2026. La prima rata scade il 16 giugno, la seconda il 16 settembre e la terza il 16 dicembre; chi preferisce può pagare tutto in un’unica soluzione entro la scadenza della prima rata.\n\nSi paga con pagoPA: online dall’area personale del sito del Comune, con l’app IO, dall’home banking o presso tabaccherie, uffici postali e sportelli bancari aderenti. Non serve presentare la ricevuta in Comune.\n\nChi non ha ricevuto l’avviso entro la fine di maggio, o trova dati non corretti (superficie, numero di occupanti), può scrivere all’Ufficio Tributi o prendere appuntamento: l’avviso si può anche scaricare dall’area personale.',
      'Payment notices for the waste tax (TARI) for 2026 are being delivered. The first instalment is due on 16 June, the second on 16 September and the third on 16 December; if you prefer you can pay the whole amount by the due date of the first instalment.\n\nPayment is made through pagoPA: online from the personal area of the Comune’s website, with the IO app, via home banking or at participating tobacconists, post offices and bank counters. There is no need to bring the receipt to the Comune.\n\nIf you have not received the notice by the end of May, or find incorrect data (floor area, number of occupants), write to the Tax Office or book an appointment: the notice can also be downloaded from the personal area.',
    ),
    date: '2026-05-20',
    topics: ['Tassa sui servizi', 'Gestione rifiuti', 'Imposte'],
    services: ['tari'],
  },
  {
    slug: 'centri-estivi-2026-iscrizioni-aperte',
    kind: 'notizia',
    title: L('Centri estivi 2026: iscrizioni aperte', 'Summer camps 2026: enrolment is open'),
    summary: L(
      'Dal 22 giugno al 4 settembre attività per bambini e ragazzi dai 3 ai 14 anni; domande entro il 31 maggio.',
      'From 22 June to 4 September, activities for children aged 3 to 14; applications by 31 May.',
    ),
    body: L(
      'Il Comune, insieme alle associazioni sportive e culturali del territorio, organizza anche quest’estate i centri estivi per bambini e ragazzi dai 3 ai 14 anni. Le attività si svolgono dal 22 giugno al 4 settembre, a settimane, in alcune scuole cittadine e negli impianti sportivi comunali.\n\nLe domande si presentano online entro il 31 maggio; si possono scegliere fino a otto settimane e indicare un fratello o una sorella per frequentare la stessa sede. Le tariffe sono agevolate in base all’ISEE.\n\nPer i bambini con disabilità il Comune garantisce il personale di supporto: basta segnalarlo nella domanda, così che l’Ufficio Istruzione possa contattare la famiglia prima dell’inizio.',
      'Together with local sports and cultural associations, the Comune is again organising summer camps for children aged 3 to 14 this year. Activities run from 22 June to 4 September, by the week, in some of the city’s schools and in the municipal sports facilities.\n\nApplications are submitted online by 31 May; you can choose up to eight weeks and name a brother or sister so that they attend the same site. Fees are reduced according to ISEE.\n\nFor children with disabilities the Comune provides support staff: just mention it in the application so that the Education Office can contact the family before the start.',
    ),
    date: '2026-05-04',
    topics: ['Istruzione', 'Tempo libero', 'Sport'],
    services: ['centri-estivi'],
  },
  {
    slug: 'riapertura-giardini-zumaglini',
    kind: 'notizia',
    title: L('I Giardini Zumaglini riaprono rinnovati', 'The Zumaglini Gardens reopen after renovation'),
    summary: L(
      'Nuovi vialetti senza barriere, un’area giochi inclusiva e nuove panchine all’ombra degli alberi storici.',
      'New step-free paths, an inclusive playground and new benches in the shade of the historic trees.',
    ),
    body: L(
      'Dopo alcuni mesi di lavori i Giardini Zumaglini, nel cuore della città, tornano a disposizione di tutti. I vialetti sono stati rifatti con una pavimentazione drenante e senza gradini, così da essere percorribili anche con carrozzine e passeggini.\n\nL’area giochi è stata ripensata come spazio inclusivo, con altalene adatte a bambini con disabilità motorie e giochi sensoriali. Sono state aggiunte nuove panchine, fontanelle e rastrelliere per le biciclette; gli alberi storici sono stati controllati uno a uno dal servizio Verde pubblico.\n\nL’inaugurazione è in programma sabato 20 giugno alle 10.30, con letture per bambini a cura della Biblioteca civica e una visita guidata agli alberi del giardino.',
      'After several months of works, the Zumaglini Gardens in the heart of the city are open to everyone again. The paths have been relaid with a permeable, step-free surface so that they can also be used with wheelchairs and pushchairs.\n\nThe playground has been redesigned as an inclusive space, with swings suitable for children with motor disabilities and sensory games. New benches, drinking fountains and bicycle racks have been added; the historic trees have been checked one by one by the Parks service.\n\nThe opening ceremony is on Saturday 20 June at 10:30, with readings for children by the civic library and a guided walk among the garden’s trees.',
    ),
    date: '2026-06-12',
    topics: ['Spazio Verde', 'Tempo libero'],
  },
  {
    slug: 'corsi-facilitazione-digitale-autunno',
    kind: 'notizia',
    title: L(
      'Punto Digitale Facile: i corsi gratuiti dell’autunno',
      'Punto Digitale Facile: the free autumn courses',
    ),
    summary: L(
      'Da ottobre incontri in piccoli gruppi su SPID, app IO, fascicolo sanitario e pagamenti pagoPA.',
      'From October, small-group sessions on SPID, the IO app, the electronic health record and pagoPA payments.',
    ),
    body: L(
      'Riprendono in Biblioteca civica i corsi gratuiti del Punto Digitale Facile, pensati per chi vuole imparare a usare i servizi online della pubblica amministrazione. Gli incontri sono in piccoli gruppi, al massimo otto persone, e si può portare il proprio smartphone o usare i computer della biblioteca.\n\nIl programma prevede quattro moduli: attivare e usare SPID e CIE, l’app IO, il fascicolo sanitario elettronico e i pagamenti con pagoPA. Ogni modulo dura due ore; è possibile iscriversi anche a un solo incontro.\n\nOltre ai corsi, il martedì e il giovedì pomeriggio i facilitatori offrono assistenza individuale su appuntamento. Il progetto è finanziato nell’ambito del PNRR.',
      'The free courses of the Punto Digitale Facile, for anyone who wants to learn how to use the public administration’s online services, are back at the civic library. Sessions are held in small groups of up to eight people, and you can bring your own smartphone or use the library’s computers.\n\nThe programme has four modules: activating and using SPID and CIE, the IO app, the electronic health record and pagoPA payments. Each module lasts two hours; you can sign up for a single session.\n\nBesides the courses, on Tuesday and Thursday afternoons the facilitators offer one-to-one help by appointment. The project is funded under the PNRR.',
    ),
    date: '2026-09-21',
    topics: ['PNRR', 'Formazione professionale', 'Accesso all\'informazione'],
    services: ['corsi-facilitazione-digitale', 'attivazione-spid'],
  },
  {
    slug: 'consultazione-piano-transizione-digitale',
    kind: 'comunicato',
    title: L(
      'Piano per la transizione digitale: al via la consultazione pubblica',
      'Digital transition plan: public consultation opens',
    ),
    summary: L(
      'Fino al 31 ottobre cittadini, imprese e associazioni possono commentare la bozza del piano e proporre priorità.',
      'Until 31 October residents, businesses and associations can comment on the draft plan and suggest priorities.',
    ),
    body: L(
      'La Giunta ha approvato la bozza del Piano per la transizione digitale del Comune, che indica quali servizi portare online nei prossimi tre anni e come migliorare quelli già disponibili. Prima dell’approvazione definitiva, la bozza è sottoposta a consultazione pubblica.\n\nFino al 31 ottobre chiunque può leggere il documento sul sito, lasciare commenti sui singoli capitoli e rispondere a un breve questionario sui servizi che usa di più. Sono previsti anche due incontri pubblici in Biblioteca civica, il 14 e il 21 ottobre alle 18.\n\n«Vogliamo che le priorità le indichi chi usa i servizi ogni giorno», spiega l’assessora all’innovazione. Al termine della consultazione il Comune pubblicherà una sintesi dei contributi ricevuti e di come sono stati considerati.',
      'The Giunta has approved the draft Digital Transition Plan of the Comune, which sets out which services will go online in the next three years and how to improve those already available. Before its final approval, the draft is open to public consultation.\n\nUntil 31 October anyone can read the document on the website, comment on individual chapters and answer a short questionnaire about the services they use most. Two public meetings are also scheduled at the civic library, on 14 and 21 October at 6 pm.\n\n“We want the priorities to come from the people who use the services every day,” says the councillor for innovation. At the end of the consultation the Comune will publish a summary of the contributions received and of how they were taken into account.',
    ),
    date: '2026-10-01',
    topics: ['Piano di sviluppo', 'Trasparenza amministrativa', 'PNRR'],
  },
  {
    slug: 'piano-neve-2026-2027',
    kind: 'comunicato',
    title: L('Piano neve 2026–2027: come si muove la città', 'Snow plan 2026–2027: how the city gets moving'),
    summary: L(
      'Mezzi spartineve e spargisale pronti dal 15 novembre; priorità a ospedale, scuole, linee dei bus e strade in salita.',
      'Snowploughs and gritters ready from 15 November; priority to the hospital, schools, bus routes and uphill roads.',
    ),
    body: L(
      'Dal 15 novembre al 31 marzo è attivo il piano neve del Comune. I mezzi spartineve e spargisale intervengono secondo un ordine di priorità: prima gli accessi all’ospedale e ai servizi di emergenza, le scuole, le linee del trasporto pubblico e le strade in forte pendenza, come quelle che salgono verso il Piazzo e le frazioni collinari; poi il resto della rete.\n\nAi cittadini chiediamo di non lasciare l’auto lungo i percorsi principali quando è prevista neve, di sgomberare il marciapiede davanti a casa o al negozio come previsto dal regolamento di polizia urbana e di montare gomme invernali o avere le catene a bordo.\n\nLe allerte meteo e gli aggiornamenti sulle strade percorribili sono pubblicati sul sito e sui canali social del Comune. Per segnalare situazioni di pericolo si può usare il servizio di segnalazione disservizio o, in caso di emergenza, chiamare il 112.',
      'The Comune’s snow plan is in force from 15 November to 31 March. Snowploughs and gritters work in order of priority: first the access roads to the hospital and emergency services, schools, public transport routes and steep roads, such as those climbing to the Piazzo and the hillside hamlets; then the rest of the network.\n\nWe ask residents not to leave their cars along the main routes when snow is forecast, to clear the pavement in front of their home or shop as required by the urban police regulation, and to fit winter tyres or carry snow chains.\n\nWeather alerts and updates on passable roads are published on the website and on the Comune’s social media channels. To report hazards you can use the service for reporting problems or, in an emergency, call 112.',
    ),
    date: '2026-11-10',
    topics: ['Protezione civile', 'Risposta alle emergenze', 'Mobilità sostenibile'],
    services: ['segnalazione-disservizio'],
  },
  {
    slug: 'ordinanza-limitazioni-traffico-inverno',
    kind: 'avviso',
    title: L(
      'Ordinanza invernale per la qualità dell’aria',
      'Winter ordinance on air quality',
    ),
    summary: L(
      'Dal 1° novembre al 31 marzo limiti al riscaldamento negli edifici e divieto di abbruciamenti; misure aggiuntive nei giorni di allerta.',
      'From 1 November to 31 March, limits on heating in buildings and a ban on burning waste outdoors; extra measures on alert days.',
    ),
    body: L(
      'Con un’ordinanza del Sindaco sono in vigore, dal 1° novembre al 31 marzo, le misure per la qualità dell’aria previste dagli accordi regionali. Negli edifici valgono i limiti di temperatura fissati dalle norme regionali e all’aperto è vietato bruciare residui vegetali e rifiuti.\n\nNei giorni in cui l’agenzia regionale per l’ambiente segnala il superamento prolungato dei valori di polveri sottili scattano misure aggiuntive, che riguardano soprattutto il riscaldamento a legna e pellet meno efficiente. Il livello di allerta in vigore è pubblicato ogni giorno sul sito del Comune.\n\nIl testo completo dell’ordinanza, con le esenzioni, è consultabile nell’albo pretorio online. Per informazioni ci si può rivolgere all’Ufficio Ambiente.',
      'By order of the Mayor, the air-quality measures set out in the regional agreements are in force from 1 November to 31 March. Indoor temperature limits set by regional rules apply, and burning plant residues and waste outdoors is forbidden.\n\nOn days when the regional environmental agency reports that fine-particle levels have been exceeded for a prolonged period, additional measures apply, mainly concerning less efficient wood and pellet heating. The alert level in force is published daily on the Comune’s website.\n\nThe full text of the ordinance, with its exemptions, is available in the online official notice board. For information, contact the Environment Office.',
    ),
    date: '2026-10-28',
    topics: ['Aria', 'Inquinamento', 'Isolamento termico'],
  },
  {
    slug: 'menu-invernale-mensa-scolastica',
    kind: 'notizia',
    title: L('Mensa scolastica: arriva il menù invernale', 'School canteen: the winter menu arrives'),
    summary: L(
      'Dal 2 novembre piatti di stagione, più legumi e prodotti del territorio; il menù è consultabile online.',
      'From 2 November seasonal dishes, more pulses and local products; the menu can be viewed online.',
    ),
    body: L(
      'Dal 2 novembre nelle scuole cittadine entra in vigore il menù invernale, articolato su quattro settimane e approvato dal servizio di igiene degli alimenti e della nutrizione dell’azienda sanitaria. Tornano le minestre di verdura, i piatti con legumi e le polente, accompagnate da formaggi del territorio.\n\nIl menù tiene conto delle indicazioni emerse dalla commissione mensa, composta da genitori e insegnanti: alcuni piatti poco graditi sono stati sostituiti e la frutta viene servita a metà mattina, per ridurre gli sprechi.\n\nIl menù completo, con l’elenco degli allergeni per ogni piatto, è pubblicato sul sito e nell’area personale delle famiglie iscritte al servizio. Le diete speciali continuano a essere preparate secondo i certificati presentati.',
      'From 2 November the winter menu comes into force in the city’s schools. It runs on a four-week cycle and has been approved by the food hygiene and nutrition service of the local health authority. Vegetable soups, dishes with pulses and polenta with local cheeses are back.\n\nThe menu takes into account the suggestions of the canteen committee of parents and teachers: some less popular dishes have been replaced, and fruit is served mid-morning to reduce waste.\n\nThe full menu, listing the allergens of each dish, is published on the website and in the personal area of families enrolled in the service. Special diets continue to be prepared according to the certificates submitted.',
    ),
    date: '2026-10-26',
    topics: ['Istruzione', 'Prodotti alimentari'],
    services: ['iscrizione-mensa-scolastica'],
  },
  {
    slug: 'mercatino-di-natale-piazza-duomo',
    kind: 'notizia',
    title: L(
      'Torna il Mercatino di Natale in Piazza Duomo',
      'The Christmas market returns to Piazza Duomo',
    ),
    summary: L(
      'Dal 28 novembre al 24 dicembre casette di artigiani e produttori biellesi, musica e laboratori per bambini.',
      'From 28 November to 24 December, stalls of Biella craftspeople and producers, music and workshops for children.',
    ),
    body: L(
      'Dal 28 novembre al 24 dicembre Piazza Duomo si riempie delle casette del Mercatino di Natale. Trovano posto artigiani, produttori agroalimentari e realtà del tessile biellese, selezionati con un avviso pubblico che ha dato spazio in particolare alle botteghe del territorio.\n\nNei fine settimana il programma prevede musica dal vivo sul sagrato, laboratori per bambini e visite guidate al Battistero. Il mercatino è aperto tutti i giorni, con orario prolungato il venerdì e il sabato.\n\nDurante il mercatino cambia la viabilità nelle vie intorno alla piazza: i dettagli sono nell’avviso della Polizia Locale. Si consiglia di raggiungere il centro a piedi, in bicicletta o con i mezzi pubblici.',
      'From 28 November to 24 December Piazza Duomo fills with the stalls of the Christmas market. They host craftspeople, food producers and companies from Biella’s textile sector, selected through a public call that gave priority to local workshops.\n\nAt weekends the programme includes live music in front of the cathedral, workshops for children and guided tours of the Baptistery. The market is open every day, with longer hours on Fridays and Saturdays.\n\nDuring the market the traffic arrangements in the streets around the square change: details are in the Local Police notice. We recommend reaching the centre on foot, by bike or by public transport.',
    ),
    date: '2026-11-16',
    topics: ['Tempo libero', 'Commercio ambulante', 'Turismo'],
  },
  {
    slug: 'consiglio-comunale-seduta-bilancio',
    kind: 'comunicato',
    title: L(
      'Consiglio comunale convocato per il bilancio di previsione',
      'City council convened for the budget',
    ),
    summary: L(
      'Seduta pubblica il 30 novembre alle 18 nella sala consiliare di Palazzo Oropa, anche in diretta streaming.',
      'Public session on 30 November at 6 pm in the council chamber of Palazzo Oropa, also streamed live.',
    ),
    body: L(
      'Il Consiglio comunale è convocato lunedì 30 novembre alle 18 nella sala consiliare di Palazzo Oropa, in Via Battistero 4. All’ordine del giorno ci sono l’esame del bilancio di previsione 2027–2029, le tariffe dei servizi a domanda individuale e alcune interrogazioni dei consiglieri.\n\nLa seduta è pubblica: il pubblico può assistere dalla tribuna fino all’esaurimento dei posti, oppure seguire la diretta streaming sul sito del Comune. La registrazione resta disponibile nella sezione dedicata al Consiglio.\n\nL’ordine del giorno completo e i documenti in discussione sono pubblicati nell’albo pretorio online e nella sezione Amministrazione trasparente.',
      'The city council is convened on Monday 30 November at 6 pm in the council chamber of Palazzo Oropa, Via Battistero 4. The agenda includes the examination of the 2027–2029 budget, the fees for services provided on individual request and some questions from councillors.\n\nThe session is public: members of the public can watch from the gallery while seats are available, or follow the live stream on the Comune’s website. The recording remains available in the council section.\n\nThe full agenda and the documents under discussion are published in the online official notice board and in the Transparent administration section.',
    ),
    date: '2026-11-20',
    topics: ['Comunicazione istituzionale', 'Bilancio', 'Trasparenza amministrativa'],
  },
  {
    slug: 'ritiro-ingombranti-nuovo-calendario',
    kind: 'avviso',
    title: L(
      'Ingombranti: il ritiro a domicilio si prenota online',
      'Bulky waste: home collection is booked online',
    ),
    summary: L(
      'Da settembre il ritiro gratuito a domicilio si prenota dal sito, scegliendo la data tra quelle disponibili.',
      'From September the free home collection is booked on the website, choosing from the available dates.',
    ),
    body: L(
      'Da settembre il ritiro degli ingombranti a domicilio si prenota online, dall’area personale: si indicano gli oggetti da ritirare, fino a cinque pezzi per volta, e si sceglie la data tra quelle proposte per la propria zona. Chi non usa internet può continuare a prenotare per telefono.\n\nIl servizio è gratuito per le utenze domestiche che pagano la TARI. Gli oggetti vanno lasciati a piano strada, davanti al numero civico indicato, la sera prima del giorno di ritiro e senza ostacolare il passaggio sul marciapiede.\n\nIn alternativa gli ingombranti si possono portare gratuitamente al centro di raccolta negli orari di apertura. Abbandonare rifiuti per strada è vietato ed è punito con una sanzione.',
      'From September home collection of bulky waste is booked online, from the personal area: list the items to be collected, up to five at a time, and choose a date from those offered for your area. Those who do not use the internet can still book by phone.\n\nThe service is free for households that pay TARI. Items must be left at street level, in front of the given house number, the evening before the collection day and without blocking the pavement.\n\nAlternatively, bulky waste can be taken free of charge to the collection centre during its opening hours. Dumping waste in the street is forbidden and punished with a fine.',
    ),
    date: '2026-08-31',
    topics: ['Gestione rifiuti', 'Igiene pubblica'],
    services: ['ritiro-rifiuti-ingombranti', 'tari'],
  },
  {
    slug: 'carta-identita-open-day-sabato',
    kind: 'comunicato',
    title: L(
      'Carta d’identità elettronica: aperture straordinarie il sabato',
      'Electronic identity card: extra Saturday openings',
    ),
    summary: L(
      'A marzo l’Anagrafe apre due sabati mattina per ridurre le attese prima dell’estate; si entra solo su appuntamento.',
      'In March the Registry Office opens on two Saturday mornings to cut waiting times before the summer; by appointment only.',
    ),
    body: L(
      'Per ridurre i tempi di attesa prima dei viaggi estivi, l’Ufficio Anagrafe apre in via straordinaria sabato 14 e sabato 28 marzo, dalle 8.30 alle 12.30, esclusivamente per il rilascio della carta d’identità elettronica.\n\nGli appuntamenti si prenotano online dal sito del Comune o dall’Agenda CIE del Ministero dell’Interno. Occorre presentarsi con la vecchia carta (o la denuncia di smarrimento), una fototessera recente e la tessera sanitaria; il costo è pagato allo sportello.\n\nRicordiamo che dal 3 agosto 2026 le carte d’identità cartacee non sono più valide: chi ne ha ancora una deve chiedere la carta elettronica.',
      'To cut waiting times before summer travel, the Registry Office will open exceptionally on Saturday 14 and Saturday 28 March, from 8:30 to 12:30, solely to issue electronic identity cards.\n\nAppointments are booked online on the Comune’s website or through the Ministry of the Interior’s CIE booking system. Bring your old card (or the loss report), a recent passport photo and your health card; the fee is paid at the counter.\n\nPlease note that from 3 August 2026 paper identity cards are no longer valid: anyone who still has one must apply for the electronic card.',
    ),
    date: '2026-03-02',
    topics: ['Anagrafe', 'Viaggi'],
    services: ['carta-identita-elettronica'],
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Vivere Biella: luoghi
// ---------------------------------------------------------------------------------------------------------------

export const demoPlaces: DemoPlace[] = [
  {
    slug: 'palazzo-oropa',
    kind: 'edificio pubblico',
    name: L('Palazzo Oropa – Municipio', 'Palazzo Oropa – Town Hall'),
    description: L(
      'Palazzo Oropa è la sede del Municipio di Biella e si affaccia sulla piazza del Battistero, a pochi passi dal Duomo. L’edificio storico, più volte trasformato nel corso dei secoli, ospita gli uffici del Sindaco e della Giunta, la sala consiliare e diversi sportelli aperti al pubblico.\n\nAl piano terreno si trova l’Ufficio Relazioni con il Pubblico, il primo punto di contatto per informazioni, reclami, attivazione di SPID e orientamento tra i servizi comunali. Gli altri uffici ricevono su appuntamento, prenotabile dal sito.\n\nLe sedute del Consiglio comunale, nella sala consiliare, sono pubbliche e vengono trasmesse in diretta streaming.',
      'Palazzo Oropa is Biella’s town hall and overlooks the Baptistery square, a few steps from the Cathedral. The historic building, altered several times over the centuries, houses the offices of the Mayor and the Giunta, the council chamber and several public counters.\n\nOn the ground floor is the Public Relations Office, the first point of contact for information, complaints, SPID activation and guidance on municipal services. The other offices receive the public by appointment, which can be booked on the website.\n\nCity council sessions, held in the council chamber, are open to the public and streamed live.',
    ),
    address: biella('Via Battistero 4'),
    lat: 45.5626,
    lon: 8.0563,
    hours: {
      weekly: [...slots(WEEKDAYS, '08:30', '12:30'), ...slots(['tue', 'thu'], '14:00', '16:30')],
      exceptions: HOLIDAYS,
      notes: L(
        'Orari dell’Ufficio Relazioni con il Pubblico; gli altri uffici ricevono su appuntamento.',
        'Opening hours of the Public Relations Office; the other offices receive the public by appointment.',
      ),
    },
    accessibility: L(
      'Ingresso accessibile senza gradini dal lato della piazza, ascensore per tutti i piani e servizio igienico accessibile al piano terreno. Per esigenze particolari si consiglia di contattare l’Ufficio Relazioni con il Pubblico prima della visita.',
      'Step-free entrance from the square side, lift to all floors and accessible toilet on the ground floor. For specific needs we recommend contacting the Public Relations Office before your visit.',
    ),
    topics: ['Comunicazione istituzionale', 'Accesso all\'informazione'],
  },
  {
    slug: 'piazza-duomo-battistero',
    kind: 'monumento',
    name: L('Piazza Duomo, Duomo e Battistero', 'Piazza Duomo, Cathedral and Baptistery'),
    description: L(
      'Piazza Duomo è il cuore religioso e civile di Biella Piano. Vi si affacciano la Cattedrale di Santo Stefano, con la sua facciata neogotica, e il Battistero romanico, uno dei monumenti più antichi e noti della città, costruito in ciottoli e mattoni secondo una pianta a quadrifoglio.\n\nAccanto sorge il campanile di Santo Stefano, ciò che resta della chiesa più antica, mentre a pochi passi si trova Palazzo Oropa, sede del Municipio. La piazza, in gran parte pedonale, ospita nel periodo natalizio il mercatino e durante l’anno concerti e manifestazioni.\n\nIl Battistero è aperto in occasione di visite guidate e di eventi; gli orari di apertura della Cattedrale sono stabiliti dalla parrocchia.',
      'Piazza Duomo is the religious and civic heart of lower Biella. Overlooking it are the Cathedral of Santo Stefano, with its neo-Gothic façade, and the Romanesque Baptistery, one of the city’s oldest and best-known monuments, built of river stones and brick on a four-lobed plan.\n\nNext to it stands the bell tower of Santo Stefano, all that remains of the earlier church, and a few steps away is Palazzo Oropa, the town hall. The largely pedestrian square hosts the Christmas market and, during the year, concerts and events.\n\nThe Baptistery opens for guided tours and events; the Cathedral’s opening hours are set by the parish.',
    ),
    address: biella('Piazza Duomo'),
    lat: 45.5631,
    lon: 8.0556,
    accessibility: L(
      'La piazza è pianeggiante e pedonale, con pavimentazione in pietra in alcuni tratti irregolare. L’accesso all’interno del Battistero può presentare un dislivello: durante le visite guidate il personale fornisce assistenza.',
      'The square is flat and pedestrian, with a stone surface that is uneven in places. Access to the inside of the Baptistery may involve a step: staff provide assistance during guided tours.',
    ),
    topics: ['Patrimonio culturale', 'Turismo', 'Zone pedonali'],
  },
  {
    slug: 'biblioteca-civica',
    kind: 'biblioteca',
    name: L('Biblioteca civica', 'Civic library'),
    description: L(
      'La Biblioteca civica di Biella ha sede in Piazza Curiel, vicino alla stazione a valle della funicolare per il Piazzo. Offre prestito di libri, riviste, film e audiolibri, sale studio, postazioni internet e una sezione ragazzi con spazi dedicati alla lettura per i più piccoli.\n\nCon la tessera, gratuita per chi risiede o studia nella provincia, si accede anche al prestito digitale di e-book e quotidiani. In biblioteca si trova il Punto Digitale Facile, dove facilitatori formati aiutano a usare SPID, app IO e servizi online.\n\nDurante l’anno la biblioteca organizza gruppi di lettura, presentazioni di libri, letture animate e laboratori per le scuole.',
      'Biella’s civic library is in Piazza Curiel, near the lower station of the funicular to the Piazzo. It lends books, magazines, films and audiobooks, and offers study rooms, internet stations and a children’s section with dedicated reading spaces for the youngest.\n\nThe library card, free for those who live or study in the province, also gives access to digital lending of e-books and newspapers. The library hosts the Punto Digitale Facile, where trained facilitators help people use SPID, the IO app and online services.\n\nThroughout the year the library organises reading groups, book presentations, storytelling sessions and workshops for schools.',
    ),
    address: biella('Piazza Curiel 13'),
    lat: 45.5648,
    lon: 8.0509,
    hours: {
      weekly: [
        ...slots(['mon'], '14:00', '19:00'),
        ...slots(['tue', 'wed', 'thu', 'fri'], '09:00', '19:00'),
        ...slots(['sat'], '09:00', '13:00'),
      ],
      exceptions: [
        ...HOLIDAYS,
        { date: '2026-12-24', closed: true, reason: L('Vigilia di Natale', 'Christmas Eve') },
        { date: '2026-12-31', closed: true, reason: L('Ultimo giorno dell’anno', 'New Year’s Eve') },
      ],
      notes: L(
        'Il Punto Digitale Facile riceve il martedì e il giovedì dalle 14 alle 18, su appuntamento.',
        'The Punto Digitale Facile receives on Tuesdays and Thursdays from 2 pm to 6 pm, by appointment.',
      ),
    },
    accessibility: L(
      'Ingresso senza gradini, ascensore per raggiungere tutte le sale aperte al pubblico e servizio igienico accessibile. Sono disponibili alcuni audiolibri e libri ad alta leggibilità; per esigenze particolari è utile avvisare il personale.',
      'Step-free entrance, lift to all rooms open to the public and accessible toilet. Some audiobooks and easy-to-read books are available; for specific needs it helps to let the staff know in advance.',
    ),
    topics: ['Tempo libero', 'Istruzione', 'Accesso all\'informazione'],
  },
  {
    slug: 'museo-del-territorio-biellese',
    kind: 'museo',
    name: L('Museo del Territorio Biellese', 'Museum of the Biella Territory'),
    description: L(
      'Il Museo del Territorio Biellese ha sede nel complesso del chiostro di San Sebastiano, accanto all’omonima basilica rinascimentale. Le collezioni raccontano la storia del Biellese dalla preistoria all’età moderna, con sezioni di archeologia e di arte.\n\nAccanto al percorso permanente, il museo ospita mostre temporanee dedicate alla tradizione laniera e tessile, all’artigianato e agli artisti del territorio, spesso in collaborazione con le istituzioni culturali della città.\n\nSono disponibili visite guidate e laboratori didattici per le scuole, su prenotazione.',
      'The Museum of the Biella Territory is housed in the cloister complex of San Sebastiano, next to the Renaissance basilica of the same name. Its collections tell the story of the Biella area from prehistory to the modern age, with archaeology and art sections.\n\nAlongside the permanent collection, the museum hosts temporary exhibitions on the wool and textile tradition, on crafts and on local artists, often together with the city’s cultural institutions.\n\nGuided tours and educational workshops for schools are available on booking.',
    ),
    address: biella('Via Quintino Sella 54/b'),
    lat: 45.5668,
    lon: 8.0528,
    hours: {
      weekly: [...slots(['thu', 'fri'], '15:00', '19:00'), ...slots(['sat', 'sun'], '10:00', '19:00')],
      exceptions: HOLIDAYS,
      notes: L(
        'Da lunedì a mercoledì apertura su prenotazione per scuole e gruppi.',
        'Monday to Wednesday, open by booking for schools and groups.',
      ),
    },
    accessibility: L(
      'Le sale espositive sono raggiungibili senza barriere tramite rampe e ascensore; è presente un servizio igienico accessibile. Alcune parti del chiostro hanno pavimentazione storica irregolare.',
      'The exhibition rooms can be reached step-free via ramps and a lift; there is an accessible toilet. Some parts of the cloister have uneven historic paving.',
    ),
    topics: ['Patrimonio culturale', 'Turismo', 'Tempo libero'],
  },
  {
    slug: 'piazzo-e-funicolare',
    kind: 'monumento',
    name: L('Il Piazzo e la funicolare', 'The Piazzo and the funicular'),
    description: L(
      'Il Piazzo è il borgo medievale nella parte alta di Biella, affacciato sulla pianura. Le sue vie acciottolate, i portici e i palazzi nobiliari, come Palazzo La Marmora e Palazzo Gromo Losa, si raccolgono intorno a Piazza Cisterna, con il suo antico porticato.\n\nDa Biella Piano al Piazzo si sale a piedi lungo le coste, le ripide strade storiche, oppure con la funicolare, che collega in pochi minuti la zona di Piazza Curiel con il borgo alto.\n\nIl Piazzo ospita durante l’anno mostre, mercatini e manifestazioni, e dai suoi belvedere nelle giornate limpide lo sguardo arriva fino alla pianura e alle Alpi.',
      'The Piazzo is the medieval upper town of Biella, overlooking the plain. Its cobbled streets, arcades and noble palaces, such as Palazzo La Marmora and Palazzo Gromo Losa, are gathered around Piazza Cisterna and its old portico.\n\nFrom lower Biella you reach the Piazzo on foot along the coste, the steep historic lanes, or by funicular, which links the Piazza Curiel area with the upper town in a few minutes.\n\nThroughout the year the Piazzo hosts exhibitions, markets and events, and on clear days its viewpoints look out over the plain to the Alps.',
    ),
    address: biella('Piazza Cisterna'),
    lat: 45.5617,
    lon: 8.0483,
    hours: {
      weekly: slots(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], '07:00', '22:00'),
      exceptions: HOLIDAYS,
      notes: L(
        'Orari indicativi della funicolare; il servizio può essere sospeso per manutenzione. Il borgo è sempre accessibile.',
        'Indicative funicular hours; the service may be suspended for maintenance. The upper town is always accessible.',
      ),
    },
    accessibility: L(
      'La funicolare permette di raggiungere il Piazzo senza affrontare le salite. Nel borgo le vie sono acciottolate e in pendenza: chi si muove in carrozzina potrebbe aver bisogno di un accompagnatore.',
      'The funicular lets you reach the Piazzo without climbing. In the upper town the streets are cobbled and sloping: wheelchair users may need someone to accompany them.',
    ),
    topics: ['Patrimonio culturale', 'Turismo', 'Trasporto pubblico'],
  },
  {
    slug: 'giardini-zumaglini',
    kind: 'parco',
    name: L('Giardini Zumaglini', 'Zumaglini Gardens'),
    description: L(
      'I Giardini Zumaglini sono il principale giardino pubblico del centro di Biella, a pochi passi dalle vie dello shopping. All’ombra di alberi di grandi dimensioni, alcuni dei quali storici, offrono vialetti, panchine e un’area giochi per bambini.\n\nDopo i recenti lavori di riqualificazione i percorsi sono senza gradini e l’area giochi è stata pensata per essere inclusiva. I giardini ospitano in alcune occasioni letture all’aperto, piccoli concerti e feste per bambini.\n\nI cani sono ammessi al guinzaglio, fuori dall’area giochi.',
      'The Zumaglini Gardens are the main public garden in central Biella, a few steps from the shopping streets. In the shade of large trees, some of them historic, they offer paths, benches and a children’s playground.\n\nAfter recent renovation works the paths are step-free and the playground has been designed to be inclusive. The gardens occasionally host outdoor readings, small concerts and children’s parties.\n\nDogs are allowed on a lead, outside the playground.',
    ),
    address: biella('Via Lamarmora'),
    lat: 45.5655,
    lon: 8.0545,
    accessibility: L(
      'Vialetti pianeggianti senza gradini, percorribili con carrozzine e passeggini; area giochi con attrezzature inclusive. Non sono presenti servizi igienici pubblici all’interno del giardino.',
      'Flat, step-free paths usable with wheelchairs and pushchairs; playground with inclusive equipment. There are no public toilets inside the garden.',
    ),
    topics: ['Spazio Verde', 'Tempo libero'],
  },
  {
    slug: 'cittadellarte-fondazione-pistoletto',
    kind: 'museo',
    name: L('Cittadellarte – Fondazione Pistoletto', 'Cittadellarte – Fondazione Pistoletto'),
    description: L(
      'Cittadellarte – Fondazione Pistoletto ha sede in un ex lanificio lungo il torrente Cervo. Fondata dall’artista Michelangelo Pistoletto, è un laboratorio in cui l’arte dialoga con la moda sostenibile, l’architettura, l’economia e la politica, secondo l’idea di un’arte al servizio della trasformazione sociale.\n\nGli spazi ospitano mostre, residenze di artisti, incontri e progetti educativi. L’edificio stesso racconta la storia industriale di Biella e della sua tradizione laniera.\n\nCittadellarte è una fondazione privata: orari, biglietti e programma vanno verificati sul sito della fondazione.',
      'Cittadellarte – Fondazione Pistoletto is housed in a former wool mill along the Cervo river. Founded by the artist Michelangelo Pistoletto, it is a laboratory where art meets sustainable fashion, architecture, economics and politics, following the idea of art serving social transformation.\n\nIts spaces host exhibitions, artists’ residencies, talks and educational projects. The building itself tells the story of Biella’s industry and wool tradition.\n\nCittadellarte is a private foundation: opening hours, tickets and programme should be checked on the foundation’s website.',
    ),
    address: biella('Via Serralunga 27'),
    lat: 45.5725,
    lon: 8.0612,
    hours: {
      weekly: slots(['fri', 'sat', 'sun'], '11:00', '19:00'),
      exceptions: HOLIDAYS,
      notes: L(
        'Orari indicativi delle mostre; fanno fede quelli pubblicati dalla fondazione.',
        'Indicative exhibition hours; those published by the foundation prevail.',
      ),
    },
    accessibility: L(
      'Gran parte degli spazi espositivi si trova al piano terreno di un edificio industriale ed è raggiungibile senza gradini; per i piani superiori e per i servizi accessibili è consigliabile informarsi presso la fondazione prima della visita.',
      'Most exhibition spaces are on the ground floor of an industrial building and can be reached step-free; for the upper floors and accessible toilets it is advisable to check with the foundation before visiting.',
    ),
    topics: ['Patrimonio culturale', 'Turismo', 'Sviluppo sostenibile'],
  },
  {
    slug: 'palazzo-gromo-losa',
    kind: 'museo',
    name: L('Palazzo Gromo Losa', 'Palazzo Gromo Losa'),
    description: L(
      'Palazzo Gromo Losa è una dimora nobiliare del Piazzo, affacciata su Corso del Piazzo, con un giardino all’italiana che si apre sulla città bassa e sulla pianura.\n\nRestaurato e oggi utilizzato come sede espositiva, il palazzo ospita mostre d’arte e di fotografia, convegni e iniziative culturali. Il giardino è uno degli spazi più suggestivi del borgo alto.\n\nL’apertura al pubblico dipende dal calendario delle mostre e degli eventi.',
      'Palazzo Gromo Losa is a noble residence in the Piazzo, on Corso del Piazzo, with an Italian-style garden opening onto the lower town and the plain.\n\nRestored and now used as an exhibition venue, the palazzo hosts art and photography exhibitions, conferences and cultural events. The garden is one of the most evocative spaces in the upper town.\n\nIt is open to the public according to the calendar of exhibitions and events.',
    ),
    address: biella('Corso del Piazzo 22'),
    lat: 45.5613,
    lon: 8.0476,
    hours: {
      weekly: [...slots(['sat', 'sun'], '10:00', '13:00'), ...slots(['sat', 'sun'], '14:30', '18:30')],
      exceptions: HOLIDAYS,
      notes: L(
        'Aperto solo durante le mostre; negli altri periodi su richiesta per gruppi.',
        'Open only during exhibitions; at other times on request for groups.',
      ),
    },
    accessibility: L(
      'L’accesso alle sale principali è possibile con l’aiuto del personale; alcune sale e il giardino presentano dislivelli. Si consiglia di contattare gli organizzatori della mostra prima della visita.',
      'The main rooms can be reached with help from the staff; some rooms and the garden have changes in level. We recommend contacting the exhibition organisers before your visit.',
    ),
    topics: ['Patrimonio culturale', 'Turismo'],
  },
  {
    slug: 'teatro-sociale-villani',
    kind: 'teatro',
    name: L('Teatro Sociale Villani', 'Teatro Sociale Villani'),
    description: L(
      'Il Teatro Sociale Villani è il teatro storico di Biella, nel centro della città. Nel corso della stagione ospita prosa, concerti, danza, spettacoli per le scuole e incontri pubblici.\n\nLa sala, con platea e palchi, è utilizzata anche per cerimonie cittadine e rassegne promosse dal Comune insieme alle associazioni culturali del territorio.\n\nLa biglietteria apre nei giorni che precedono gli spettacoli e un’ora prima dell’inizio; il programma è pubblicato nella sezione Eventi.',
      'The Teatro Sociale Villani is Biella’s historic theatre, in the city centre. During the season it hosts drama, concerts, dance, shows for schools and public meetings.\n\nThe auditorium, with stalls and boxes, is also used for civic ceremonies and festivals promoted by the Comune together with local cultural associations.\n\nThe box office opens in the days before performances and one hour before the start; the programme is published in the Events section.',
    ),
    address: biella('Via Cesare Battisti 19'),
    lat: 45.5641,
    lon: 8.0537,
    hours: {
      weekly: slots(['wed', 'thu', 'fri', 'sat'], '16:00', '19:00'),
      exceptions: HOLIDAYS,
      notes: L(
        'Orari della biglietteria; nei giorni di spettacolo apre anche un’ora prima dell’inizio.',
        'Box office hours; on performance days it also opens one hour before the start.',
      ),
    },
    accessibility: L(
      'Ingresso accessibile e posti riservati a persone in carrozzina in platea, con accompagnatore; servizio igienico accessibile. I palchi si raggiungono solo con le scale. È consigliato segnalare le proprie esigenze al momento dell’acquisto del biglietto.',
      'Accessible entrance and wheelchair spaces in the stalls, with a companion seat; accessible toilet. The boxes can only be reached by stairs. Please mention your needs when buying your ticket.',
    ),
    topics: ['Tempo libero', 'Patrimonio culturale'],
  },
  {
    slug: 'palazzetto-dello-sport',
    kind: 'impianto sportivo',
    name: L('Palazzetto dello sport', 'Sports hall'),
    description: L(
      'Il palazzetto dello sport è l’impianto coperto principale della città, utilizzato per pallacanestro, pallavolo e altri sport di squadra, oltre che per manifestazioni ed eventi.\n\nDurante la settimana è a disposizione di società sportive e scuole secondo il calendario di assegnazione degli spazi; nel fine settimana ospita campionati e tornei.\n\nLe richieste di utilizzo da parte di associazioni si presentano all’Ufficio Sport del Comune.',
      'The sports hall is the city’s main indoor facility, used for basketball, volleyball and other team sports, as well as for shows and events.\n\nDuring the week it is used by sports clubs and schools according to the allocation schedule; at weekends it hosts league matches and tournaments.\n\nAssociations apply to use it through the Comune’s Sports Office.',
    ),
    address: biella('Viale Macallè'),
    lat: 45.5565,
    lon: 8.0627,
    hours: {
      weekly: [...slots(WEEKDAYS, '08:00', '23:00'), ...slots(['sat', 'sun'], '09:00', '22:00')],
      exceptions: HOLIDAYS,
      notes: L(
        'Accesso secondo il calendario di utilizzo e degli eventi.',
        'Access according to the usage and events calendar.',
      ),
    },
    accessibility: L(
      'Ingresso senza gradini, posti per persone in carrozzina in tribuna e servizi igienici accessibili; gli spogliatoi accessibili sono disponibili per atleti con disabilità.',
      'Step-free entrance, wheelchair spaces in the stands and accessible toilets; accessible changing rooms are available for athletes with disabilities.',
    ),
    topics: ['Sport', 'Tempo libero'],
  },
  {
    slug: 'piscina-comunale',
    kind: 'impianto sportivo',
    name: L('Piscina comunale', 'Municipal swimming pool'),
    description: L(
      'La piscina comunale dispone di una vasca coperta per il nuoto libero e i corsi e di una vasca per l’acquaticità dei più piccoli. In estate è aperta anche l’area esterna con solarium.\n\nL’impianto è gestito in concessione da una società sportiva, che organizza corsi di nuoto per tutte le età, acquagym e attività per persone con disabilità. Le scuole cittadine la utilizzano per i corsi di nuoto in orario scolastico.\n\nTariffe e orari del nuoto libero possono variare durante l’anno: il calendario aggiornato è esposto all’ingresso.',
      'The municipal swimming pool has an indoor pool for lane swimming and lessons and a smaller pool where young children get used to the water. In summer the outdoor sunbathing area is also open.\n\nThe facility is run under concession by a sports company, which organises swimming lessons for all ages, aqua fitness and activities for people with disabilities. The city’s schools use it for swimming lessons during school hours.\n\nFees and lane-swimming times may change during the year: the updated schedule is posted at the entrance.',
    ),
    address: biella('Via Pietro Micca'),
    lat: 45.5582,
    lon: 8.0588,
    hours: {
      weekly: [...slots(WEEKDAYS, '07:00', '22:00'), ...slots(['sat'], '09:00', '19:00'), ...slots(['sun'], '09:00', '13:00')],
      exceptions: HOLIDAYS,
    },
    accessibility: L(
      'Ingresso e spogliatoi accessibili, servizi igienici accessibili e sollevatore per l’ingresso in vasca, da richiedere al personale.',
      'Accessible entrance and changing rooms, accessible toilets and a pool hoist, available on request from the staff.',
    ),
    topics: ['Sport', 'Tempo libero'],
  },
  {
    slug: 'mercato-piazza-falcone',
    kind: 'mercato',
    name: L('Mercato settimanale di Piazza Falcone', 'Weekly market in Piazza Falcone'),
    description: L(
      'Il mercato settimanale in Piazza Falcone è il più grande della città: banchi di frutta e verdura, prodotti alimentari, abbigliamento, tessuti e articoli per la casa.\n\nAccanto ai commercianti ambulanti sono presenti produttori agricoli del territorio con formaggi, salumi, miele e ortaggi di stagione.\n\nNei giorni di mercato la piazza è chiusa al traffico e al parcheggio fino al termine delle operazioni di pulizia.',
      'The weekly market in Piazza Falcone is the largest in the city: stalls selling fruit and vegetables, food, clothing, fabrics and household goods.\n\nAlongside the street traders there are local farmers selling cheese, cured meats, honey and seasonal vegetables.\n\nOn market days the square is closed to traffic and parking until the cleaning is finished.',
    ),
    address: biella('Piazza Giovanni Falcone'),
    lat: 45.5679,
    lon: 8.0561,
    hours: {
      weekly: slots(['tue', 'fri'], '07:30', '13:00'),
      exceptions: HOLIDAYS,
      notes: L(
        'Se il giorno di mercato cade in un festivo, il Comune può disporre un recupero: consultare gli avvisi.',
        'If a market day falls on a public holiday, the Comune may schedule a replacement day: see the notices.',
      ),
    },
    accessibility: L(
      'La piazza è pianeggiante; tra i banchi i passaggi possono essere stretti nelle ore di maggiore affluenza. Posti auto riservati alle persone con disabilità nelle vie vicine.',
      'The square is flat; the aisles between stalls can be narrow at the busiest times. Disabled parking spaces are available in the nearby streets.',
    ),
    topics: ['Mercato', 'Commercio ambulante', 'Prodotti alimentari'],
  },
  {
    slug: 'cimitero-urbano',
    kind: 'cimitero',
    name: L('Cimitero urbano', 'Town cemetery'),
    description: L(
      'Il cimitero urbano è il principale cimitero cittadino. Accanto alle sepolture più recenti conserva cappelle e monumenti funebri di pregio, legati alle famiglie che hanno fatto la storia industriale di Biella.\n\nAll’ingresso si trova l’ufficio del custode, a cui rivolgersi per informazioni sull’ubicazione delle sepolture. Le pratiche per concessioni, tumulazioni ed estumulazioni si svolgono presso i Servizi cimiteriali del Comune.\n\nNei giorni della commemorazione dei defunti l’orario di apertura è prolungato.',
      'The town cemetery is the city’s main cemetery. Alongside recent burials it preserves fine chapels and funerary monuments linked to the families who shaped Biella’s industrial history.\n\nAt the entrance is the caretaker’s office, where you can ask where a grave is located. Applications for concessions, burials and exhumations are handled by the Comune’s Cemetery Services.\n\nOpening hours are extended around All Souls’ Day.',
    ),
    address: biella('Via Ivrea'),
    lat: 45.5596,
    lon: 8.0415,
    hours: {
      weekly: slots(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], '08:00', '17:00'),
      exceptions: HOLIDAYS,
      notes: L('Orario invernale, dal 1° ottobre al 31 marzo.', 'Winter hours, from 1 October to 31 March.'),
    },
    accessibility: L(
      'I viali principali sono pianeggianti e percorribili in carrozzina; alcune sezioni più antiche hanno gradini e ghiaia. All’ingresso sono disponibili posti auto riservati.',
      'The main avenues are flat and wheelchair-accessible; some older sections have steps and gravel. Reserved parking spaces are available at the entrance.',
    ),
    topics: ['Morte'],
  },
  {
    slug: 'sala-consiliare-palazzo-oropa',
    kind: 'edificio pubblico',
    name: L('Sala consiliare di Palazzo Oropa', 'Council chamber, Palazzo Oropa'),
    description: L(
      'La sala consiliare di Palazzo Oropa è il luogo in cui si riunisce il Consiglio comunale. Oltre alle sedute del Consiglio ospita cerimonie civili, incontri pubblici e presentazioni promosse dall’Amministrazione.\n\nLe sedute sono pubbliche: il pubblico prende posto nella tribuna fino all’esaurimento dei posti disponibili. Le sedute vengono trasmesse in diretta e registrate.\n\nLa sala può essere concessa per iniziative di interesse pubblico, su richiesta all’Ufficio Segreteria generale.',
      'The council chamber at Palazzo Oropa is where the city council meets. Besides council sessions, it hosts civil ceremonies, public meetings and presentations promoted by the administration.\n\nSessions are public: members of the public sit in the gallery while seats are available. Sessions are broadcast live and recorded.\n\nThe chamber can be made available for events of public interest, on request to the General Secretariat Office.',
    ),
    address: biella('Via Battistero 4'),
    lat: 45.5627,
    lon: 8.0562,
    accessibility: L(
      'La sala si raggiunge con l’ascensore; sono previsti posti per persone in carrozzina. Su richiesta anticipata si può organizzare il servizio di interpretariato in lingua dei segni per le sedute pubbliche.',
      'The chamber can be reached by lift; there are wheelchair spaces. On request made in advance, sign language interpreting can be arranged for public sessions.',
    ),
    topics: ['Comunicazione istituzionale', 'Trasparenza amministrativa'],
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Vivere Biella: eventi (inverno 2026–2027)
// ---------------------------------------------------------------------------------------------------------------

export const demoEvents: DemoEvent[] = [
  {
    slug: 'mercatino-di-natale-2026',
    title: L('Mercatino di Natale in Piazza Duomo', 'Christmas market in Piazza Duomo'),
    summary: L(
      'Casette di artigiani, produttori e botteghe tessili biellesi, musica e laboratori per bambini.',
      'Stalls of Biella craftspeople, food producers and textile workshops, music and children’s activities.',
    ),
    description: L(
      'Per quasi un mese Piazza Duomo ospita il Mercatino di Natale, con una trentina di casette di artigiani, produttori agroalimentari e botteghe del tessile biellese: sciarpe, coperte e filati, ceramiche, oggetti in legno, dolci e prodotti tipici.\n\nNei fine settimana sul sagrato si alternano cori e gruppi musicali, mentre i bambini possono partecipare a laboratori di decorazioni con materiali di recupero. Il sabato pomeriggio sono in programma visite guidate gratuite al Battistero.\n\nIl mercatino è aperto tutti i giorni dalle 10 alle 19, il venerdì e il sabato fino alle 21.',
      'For almost a month Piazza Duomo hosts the Christmas market, with around thirty stalls of craftspeople, food producers and Biella textile workshops: scarves, blankets and yarns, ceramics, wooden objects, sweets and local specialities.\n\nAt weekends choirs and bands take turns in front of the cathedral, while children can join workshops making decorations from recycled materials. Free guided tours of the Baptistery are scheduled on Saturday afternoons.\n\nThe market is open every day from 10 am to 7 pm, until 9 pm on Fridays and Saturdays.',
    ),
    start: '2026-11-28T10:00',
    end: '2026-12-24T19:00',
    place: 'piazza-duomo-battistero',
    cost: L('Ingresso libero.', 'Free entry.'),
    organiser: 'Comune di Biella (demo) – Ufficio Turismo, con le associazioni di categoria',
    topics: ['Tempo libero', 'Commercio ambulante', 'Turismo'],
  },
  {
    slug: 'gruppo-di-lettura-dicembre',
    title: L('Gruppo di lettura: «Storie di lana e di fabbrica»', 'Reading group: “Stories of wool and factories”'),
    summary: L(
      'Il gruppo di lettura della Biblioteca civica si ritrova per parlare di romanzi e memorie sul lavoro tessile.',
      'The civic library’s reading group meets to discuss novels and memoirs about textile work.',
    ),
    description: L(
      'Il gruppo di lettura della Biblioteca civica dedica l’inverno ai libri che raccontano il lavoro in fabbrica e la tradizione tessile, in Italia e nel Biellese. Ogni incontro parte da un libro letto nel mese precedente e si allarga ai ricordi e alle esperienze dei partecipanti.\n\nGli incontri sono aperti a tutti, anche a chi partecipa per la prima volta o non ha finito il libro. Le copie dei titoli in lettura sono disponibili in prestito in biblioteca.\n\nI successivi incontri sono previsti il primo giovedì di gennaio, febbraio e marzo, alla stessa ora.',
      'The civic library’s reading group devotes the winter to books about factory work and the textile tradition, in Italy and in the Biella area. Each meeting starts from a book read in the previous month and opens up to the participants’ memories and experiences.\n\nMeetings are open to everyone, including first-timers and those who have not finished the book. Copies of the titles being read can be borrowed from the library.\n\nThe next meetings are on the first Thursday of January, February and March, at the same time.',
    ),
    start: '2026-12-03T18:00',
    end: '2026-12-03T19:30',
    place: 'biblioteca-civica',
    cost: L('Partecipazione gratuita, senza prenotazione.', 'Free, no booking needed.'),
    organiser: 'Biblioteca civica di Biella',
    topics: ['Tempo libero', 'Patrimonio culturale'],
  },
  {
    slug: 'mostra-trame-del-territorio',
    title: L(
      'Mostra «Trame. Lana, acqua e lavoro nel Biellese»',
      'Exhibition “Weaves. Wool, water and work in the Biella area”',
    ),
    summary: L(
      'Campionari, macchinari, fotografie e testimonianze raccontano la tradizione laniera del territorio.',
      'Sample books, machinery, photographs and testimonies tell the story of the area’s wool tradition.',
    ),
    description: L(
      'La mostra ripercorre la storia della lavorazione della lana nel Biellese, dai primi opifici lungo i torrenti alle grandi fabbriche del Novecento, fino alle imprese che oggi puntano su innovazione e sostenibilità.\n\nIn esposizione campionari di tessuti, piccoli macchinari, fotografie d’archivio e interviste video a chi ha lavorato nei lanifici. Una sezione è dedicata all’acqua, risorsa che ha reso possibile lo sviluppo dell’industria tessile nelle valli.\n\nOgni domenica alle 16 è prevista una visita guidata compresa nel biglietto; per le scuole sono disponibili laboratori su prenotazione.',
      'The exhibition traces the history of wool processing in the Biella area, from the first mills along the streams to the great factories of the twentieth century and the companies that today focus on innovation and sustainability.\n\nOn display are fabric sample books, small machines, archive photographs and video interviews with people who worked in the wool mills. One section is devoted to water, the resource that made the growth of the textile industry in the valleys possible.\n\nEvery Sunday at 4 pm there is a guided tour included in the ticket; workshops for schools are available on booking.',
    ),
    start: '2026-12-05T10:00',
    end: '2027-03-07T19:00',
    place: 'museo-del-territorio-biellese',
    cost: L(
      'Biglietto intero 6 euro, ridotto 4 euro; gratuito per under 18 e residenti la prima domenica del mese.',
      'Full ticket 6 euros, reduced 4 euros; free for under-18s and for residents on the first Sunday of the month.',
    ),
    organiser: 'Museo del Territorio Biellese',
    topics: ['Patrimonio culturale', 'Turismo', 'Imprese'],
  },
  {
    slug: 'concerto-di-natale-teatro-sociale',
    title: L('Concerto di Natale al Teatro Sociale', 'Christmas concert at the Teatro Sociale'),
    summary: L(
      'L’orchestra giovanile e i cori cittadini in un programma di musiche natalizie dal Settecento a oggi.',
      'The youth orchestra and the city’s choirs in a programme of Christmas music from the 18th century to today.',
    ),
    description: L(
      'Il tradizionale concerto di Natale riunisce sul palco del Teatro Sociale Villani l’orchestra giovanile e alcuni cori cittadini, con un programma che va dai canti della tradizione alpina alle pagine del repertorio sacro e alle colonne sonore più amate.\n\nIl ricavato della serata, al netto delle spese, è devoluto a un’associazione di volontariato del territorio che si occupa di persone anziane sole.\n\nI biglietti sono in vendita alla biglietteria del teatro e online.',
      'The traditional Christmas concert brings the youth orchestra and some of the city’s choirs together on the stage of the Teatro Sociale Villani, with a programme ranging from Alpine folk songs to sacred repertoire and much-loved film music.\n\nThe evening’s proceeds, net of expenses, go to a local voluntary association that supports elderly people living alone.\n\nTickets are on sale at the theatre box office and online.',
    ),
    start: '2026-12-19T21:00',
    end: '2026-12-19T23:00',
    place: 'teatro-sociale-villani',
    cost: L('Biglietto 12 euro, ridotto 8 euro per under 25 e over 65.', 'Ticket 12 euros, 8 euros for under-25s and over-65s.'),
    organiser: 'Associazione musicale (demo), con il patrocinio del Comune di Biella',
    topics: ['Tempo libero', 'Associazioni'],
  },
  {
    slug: 'visite-guidate-battistero-feste',
    title: L('Il Battistero nei giorni di festa', 'The Baptistery during the holidays'),
    summary: L(
      'Visite guidate gratuite al Battistero romanico e alla piazza del Duomo, in piccoli gruppi.',
      'Free guided tours of the Romanesque Baptistery and Piazza Duomo, in small groups.',
    ),
    description: L(
      'Nei giorni tra Natale e Capodanno le guide turistiche accompagnano cittadini e visitatori alla scoperta del Battistero, uno dei più significativi edifici romanici del Piemonte, e della piazza del Duomo con il campanile di Santo Stefano.\n\nLe visite durano circa 45 minuti e partono ogni ora dall’ingresso del Battistero. I gruppi sono di massimo 20 persone: è consigliata la prenotazione all’Ufficio Turismo.\n\nLe visite si svolgono in italiano; alle 16 è prevista una visita anche in inglese.',
      'Between Christmas and New Year, tourist guides take residents and visitors to discover the Baptistery, one of the most significant Romanesque buildings in Piedmont, and Piazza Duomo with the bell tower of Santo Stefano.\n\nTours last about 45 minutes and leave every hour from the Baptistery entrance. Groups are limited to 20 people: booking with the Tourist Office is recommended.\n\nTours are in Italian; at 4 pm there is also a tour in English.',
    ),
    start: '2026-12-27T14:00',
    end: '2026-12-27T18:00',
    place: 'piazza-duomo-battistero',
    cost: L('Gratuito, prenotazione consigliata.', 'Free, booking recommended.'),
    organiser: 'Comune di Biella (demo) – Ufficio Turismo',
    topics: ['Patrimonio culturale', 'Turismo'],
  },
  {
    slug: 'torneo-giovanile-basket-inverno',
    title: L('Biella Winter Cup – torneo giovanile di pallacanestro', 'Biella Winter Cup – youth basketball tournament'),
    summary: L(
      'Due giorni di partite tra squadre under 14 del Piemonte e della Lombardia al palazzetto dello sport.',
      'Two days of games between under-14 teams from Piedmont and Lombardy at the sports hall.',
    ),
    description: L(
      'Durante le vacanze di Natale il palazzetto dello sport ospita la Biella Winter Cup, torneo giovanile di pallacanestro riservato alle squadre under 14. Partecipano dodici squadre, divise in tre gironi, con finali nel pomeriggio della domenica.\n\nIl torneo è anche un’occasione di festa per le famiglie: durante le pause sono previsti giochi di tiro a canestro aperti a tutti i bambini presenti e un punto ristoro gestito dai volontari.\n\nL’ingresso per il pubblico è libero fino all’esaurimento dei posti in tribuna.',
      'During the Christmas holidays the sports hall hosts the Biella Winter Cup, a youth basketball tournament for under-14 teams. Twelve teams take part, divided into three groups, with the finals on Sunday afternoon.\n\nThe tournament is also a celebration for families: during breaks there are shooting games open to all children present and a refreshment point run by volunteers.\n\nAdmission for the public is free while seats in the stands are available.',
    ),
    start: '2027-01-02T09:00',
    end: '2027-01-03T18:30',
    place: 'palazzetto-dello-sport',
    cost: L('Ingresso libero.', 'Free entry.'),
    organiser: 'Società sportiva dilettantistica (demo), con il Comune di Biella – Ufficio Sport',
    topics: ['Sport', 'Tempo libero'],
  },
  {
    slug: 'befana-ai-giardini-zumaglini',
    title: L('La Befana ai Giardini Zumaglini', 'The Befana at the Zumaglini Gardens'),
    summary: L(
      'Pomeriggio di giochi, letture e cioccolata calda per i bambini, con l’arrivo della Befana.',
      'An afternoon of games, readings and hot chocolate for children, with the arrival of the Befana.',
    ),
    description: L(
      'Per il giorno dell’Epifania i Giardini Zumaglini si animano con una festa dedicata ai bambini e alle famiglie. Il pomeriggio comincia con letture ad alta voce a cura della Biblioteca civica e prosegue con giochi di una volta organizzati dalle associazioni del quartiere.\n\nAlle 16.30 arriva la Befana, con calze e dolci per tutti i bambini presenti; le associazioni di volontariato offrono cioccolata calda e vin brulé analcolico.\n\nIn caso di maltempo la festa si sposta nella sala ragazzi della Biblioteca civica, in Piazza Curiel.',
      'For Epiphany the Zumaglini Gardens come alive with a party for children and families. The afternoon begins with read-aloud sessions by the civic library and continues with traditional games organised by neighbourhood associations.\n\nAt 4:30 pm the Befana arrives, with stockings and sweets for all the children present; voluntary associations offer hot chocolate and alcohol-free mulled wine.\n\nIn case of bad weather the party moves to the children’s room of the civic library, in Piazza Curiel.',
    ),
    start: '2027-01-06T14:30',
    end: '2027-01-06T17:30',
    place: 'giardini-zumaglini',
    cost: L('Gratuito.', 'Free.'),
    organiser: 'Comune di Biella (demo) – Assessorato alle politiche educative, con le associazioni di quartiere',
    topics: ['Tempo libero', 'Associazioni', 'Spazio Verde'],
  },
  {
    slug: 'open-day-punto-digitale-facile',
    title: L('Open day del Punto Digitale Facile', 'Punto Digitale Facile open day'),
    summary: L(
      'Una mattina per attivare SPID, installare l’app IO e provare i servizi online del Comune con l’aiuto dei facilitatori.',
      'A morning to activate SPID, install the IO app and try the Comune’s online services with help from the facilitators.',
    ),
    description: L(
      'Il Punto Digitale Facile apre le porte per una mattinata dedicata a chi vuole muovere i primi passi con i servizi digitali. I facilitatori aiutano ad attivare SPID o CIE, installare l’app IO, consultare il fascicolo sanitario e pagare un avviso pagoPA.\n\nChi vuole attivare SPID deve portare un documento d’identità valido, la tessera sanitaria, lo smartphone e conoscere le credenziali della propria e-mail. Si può partecipare anche solo per chiedere informazioni sui corsi in programma in primavera.\n\nNon serve prenotare; per l’assistenza individuale si consiglia di arrivare entro le 12.',
      'The Punto Digitale Facile opens its doors for a morning devoted to people who want to take their first steps with digital services. The facilitators help you activate SPID or CIE, install the IO app, view your electronic health record and pay a pagoPA notice.\n\nIf you want to activate SPID, bring a valid identity document, your health card and your smartphone, and know the login details of your e-mail account. You can also just come for information on the courses planned for the spring.\n\nNo booking is needed; for one-to-one help please arrive by 12 noon.',
    ),
    start: '2027-01-23T09:30',
    end: '2027-01-23T12:30',
    place: 'biblioteca-civica',
    cost: L('Gratuito.', 'Free.'),
    organiser: 'Comune di Biella (demo) – Servizio Innovazione, Punto Digitale Facile',
    topics: ['PNRR', 'Accesso all\'informazione', 'Formazione professionale'],
  },
  {
    slug: 'concerto-inverno-teatro-sociale',
    title: L('Musica in inverno: quartetto d’archi', 'Music in winter: string quartet'),
    summary: L(
      'Un quartetto d’archi di giovani musicisti piemontesi esegue Haydn, Beethoven e un brano contemporaneo.',
      'A string quartet of young Piedmontese musicians plays Haydn, Beethoven and a contemporary piece.',
    ),
    description: L(
      'La rassegna «Musica in inverno» prosegue al Teatro Sociale Villani con un quartetto d’archi formato da giovani musicisti diplomati nei conservatori piemontesi.\n\nIl programma accosta un quartetto di Haydn e uno di Beethoven a un brano contemporaneo scritto per l’occasione e ispirato ai suoni dei telai. Il concerto è preceduto da una breve introduzione all’ascolto.\n\nPer gli studenti delle scuole superiori e dell’università è previsto un biglietto ridotto.',
      'The “Music in winter” series continues at the Teatro Sociale Villani with a string quartet of young musicians who graduated from Piedmont’s conservatories.\n\nThe programme pairs a Haydn and a Beethoven quartet with a contemporary piece written for the occasion and inspired by the sounds of looms. The concert is preceded by a short listening guide.\n\nA reduced ticket is available for secondary school and university students.',
    ),
    start: '2027-01-30T21:00',
    end: '2027-01-30T22:45',
    place: 'teatro-sociale-villani',
    cost: L('Biglietto 10 euro, studenti 5 euro.', 'Ticket 10 euros, students 5 euros.'),
    organiser: 'Associazione musicale (demo)',
    topics: ['Tempo libero', 'Patrimonio culturale'],
  },
  {
    slug: 'carnevale-dei-bambini-2027',
    title: L('Carnevale dei bambini in Piazza Duomo', 'Children’s carnival in Piazza Duomo'),
    summary: L(
      'Sfilata in maschera, animazione e merenda per bambini e famiglie nella piazza del Duomo.',
      'Fancy-dress parade, entertainment and snacks for children and families in Piazza Duomo.',
    ),
    description: L(
      'La domenica di Carnevale Piazza Duomo accoglie la festa in maschera dei bambini. Il pomeriggio comincia con una breve sfilata dalle vie pedonali del centro e prosegue in piazza con musica, giocolieri e truccabimbi.\n\nLe associazioni e le scuole che vogliono partecipare con un gruppo mascherato possono iscriversi all’Ufficio Eventi entro il 29 gennaio.\n\nPer rispetto dei luoghi e della pulizia della piazza sono vietate le bombolette spray.',
      'On Carnival Sunday Piazza Duomo hosts the children’s fancy-dress party. The afternoon begins with a short parade through the pedestrian streets of the centre and continues in the square with music, jugglers and face painting.\n\nAssociations and schools wishing to take part with a costumed group can register with the Events Office by 29 January.\n\nOut of respect for the historic setting and to keep the square clean, spray cans are not allowed.',
    ),
    start: '2027-02-07T14:30',
    end: '2027-02-07T18:00',
    place: 'piazza-duomo-battistero',
    cost: L('Gratuito.', 'Free.'),
    organiser: 'Comune di Biella (demo) – Ufficio Eventi, con le associazioni cittadine',
    topics: ['Tempo libero', 'Associazioni', 'Zone pedonali'],
  },
  {
    slug: 'consiglio-comunale-aperto-giovani',
    title: L('Consiglio comunale aperto: la città dei giovani', 'Open city council session: a city for young people'),
    summary: L(
      'Seduta aperta del Consiglio comunale con interventi di studenti, associazioni giovanili e Consulta dei giovani.',
      'Open session of the city council with contributions from students, youth associations and the Youth Council.',
    ),
    description: L(
      'Il Consiglio comunale si riunisce in seduta aperta per ascoltare le proposte dei giovani biellesi su spazi di aggregazione, trasporti serali, lavoro e formazione. Intervengono rappresentanti degli istituti superiori, dell’università e delle associazioni giovanili.\n\nChi desidera intervenire deve iscriversi entro il 5 febbraio scrivendo alla Segreteria del Consiglio; ogni intervento può durare al massimo cinque minuti.\n\nLa seduta è pubblica e trasmessa in diretta streaming sul sito del Comune.',
      'The city council meets in open session to hear the proposals of Biella’s young people on meeting spaces, evening transport, work and training. Representatives of secondary schools, the university and youth associations will speak.\n\nAnyone wishing to speak must register by 5 February by writing to the Council Secretariat; each contribution may last no more than five minutes.\n\nThe session is public and streamed live on the Comune’s website.',
    ),
    start: '2027-02-15T18:00',
    end: '2027-02-15T20:30',
    place: 'sala-consiliare-palazzo-oropa',
    cost: L('Ingresso libero fino a esaurimento posti.', 'Free entry while seats are available.'),
    organiser: 'Presidenza del Consiglio comunale di Biella (demo)',
    topics: ['Comunicazione istituzionale', 'Associazioni', 'Lavoro'],
  },
  {
    slug: 'fiera-citta-creativa-unesco',
    title: L(
      'Mani che creano – fiera dell’artigianato di Biella Città Creativa UNESCO',
      'Hands that create – craft fair of Biella, UNESCO Creative City',
    ),
    summary: L(
      'Due giorni al Piazzo con artigiani, tessitori e designer, laboratori aperti e dimostrazioni dal vivo.',
      'Two days in the Piazzo with craftspeople, weavers and designers, open workshops and live demonstrations.',
    ),
    description: L(
      'Biella fa parte dal 2019 della rete delle Città Creative UNESCO per l’artigianato e l’arte popolare. Per valorizzare questo riconoscimento il Piazzo ospita per un fine settimana artigiani, tessitori, ceramisti, designer e scuole di formazione professionale.\n\nNei cortili e nelle piazze del borgo si possono vedere dimostrazioni di tessitura a mano, tintura con colori naturali, lavorazione del legno e della pietra. I laboratori per adulti e bambini si prenotano sul posto.\n\nIl programma include incontri sul futuro dei mestieri artigiani e sull’economia circolare nel settore tessile. Per salire al Piazzo si consiglia la funicolare.',
      'Since 2019 Biella has been part of the UNESCO Creative Cities Network for crafts and folk art. To celebrate this recognition, the Piazzo hosts craftspeople, weavers, ceramists, designers and vocational schools for a weekend.\n\nIn the courtyards and squares of the upper town you can watch demonstrations of hand weaving, natural dyeing, and wood and stone working. Workshops for adults and children can be booked on site.\n\nThe programme includes talks on the future of craft trades and on the circular economy in textiles. We recommend taking the funicular up to the Piazzo.',
    ),
    start: '2027-03-13T10:00',
    end: '2027-03-14T19:00',
    place: 'piazzo-e-funicolare',
    cost: L('Ingresso libero; alcuni laboratori a pagamento.', 'Free entry; some workshops are charged.'),
    organiser: 'Comune di Biella (demo) – Ufficio Cultura, con le associazioni artigiane',
    topics: ['Patrimonio culturale', 'Imprese', 'Formazione professionale', 'Turismo'],
  },
  {
    slug: 'mostra-fotografica-biellese-inverno',
    title: L('Mostra fotografica «Il Biellese d’inverno»', 'Photography exhibition “The Biella area in winter”'),
    summary: L(
      'Immagini di fotografi del territorio tra paesaggi innevati, borghi e vita quotidiana nei mesi freddi.',
      'Images by local photographers of snowy landscapes, villages and everyday life in the cold months.',
    ),
    description: L(
      'Le sale di Palazzo Gromo Losa accolgono una selezione di fotografie dedicate all’inverno nel Biellese: i paesaggi delle valli e delle montagne, la conca di Oropa sotto la neve, i borghi e la vita quotidiana della città nei mesi freddi.\n\nLa mostra raccoglie lavori di fotografi professionisti e amatoriali selezionati tramite una call pubblica promossa dai circoli fotografici del territorio.\n\nIl sabato pomeriggio alcuni autori sono presenti in mostra per raccontare le loro immagini.',
      'The rooms of Palazzo Gromo Losa host a selection of photographs devoted to winter in the Biella area: the landscapes of the valleys and mountains, the Oropa basin under snow, the villages and the city’s everyday life in the cold months.\n\nThe exhibition brings together work by professional and amateur photographers selected through a public call promoted by local photography clubs.\n\nOn Saturday afternoons some of the photographers are at the exhibition to talk about their images.',
    ),
    start: '2027-02-20T10:00',
    end: '2027-03-28T18:30',
    place: 'palazzo-gromo-losa',
    cost: L('Ingresso libero.', 'Free entry.'),
    organiser: 'Circoli fotografici biellesi (demo), con il Comune di Biella',
    topics: ['Tempo libero', 'Patrimonio culturale'],
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Amministrazione: organi di governo (persone inventate)
// ---------------------------------------------------------------------------------------------------------------

export const demoGovernment: DemoPerson[] = [
  {
    slug: 'stefano-ferrero',
    name: 'Stefano Ferrero',
    role: L('Sindaco', 'Mayor'),
    body: 'giunta',
    delegations: L(
      'Affari generali, personale, sicurezza urbana e Polizia Locale, protezione civile, rapporti con gli enti del territorio.',
      'General affairs, staff, urban safety and Local Police, civil protection, relations with local public bodies.',
    ),
    biography: L(
      'Nato a Biella nel 1971, si è laureato in ingegneria gestionale al Politecnico di Torino e ha lavorato per vent’anni nell’industria tessile biellese, occupandosi di organizzazione della produzione e di sostenibilità. È stato consigliere comunale e presidente di un’associazione di volontariato di protezione civile. È sposato e ha due figli.',
      'Born in Biella in 1971, he graduated in management engineering from the Politecnico di Torino and worked for twenty years in Biella’s textile industry, in production organisation and sustainability. He has been a city councillor and chaired a civil protection volunteer association. He is married with two children.',
    ),
  },
  {
    slug: 'paola-cerruti',
    name: 'Paola Cerruti',
    role: L('Vicesindaca e assessora al bilancio', 'Deputy Mayor and councillor for the budget'),
    body: 'giunta',
    delegations: L(
      'Bilancio, tributi, patrimonio, partecipate, fondi europei e PNRR.',
      'Budget, local taxes, municipal property, municipal companies, European funds and PNRR.',
    ),
    biography: L(
      'Commercialista, classe 1968, ha esercitato la professione a Biella occupandosi soprattutto di piccole imprese e associazioni. È stata revisora dei conti di enti pubblici del territorio e ha insegnato contabilità negli istituti tecnici. Alla prima esperienza in Giunta.',
      'A chartered accountant born in 1968, she practised in Biella, working mainly with small businesses and associations. She has audited the accounts of local public bodies and taught accounting at technical schools. This is her first term in the Giunta.',
    ),
  },
  {
    slug: 'marco-vercellino',
    name: 'Marco Vercellino',
    role: L('Assessore ai lavori pubblici', 'Councillor for public works'),
    body: 'giunta',
    delegations: L(
      'Lavori pubblici, manutenzione di strade ed edifici, viabilità, mobilità e trasporti, piano neve.',
      'Public works, maintenance of roads and buildings, traffic, mobility and transport, snow plan.',
    ),
    biography: L(
      'Geometra e poi architetto, 54 anni, ha lavorato a lungo come libero professionista nella progettazione e direzione di cantieri edili in provincia. Appassionato di ciclismo, ha promosso in passato progetti per i percorsi ciclabili di collegamento tra la città e le valli.',
      'First a surveyor and then an architect, aged 54, he worked for many years as a freelance designer and site manager on building projects in the province. A keen cyclist, he has promoted projects for cycle routes linking the city with the valleys.',
    ),
  },
  {
    slug: 'silvia-maffeo',
    name: 'Silvia Maffeo',
    role: L('Assessora all’istruzione', 'Councillor for education'),
    body: 'giunta',
    delegations: L(
      'Scuola, servizi educativi per l’infanzia, ristorazione scolastica, politiche giovanili, università.',
      'Schools, early childhood services, school catering, youth policy, university.',
    ),
    biography: L(
      'Insegnante di scuola primaria per oltre vent’anni, poi coordinatrice pedagogica di un nido comunale, ha 49 anni. Ha partecipato a progetti regionali sulla lettura nella prima infanzia e sulla prevenzione della dispersione scolastica.',
      'A primary school teacher for over twenty years and then pedagogical coordinator of a municipal nursery, she is 49. She has taken part in regional projects on early-years reading and on preventing early school leaving.',
    ),
  },
  {
    slug: 'davide-gilardi',
    name: 'Davide Gilardi',
    role: L('Assessore alle politiche sociali', 'Councillor for social policy'),
    body: 'giunta',
    delegations: L(
      'Politiche sociali, casa, terza età, disabilità, inclusione, pari opportunità, rapporti con il terzo settore.',
      'Social policy, housing, older people, disability, inclusion, equal opportunities, relations with the voluntary sector.',
    ),
    biography: L(
      'Assistente sociale, 46 anni, ha lavorato nei servizi socio-assistenziali del territorio e in una cooperativa sociale che si occupa di inserimento lavorativo. È volontario in un’associazione che offre accoglienza a persone senza dimora.',
      'A social worker aged 46, he has worked in the local social care services and in a social cooperative focused on job placement. He volunteers with an association that provides shelter to homeless people.',
    ),
  },
  {
    slug: 'federica-pozzo',
    name: 'Federica Pozzo',
    role: L('Assessora alla cultura e al turismo', 'Councillor for culture and tourism'),
    body: 'giunta',
    delegations: L(
      'Cultura, musei, biblioteca, eventi, turismo, Biella Città Creativa UNESCO, gemellaggi.',
      'Culture, museums, library, events, tourism, Biella UNESCO Creative City, twinning.',
    ),
    biography: L(
      'Storica dell’arte, 41 anni, ha lavorato come curatrice di mostre e nella didattica museale in Piemonte e in Lombardia. Ha collaborato a progetti di valorizzazione del patrimonio industriale tessile e a iniziative di turismo culturale nelle valli biellesi.',
      'An art historian aged 41, she has worked as an exhibition curator and museum educator in Piedmont and Lombardy. She has worked on projects to promote the textile industrial heritage and on cultural tourism initiatives in the Biella valleys.',
    ),
  },
  {
    slug: 'matteo-botta',
    name: 'Matteo Botta',
    role: L('Assessore all’ambiente', 'Councillor for the environment'),
    body: 'giunta',
    delegations: L(
      'Ambiente, verde pubblico, gestione dei rifiuti, qualità dell’aria, energia, benessere animale.',
      'Environment, parks and green spaces, waste management, air quality, energy, animal welfare.',
    ),
    biography: L(
      'Agronomo, 38 anni, ha lavorato per un consorzio forestale e come consulente per aziende agricole di montagna. Si occupa da anni di gestione del verde urbano e di educazione ambientale nelle scuole.',
      'An agronomist aged 38, he has worked for a forestry consortium and as a consultant to mountain farms. For years he has worked on urban green space management and environmental education in schools.',
    ),
  },
  {
    slug: 'sara-lanza',
    name: 'Sara Lanza',
    role: L(
      'Assessora all’innovazione e alla transizione digitale',
      'Councillor for innovation and digital transition',
    ),
    body: 'giunta',
    delegations: L(
      'Innovazione, transizione digitale, servizi online, semplificazione, sportello unico per le attività produttive, commercio.',
      'Innovation, digital transition, online services, simplification, one-stop shop for businesses, retail.',
    ),
    biography: L(
      'Informatica, 36 anni, dopo alcuni anni in una software house torinese è tornata a Biella dove ha fondato una piccola impresa che sviluppa servizi digitali per enti e associazioni. Ha tenuto corsi di alfabetizzazione digitale per adulti come volontaria.',
      'A computer scientist aged 36, after some years at a software company in Turin she returned to Biella, where she founded a small company developing digital services for public bodies and associations. She has taught digital literacy courses for adults as a volunteer.',
    ),
  },
  {
    slug: 'giorgio-fila',
    name: 'Giorgio Fila',
    role: L('Presidente del Consiglio comunale', 'President of the city council'),
    body: 'consiglio',
    biography: L(
      'Avvocato, 60 anni, esercita nel settore civile e amministrativo. Al terzo mandato in Consiglio comunale, ha presieduto la commissione affari istituzionali.',
      'A lawyer aged 60, he practises civil and administrative law. Now in his third term on the city council, he has chaired the institutional affairs committee.',
    ),
  },
  {
    slug: 'anna-perino',
    name: 'Anna Perino',
    role: L('Consigliera comunale', 'City councillor'),
    body: 'consiglio',
    biography: L(
      'Infermiera in un reparto di medicina, 44 anni. In Consiglio fa parte della commissione politiche sociali e sanità e si occupa in particolare dei servizi per gli anziani.',
      'A nurse on a medical ward, aged 44. On the council she sits on the social policy and health committee and focuses especially on services for older people.',
    ),
  },
  {
    slug: 'roberto-grosso',
    name: 'Roberto Grosso',
    role: L('Consigliere comunale', 'City councillor'),
    body: 'consiglio',
    biography: L(
      'Titolare di un negozio di abbigliamento nel centro storico, 57 anni. È stato presidente di un’associazione di commercianti e segue i temi del commercio di vicinato e della viabilità in centro.',
      'Owner of a clothing shop in the old town, aged 57. He has chaired a retailers’ association and follows issues of neighbourhood retail and traffic in the centre.',
    ),
  },
  {
    slug: 'laura-mosca',
    name: 'Laura Mosca',
    role: L('Consigliera comunale', 'City councillor'),
    body: 'consiglio',
    biography: L(
      'Ricercatrice in un’azienda tessile che sviluppa fibre riciclate, 33 anni. In Consiglio si occupa di ambiente, economia circolare e lavoro giovanile.',
      'A researcher at a textile company developing recycled fibres, aged 33. On the council she works on the environment, the circular economy and youth employment.',
    ),
  },
  {
    slug: 'alessio-peraldo',
    name: 'Alessio Peraldo',
    role: L('Consigliere comunale', 'City councillor'),
    body: 'consiglio',
    biography: L(
      'Allenatore di pallavolo giovanile e impiegato amministrativo, 39 anni. Capogruppo di minoranza, segue i temi dello sport, degli impianti sportivi e delle frazioni collinari.',
      'A youth volleyball coach and administrative clerk, aged 39. Leader of an opposition group, he follows sport, sports facilities and the hillside hamlets.',
    ),
  },
  {
    slug: 'francesca-bocchio',
    name: 'Francesca Bocchio',
    role: L('Consigliera comunale', 'City councillor'),
    body: 'consiglio',
    biography: L(
      'Architetta, 47 anni, si occupa di restauro di edifici storici. In Consiglio segue urbanistica, centro storico e valorizzazione del Piazzo.',
      'An architect aged 47 who specialises in restoring historic buildings. On the council she follows town planning, the historic centre and the enhancement of the Piazzo.',
    ),
  },
  {
    slug: 'enrico-sola',
    name: 'Enrico Sola',
    role: L('Consigliere comunale', 'City councillor'),
    body: 'consiglio',
    biography: L(
      'Pensionato, già dirigente scolastico, 68 anni. Volontario in biblioteca, in Consiglio si occupa di cultura, scuola e partecipazione dei cittadini.',
      'Retired head teacher, aged 68. A library volunteer, on the council he works on culture, schools and citizen participation.',
    ),
  },
  {
    slug: 'chiara-bertolino',
    name: 'Chiara Bertolino',
    role: L('Consigliera comunale', 'City councillor'),
    body: 'consiglio',
    biography: L(
      'Imprenditrice agricola, 42 anni, conduce con la famiglia un’azienda di allevamento e produzione di formaggi nelle colline intorno alla città. In Consiglio segue agricoltura, mercati e prodotti del territorio.',
      'A farmer aged 42, she runs a family livestock and cheese-making business in the hills around the city. On the council she follows agriculture, markets and local produce.',
    ),
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Domande frequenti
// ---------------------------------------------------------------------------------------------------------------

export const demoFaqs: DemoFaq[] = [
  {
    question: L(
      'Ho smarrito la carta d’identità, cosa devo fare?',
      'I have lost my identity card: what should I do?',
    ),
    answer: L(
      'Prima di tutto presenta denuncia di smarrimento o furto ai Carabinieri o alla Polizia di Stato. Poi prenota un appuntamento all’Anagrafe per la nuova carta d’identità elettronica, portando la denuncia, una fototessera recente e la tessera sanitaria. Se devi viaggiare a breve, segnalalo al momento della prenotazione.',
      'First report the loss or theft to the Carabinieri or the State Police. Then book an appointment at the Registry Office for a new electronic identity card, bringing the report, a recent passport photo and your health card. If you need to travel soon, say so when you book.',
    ),
    service: 'carta-identita-elettronica',
    topics: ['Anagrafe'],
  },
  {
    question: L(
      'Quanto tempo ci vuole per avere la carta d’identità elettronica?',
      'How long does it take to get the electronic identity card?',
    ),
    answer: L(
      'La carta viene stampata dal Poligrafico dello Stato e spedita all’indirizzo indicato, di solito entro sei giorni lavorativi dalla richiesta. Allo sportello ricevi una ricevuta con la prima parte dei codici PIN e PUK. La ricevuta non sostituisce il documento per l’espatrio.',
      'The card is printed by the State Mint and sent to the address you give, usually within six working days of the application. At the counter you get a receipt with the first half of the PIN and PUK codes. The receipt is not a valid travel document.',
    ),
    service: 'carta-identita-elettronica',
    topics: ['Anagrafe', 'Viaggi'],
  },
  {
    question: L('Quando passa il ritiro degli ingombranti?', 'When is bulky waste collected?'),
    answer: L(
      'Il ritiro a domicilio non ha un giorno fisso: si prenota online dall’area personale o per telefono e si sceglie una delle date disponibili per la propria zona. Gli oggetti vanno lasciati a piano strada la sera prima. In alternativa puoi portarli gratuitamente al centro di raccolta.',
      'Home collection has no fixed day: you book it online from the personal area or by phone and choose one of the dates available for your area. Items must be left at street level the evening before. Alternatively you can take them to the collection centre free of charge.',
    ),
    service: 'ritiro-rifiuti-ingombranti',
    topics: ['Gestione rifiuti'],
  },
  {
    question: L('Come pago la TARI?', 'How do I pay the TARI waste tax?'),
    answer: L(
      'L’avviso di pagamento arriva a casa con i moduli pagoPA per ogni rata. Puoi pagare online dall’area personale del sito, con l’app IO, dall’home banking o presso tabaccherie, uffici postali e banche aderenti. Se non hai ricevuto l’avviso, puoi scaricarlo dall’area personale o chiederlo all’Ufficio Tributi.',
      'The payment notice is sent to your home with pagoPA forms for each instalment. You can pay online from the personal area of the website, with the IO app, via home banking or at participating tobacconists, post offices and banks. If you have not received the notice, you can download it from the personal area or ask the Tax Office.',
    ),
    service: 'tari',
    topics: ['Tassa sui servizi', 'Gestione rifiuti'],
  },
  {
    question: L(
      'Ho cambiato casa: devo comunicarlo anche per la TARI?',
      'I have moved house: do I also need to notify the TARI office?',
    ),
    answer: L(
      'Sì. Il cambio di residenza non aggiorna automaticamente la posizione TARI: entro 90 giorni devi presentare la dichiarazione di inizio, variazione o cessazione dell’occupazione, anche online. Se ti trasferisci in un altro comune, ricordati di chiudere la posizione a Biella.',
      'Yes. Changing your residence does not automatically update your TARI account: within 90 days you must file a declaration of starting, changing or ending occupancy, which can be done online. If you move to another comune, remember to close your account in Biella.',
    ),
    service: 'tari',
    topics: ['Tassa sui servizi', 'Residenza'],
  },
  {
    question: L('Come attivo SPID in Comune?', 'How do I activate SPID at the Comune?'),
    answer: L(
      'Prenota un appuntamento all’Ufficio Relazioni con il Pubblico di Palazzo Oropa dalla sezione “Prenota un appuntamento”. Porta un documento d’identità valido, la tessera sanitaria, il tuo smartphone e un indirizzo e-mail personale. Il riconoscimento in Comune è gratuito.',
      'Book an appointment with the Public Relations Office at Palazzo Oropa from the “Book an appointment” section. Bring a valid identity document, your health card, your smartphone and a personal e-mail address. Identification at the Comune is free.',
    ),
    service: 'attivazione-spid',
    topics: ['Accesso all\'informazione'],
  },
  {
    question: L('Entro quando devo dichiarare la nascita?', 'By when must I register a birth?'),
    answer: L(
      'La dichiarazione di nascita si può fare entro 3 giorni presso la direzione sanitaria dell’ospedale in cui è avvenuto il parto, oppure entro 10 giorni all’Ufficio di Stato civile del Comune di nascita o di residenza dei genitori. Servono un documento d’identità dei genitori e l’attestazione di nascita rilasciata dall’ospedale.',
      'A birth can be registered within 3 days at the medical directorate of the hospital where the baby was born, or within 10 days at the Civil Status Office of the comune of birth or of the parents’ residence. You need the parents’ identity documents and the birth certificate issued by the hospital.',
    ),
    topics: ['Nascita', 'Anagrafe'],
  },
  {
    question: L('Posso avere un certificato online?', 'Can I get a certificate online?'),
    answer: L(
      'Sì: i certificati anagrafici (residenza, stato di famiglia, nascita e altri) si scaricano gratuitamente dall’Anagrafe nazionale ANPR, accedendo con SPID, CIE o CNS. Il certificato ha lo stesso valore di quello rilasciato allo sportello. Ricorda che ai privati che gestiscono servizi pubblici e alle pubbliche amministrazioni basta un’autocertificazione.',
      'Yes: registry certificates (residence, household composition, birth and others) can be downloaded free of charge from the national registry ANPR, logging in with SPID, CIE or CNS. The certificate has the same value as one issued at the counter. Remember that public administrations and private operators of public services must accept a self-declaration.',
    ),
    topics: ['Anagrafe', 'Accesso all\'informazione'],
  },
  {
    question: L('Cosa serve per il cambio di residenza?', 'What do I need to change my residence?'),
    answer: L(
      'Serve la dichiarazione di residenza, da presentare online tramite ANPR o al Comune, con i documenti d’identità di tutte le persone che si trasferiscono e il titolo che dimostra la disponibilità dell’alloggio (per esempio contratto di affitto o atto di proprietà). La Polizia Locale effettua poi un accertamento all’indirizzo. La residenza decorre dalla data della dichiarazione.',
      'You need the residence declaration, submitted online through ANPR or to the Comune, with the identity documents of everyone moving and proof of your right to live in the home (for example a rental contract or deed of ownership). The Local Police then carry out a check at the address. Residence takes effect from the date of the declaration.',
    ),
    service: 'cambio-di-residenza',
    topics: ['Residenza', 'Anagrafe'],
  },
  {
    question: L(
      'Sono cittadino straniero: come chiedo la residenza a Biella?',
      'I am a foreign national: how do I apply for residence in Biella?',
    ),
    answer: L(
      'La procedura è la stessa del cambio di residenza, ma oltre al documento d’identità servono il passaporto e il permesso di soggiorno valido (o la ricevuta della richiesta di rinnovo). I cittadini dell’Unione europea devono dimostrare anche di avere un lavoro o risorse economiche sufficienti e un’assicurazione sanitaria. In caso di dubbi puoi prendere appuntamento con l’Anagrafe.',
      'The procedure is the same as for a change of residence, but besides an identity document you need your passport and a valid residence permit (or the receipt for its renewal). EU citizens must also show that they have a job or sufficient means and health insurance. If in doubt, book an appointment with the Registry Office.',
    ),
    service: 'cambio-di-residenza',
    topics: ['Residenza', 'Immigrazione'],
  },
  {
    question: L('Come iscrivo mio figlio alla mensa?', 'How do I enrol my child in the school canteen?'),
    answer: L(
      'L’iscrizione si fa online dall’area personale, con SPID o CIE, nel periodo indicato ogni anno sul sito (di solito in primavera per l’anno scolastico successivo). Nella domanda puoi chiedere una dieta speciale e la tariffa agevolata in base all’ISEE. Se hai bisogno di aiuto, puoi rivolgerti all’Ufficio Istruzione o al Punto Digitale Facile.',
      'Enrolment is done online from the personal area, with SPID or CIE, during the period announced on the website each year (usually in spring for the following school year). In the application you can request a special diet and a reduced fee based on ISEE. If you need help, contact the Education Office or the Punto Digitale Facile.',
    ),
    service: 'iscrizione-mensa-scolastica',
    topics: ['Istruzione'],
  },
  {
    question: L(
      'Mio figlio ha un’allergia: come chiedo la dieta speciale in mensa?',
      'My child has an allergy: how do I request a special diet at the canteen?',
    ),
    answer: L(
      'Puoi chiederla al momento dell’iscrizione alla mensa, allegando il certificato del pediatra o del medico curante con l’indicazione degli alimenti da escludere. La dieta viene attivata dopo la verifica del certificato da parte del servizio di ristorazione. Per le diete etico-religiose basta indicarle nella domanda.',
      'You can request it when enrolling in the canteen, attaching a certificate from the paediatrician or family doctor stating which foods must be excluded. The diet starts once the catering service has checked the certificate. For ethical or religious diets it is enough to state them in the application.',
    ),
    service: 'iscrizione-mensa-scolastica',
    topics: ['Istruzione', 'Prodotti alimentari'],
  },
  {
    question: L(
      'Come ottengo il permesso per entrare nella ZTL?',
      'How do I get a permit to enter the limited traffic zone?',
    ),
    answer: L(
      'Il permesso ZTL si chiede online o allo sportello della Polizia Locale. Possono ottenerlo, tra gli altri, i residenti e chi ha un posto auto all’interno della zona, le attività commerciali per il carico e scarico e le persone con contrassegno disabili. Il permesso è legato alla targa del veicolo.',
      'The ZTL permit is requested online or at the Local Police counter. Among others, it can be obtained by residents and people with a parking space inside the zone, businesses for loading and unloading, and holders of a disabled parking badge. The permit is linked to the vehicle’s number plate.',
    ),
    service: 'permesso-ztl',
    topics: ['ZTL', 'Parcheggi'],
  },
  {
    question: L('Entro quando si paga l’IMU?', 'When is IMU property tax due?'),
    answer: L(
      'L’IMU si paga in due rate: l’acconto entro il 16 giugno e il saldo entro il 16 dicembre, oppure in un’unica soluzione entro il 16 giugno. Non è dovuta sull’abitazione principale, salvo le categorie di lusso. Sul sito trovi le aliquote dell’anno e il calcolatore per preparare il modello F24.',
      'IMU is paid in two instalments: the advance by 16 June and the balance by 16 December, or in a single payment by 16 June. It is not due on your main home, except for luxury categories. The website lists this year’s rates and a calculator to prepare the F24 payment form.',
    ),
    service: 'imu',
    topics: ['Imposte'],
  },
  {
    question: L(
      'Come segnalo una buca in strada o un lampione spento?',
      'How do I report a pothole or a broken street light?',
    ),
    answer: L(
      'Usa il servizio “Segnalazione disservizio”: indichi il luogo sulla mappa o con l’indirizzo, scegli il tipo di problema, aggiungi una breve descrizione e, se vuoi, una foto. Ricevi una ricevuta e puoi seguire lo stato della segnalazione nell’area personale. Per i pericoli immediati chiama la Polizia Locale o il 112.',
      'Use the “Report a problem” service: mark the place on the map or by address, choose the type of problem, add a short description and, if you wish, a photo. You receive a receipt and can follow the status of your report in the personal area. For immediate dangers call the Local Police or 112.',
    ),
    service: 'segnalazione-disservizio',
    topics: ['Urbanizzazione', 'Accesso all\'informazione'],
  },
  {
    question: L(
      'Dove posso imparare a usare i servizi online?',
      'Where can I learn to use online services?',
    ),
    answer: L(
      'Al Punto Digitale Facile della Biblioteca civica, in Piazza Curiel, facilitatori formati offrono corsi gratuiti in piccoli gruppi e assistenza individuale su appuntamento. Si impara a usare SPID, CIE, l’app IO, il fascicolo sanitario e i pagamenti pagoPA. Non servono competenze di partenza.',
      'At the Punto Digitale Facile in the civic library, Piazza Curiel, trained facilitators offer free small-group courses and one-to-one help by appointment. You learn how to use SPID, CIE, the IO app, the electronic health record and pagoPA payments. No prior skills are needed.',
    ),
    service: 'corsi-facilitazione-digitale',
    topics: ['Formazione professionale', 'PNRR'],
  },
  {
    question: L('Quando si aprono le iscrizioni ai centri estivi?', 'When does enrolment for summer camps open?'),
    answer: L(
      'Di solito le iscrizioni ai centri estivi si aprono in primavera, tra aprile e maggio, e l’avviso viene pubblicato nelle Novità del sito. La domanda si presenta online indicando le settimane scelte. Le tariffe sono agevolate in base all’ISEE.',
      'Enrolment for summer camps usually opens in spring, between April and May, and the announcement is published in the News section of the website. Applications are made online, indicating the chosen weeks. Fees are reduced according to ISEE.',
    ),
    service: 'centri-estivi',
    topics: ['Istruzione', 'Tempo libero'],
  },
  {
    question: L(
      'Come posso vedere un documento o un atto del Comune?',
      'How can I see a document or decision of the Comune?',
    ),
    answer: L(
      'Molti atti, come delibere, determinazioni e ordinanze, sono pubblicati nell’albo pretorio online e nella sezione Amministrazione trasparente. Se il documento non è pubblicato, puoi presentare una richiesta di accesso agli atti, se hai un interesse diretto, oppure una richiesta di accesso civico generalizzato, che chiunque può fare. Il Comune risponde entro 30 giorni.',
      'Many documents, such as council and executive decisions and ordinances, are published in the online official notice board and in the Transparent administration section. If the document is not published, you can submit a request for access to documents, if you have a direct interest, or a general civic access request, which anyone can make. The Comune replies within 30 days.',
    ),
    topics: ['Trasparenza amministrativa', 'Accesso all\'informazione'],
  },
  {
    question: L('Come ci si sposa in Comune?', 'How do you get married at the Comune?'),
    answer: L(
      'Prima del matrimonio civile bisogna chiedere le pubblicazioni all’Ufficio di Stato civile del Comune di residenza di uno degli sposi, su appuntamento. Dopo la pubblicazione, che dura almeno otto giorni, si concorda la data della cerimonia. Le sale disponibili e le eventuali tariffe sono indicate sul sito.',
      'Before a civil wedding you must request the banns at the Civil Status Office of the comune where one of the couple lives, by appointment. After the banns have been published for at least eight days, you agree the date of the ceremony. The available rooms and any fees are listed on the website.',
    ),
    topics: ['Matrimonio', 'Anagrafe'],
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Documenti e dati
// ---------------------------------------------------------------------------------------------------------------

export const demoDocuments: DemoDocument[] = [
  {
    slug: 'regolamento-tari',
    title: L(
      'Regolamento per l’applicazione della tassa sui rifiuti (TARI)',
      'Regulation on the waste tax (TARI)',
    ),
    kind: 'regolamento',
    description: L(
      'Disciplina la tassa sui rifiuti: chi deve pagarla, come si calcola la superficie, le riduzioni per compostaggio domestico e per le abitazioni con un solo occupante, le scadenze e le dichiarazioni da presentare.',
      'Governs the waste tax: who must pay it, how the floor area is calculated, reductions for home composting and single-occupant homes, deadlines and the declarations to be filed.',
    ),
    date: '2026-03-26',
    topics: ['Tassa sui servizi', 'Gestione rifiuti', 'Sistema giuridico'],
  },
  {
    slug: 'regolamento-accesso-agli-atti',
    title: L(
      'Regolamento per l’accesso agli atti, l’accesso civico e l’accesso generalizzato',
      'Regulation on access to documents, civic access and general access',
    ),
    kind: 'regolamento',
    description: L(
      'Stabilisce come chiedere copia o visione dei documenti del Comune, chi può farlo, i tempi di risposta, i costi di riproduzione e i casi in cui l’accesso può essere limitato per tutelare altri interessi.',
      'Sets out how to request copies or inspection of the Comune’s documents, who can do so, response times, copying costs and the cases in which access may be restricted to protect other interests.',
    ),
    date: '2025-11-27',
    topics: ['Trasparenza amministrativa', 'Accesso all\'informazione'],
  },
  {
    slug: 'bilancio-di-previsione-2026-2028',
    title: L('Bilancio di previsione 2026–2028', '2026–2028 budget'),
    kind: 'bilancio',
    description: L(
      'Il bilancio di previsione finanziario per il triennio 2026–2028, con la nota integrativa, il documento unico di programmazione e una guida in linguaggio semplice alle principali voci di entrata e di spesa.',
      'The financial budget for the three years 2026–2028, with the explanatory note, the single planning document and a plain-language guide to the main items of revenue and expenditure.',
    ),
    date: '2025-12-18',
    topics: ['Bilancio', 'Trasparenza amministrativa'],
  },
  {
    slug: 'piano-triennale-informatica',
    title: L(
      'Piano triennale per l’informatica e la transizione digitale 2026–2028',
      'Three-year plan for IT and digital transition 2026–2028',
    ),
    kind: 'piano',
    description: L(
      'Definisce gli obiettivi del Comune per la digitalizzazione dei servizi, in coerenza con il Piano triennale nazionale: servizi online accessibili con SPID e CIE, pagamenti pagoPA, migrazione al cloud, sicurezza informatica e competenze digitali di cittadini e dipendenti.',
      'Sets the Comune’s objectives for digitising services, in line with the national three-year plan: online services accessible with SPID and CIE, pagoPA payments, migration to the cloud, cybersecurity and the digital skills of residents and staff.',
    ),
    date: '2026-11-05',
    topics: ['Piano di sviluppo', 'PNRR', 'Accesso all\'informazione'],
  },
  {
    slug: 'modulo-cambio-di-residenza',
    title: L('Modulo di dichiarazione di residenza', 'Residence declaration form'),
    kind: 'modulistica',
    description: L(
      'Il modulo ministeriale per dichiarare il trasferimento di residenza da un altro comune o dall’estero, o il cambio di indirizzo all’interno di Biella, con le istruzioni per la compilazione e l’elenco dei documenti da allegare.',
      'The ministerial form for declaring a transfer of residence from another comune or from abroad, or a change of address within Biella, with instructions for filling it in and the list of documents to attach.',
    ),
    date: '2026-01-15',
    topics: ['Residenza', 'Anagrafe'],
  },
  {
    slug: 'delibera-tariffe-servizi-scolastici-2026-2027',
    title: L(
      'Delibera di Giunta: tariffe dei servizi scolastici per l’anno 2026/2027',
      'Giunta decision: school service fees for 2026/2027',
    ),
    kind: 'delibera',
    description: L(
      'Approva le tariffe della ristorazione scolastica, del pre e post scuola e del trasporto scolastico per l’anno 2026/2027, con le fasce ISEE, le riduzioni per il secondo figlio e le esenzioni.',
      'Approves the fees for school catering, before- and after-school care and school transport for 2026/2027, with the ISEE bands, reductions for the second child and exemptions.',
    ),
    date: '2026-02-12',
    topics: ['Istruzione', 'Tassa sui servizi'],
  },
  {
    slug: 'avviso-contributi-affitto-2026',
    title: L(
      'Avviso pubblico per i contributi a sostegno del pagamento dell’affitto 2026',
      'Public notice: rent support grants 2026',
    ),
    kind: 'avviso pubblico',
    description: L(
      'Definisce requisiti, modalità e scadenze per chiedere il contributo a sostegno dei canoni di locazione per i nuclei familiari con ISEE basso, in base ai fondi assegnati dalla Regione. Contiene il modulo di domanda e le istruzioni.',
      'Sets out the requirements, procedure and deadlines for applying for support with rent payments for households with a low ISEE, based on funds allocated by the Region. It includes the application form and instructions.',
    ),
    date: '2026-09-15',
    topics: ['Assistenza sociale', 'Residenza'],
  },
  {
    slug: 'regolamento-polizia-urbana',
    title: L('Regolamento di polizia urbana', 'Urban police regulation'),
    kind: 'regolamento',
    description: L(
      'Raccoglie le regole di convivenza civile in città: uso degli spazi pubblici, decoro, rumori, sgombero della neve dai marciapiedi, conduzione degli animali, occupazioni temporanee di suolo pubblico, con le relative sanzioni.',
      'Brings together the rules for living together in the city: use of public spaces, upkeep, noise, clearing snow from pavements, keeping animals, temporary use of public land, and the related fines.',
    ),
    date: '2025-07-10',
    topics: ['Polizia', 'Sistema giuridico', 'Igiene pubblica'],
  },
  {
    slug: 'piano-neve-2026-2027',
    title: L('Piano neve 2026–2027', 'Snow plan 2026–2027'),
    kind: 'piano',
    description: L(
      'Il piano operativo per lo sgombero della neve e la prevenzione del ghiaccio: percorsi prioritari, mezzi e imprese incaricate, numeri utili e indicazioni per i cittadini.',
      'The operating plan for snow clearing and ice prevention: priority routes, vehicles and contractors, useful numbers and guidance for residents.',
    ),
    date: '2026-11-06',
    topics: ['Protezione civile', 'Risposta alle emergenze'],
  },
];
