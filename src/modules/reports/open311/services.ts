/**
 * One Open311 service per active report category (issue 4 §6): code = category code, name = the category's
 * Italian name, realtime (the id is given at once), no extra attributes (metadata false). Groups and keywords
 * help clients that show a long list: defaults for the 15 default categories; a tenant's own categories fall back
 * to the office's name as group.
 */
import { categoryToService } from './map.ts';
import type { Open311Service } from './types.ts';

export interface ServiceCategory {
  code: string;
  nameIt: string;
  descriptionIt: string | null;
  officeName: string | null;
}

const GROUPS: Readonly<Record<string, string>> = {
  buche: 'Strade e viabilità',
  segnaletica: 'Strade e viabilità',
  tombini: 'Strade e viabilità',
  accessibilita: 'Strade e viabilità',
  illuminazione: 'Illuminazione pubblica',
  arredo: 'Decoro urbano',
  graffiti: 'Decoro urbano',
  verde: 'Verde e parchi',
  'parchi-gioco': 'Verde e parchi',
  rifiuti: 'Ambiente e igiene',
  disinfestazione: 'Ambiente e igiene',
  animali: 'Ambiente e igiene',
  acquedotto: 'Acqua e fognature',
  cimiteri: 'Servizi cimiteriali',
  altro: 'Altro',
};

const KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  buche: ['buca', 'asfalto', 'strada', 'marciapiede', 'avvallamento'],
  verde: ['albero', 'potatura', 'erba', 'siepe', 'aiuola'],
  segnaletica: ['semaforo', 'cartello', 'strisce pedonali', 'segnaletica'],
  rifiuti: ['rifiuti', 'cassonetto', 'abbandono', 'pulizia', 'spazzamento'],
  arredo: ['panchina', 'fontanella', 'cestino', 'dissuasore', 'fioriera'],
  tombini: ['tombino', 'caditoia', 'allagamento', 'chiusino', 'griglia'],
  'parchi-gioco': ['giochi', 'altalena', 'area cani', 'parco giochi'],
  disinfestazione: ['topi', 'zanzare', 'vespe', 'blatte', 'derattizzazione'],
  illuminazione: ['lampione', 'luce', 'buio', 'illuminazione'],
  cimiteri: ['cimitero', 'loculo', 'tomba'],
  accessibilita: ['barriere architettoniche', 'rampa', 'scivolo', 'disabili'],
  animali: ['animali', 'randagio', 'cane', 'gatto', 'maltrattamento'],
  acquedotto: ['acqua', 'perdita', 'fogna', 'tubo', 'odore'],
  graffiti: ['graffiti', 'scritte', 'vandalismo', 'imbrattamento'],
  altro: ['altro'],
};

export function categoryService(c: ServiceCategory): Open311Service {
  return categoryToService({
    code: c.code,
    name: c.nameIt,
    description: c.descriptionIt,
    keywords: KEYWORDS[c.code] ?? [],
    group: GROUPS[c.code] ?? c.officeName,
    hasAttributes: false,
  });
}
