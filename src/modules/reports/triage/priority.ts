/**
 * Priority of a report from rules over its text. The rules are data: regular expressions over the normalised
 * text (lowercase, no accents, punctuation as spaces, texting shorthand expanded — see text.ts), so
 * "è pericoloso", "e pericoloso" and "E' PERICOLOSO!" read the same. Word stems are written as prefixes
 * ("tombin" matches tombino, tombini, tombinone).
 *
 * urgente: immediate danger to people (open manhole, live wires, a tree across the road, gas, a burst main
 * flooding the road, a hole someone already fell into); alta: a hazard; bassa: cosmetic or informational;
 * media: everything else.
 */
import { words } from './text.ts';

export type PriorityLevel = 'bassa' | 'media' | 'alta' | 'urgente';

export const PRIORITY_LEVELS: readonly PriorityLevel[] = ['bassa', 'media', 'alta', 'urgente'];

export interface PriorityRule {
  id: string;
  level: 'urgente' | 'alta' | 'bassa';
  /** What the rule recognises, for operators reading why a priority was suggested. */
  description: string;
  /**
   * The rule matches when any entry matches; an entry that is a list matches when all its patterns match
   * (anywhere in the text). Patterns are regular-expression sources over the normalised text.
   */
  patterns: Array<string | string[]>;
}

/** "a" followed by "b" within `gap` words (either order when `bothWays`). */
function near(a: string, b: string, gap = 3, bothWays = true): string {
  const ab = `\\b(?:${a})\\w*(?: \\w+){0,${gap}} (?:${b})`;
  if (!bothWays) return ab;
  return `${ab}|\\b(?:${b})\\w*(?: \\w+){0,${gap}} (?:${a})`;
}

const MANHOLE = 'tombin|chiusin|pozzett|botola|coperchio';
const WIRE = 'fil[oi]\\b|cav[oi]\\b|cavi elettric|fili elettric';
const TREE = 'alber[oi]\\b|pianta\\b|tronco\\b|pino\\b|platano\\b|tiglio\\b';
const ROAD = '\\b(?:strada|carreggiata|corsi[ae]|provinciale|statale|blocca|bloccat|transit|auto|macchine)';
const PIPE = 'tub[oi]\\b|tubatur|tubazion|condott|condutt|acquedott|rete idrica';
const FALL = 'cadut[oa]|caduti|finit[oa] dentro|finit[oa] (?:\\w+ ){0,2}dentro|rovesciat|ribaltat';
const WHO = 'scooter|motorin|\\bmoto\\b|ciclist|\\bbici|pedon|\\bpersona|anzian|signora|bambin|ragazz|donna|uomo';

export const PRIORITY_RULES: readonly PriorityRule[] = [
  // — urgente —
  {
    id: 'open-manhole',
    level: 'urgente',
    description: 'Tombino o pozzetto aperto, senza coperchio o con il coperchio rubato/spostato',
    patterns: [
      near(MANHOLE, 'apert[oa]|scoperchiat|scoperto', 3, false),
      near(MANHOLE, 'senza (?:il |la )?(?:coperchio|chiusino|grata|griglia|protezione)', 4, false),
      '\\b(?:manca|mancante|rubat[oa]|saltat[oa]|divelt[oa]|spostat[oa]|sparit[oa]) (?:\\w+ ){0,2}(?:coperchio|chiusino)',
      '\\b(?:coperchio|chiusino)\\w* (?:\\w+ ){0,3}(?:mancante|rubat|saltat|spostat|sparit|ribaltat)',
      'pozzetto aperto|buco aperto',
    ],
  },
  {
    id: 'live-wires',
    level: 'urgente',
    description: 'Fili o cavi elettrici scoperti, a terra o penzolanti',
    patterns: [
      near(WIRE, 'scopert|a terra|penzol|tranciat|spezzat|sciolt', 3, true),
      'folgorat|fulminat[oa] (?:un|una|il|la) (?:persona|cane|gatto|uomo|donna)|prende la scossa|presa la scossa',
    ],
  },
  {
    id: 'fallen-tree-on-road',
    level: 'urgente',
    description: 'Albero caduto sulla strada',
    patterns: [[near(TREE, 'cadut|crollat|a terra|sradicat|sdraiat', 3, true), ROAD]],
  },
  {
    id: 'gas',
    level: 'urgente',
    description: 'Odore o fuga di gas',
    patterns: ['\\b(?:odore|puzza|fuga|perdita|sent[eo]|esce|fischio) (?:\\w+ ){0,2}gas\\b', '\\bgas\\b (?:\\w+ ){0,2}(?:fuga|perd|esce|usc)'],
  },
  {
    id: 'burst-main-flooding',
    level: 'urgente',
    description: 'Tubo dell acqua scoppiato o strada allagata ora',
    patterns: [
      near(PIPE, 'scoppiat|esplos', 4, true),
      'getto d acqua|acqua a fiotti|fiume d acqua',
      '\\b(?:strada|carreggiata|via|sottopasso)\\w* (?:e |si e |si sta |ora e )?(?:allagat|allagando|invas[ao] dall acqua|sommers)',
    ],
  },
  {
    id: 'someone-fell-in-hole',
    level: 'urgente',
    description: 'Voragine o buca in cui qualcuno e gia caduto',
    patterns: [
      'voragin',
      [`\\b(?:buc[ah]|buco|bucon|fossa|voragin)`, near(WHO, FALL, 6, false)],
      '\\b(?:strada|carreggiata|asfalto|marciapiede)\\w* (?:\\w+ ){0,4}(?:ha ceduto|e crollat)',
    ],
  },
  {
    id: 'about-to-fall',
    level: 'urgente',
    description: 'Palo, struttura o ringhiera che sta per cadere su chi passa',
    patterns: [
      near('palo|lampione|pensilina|ringhiera|parapetto|cornicione|cartellone|insegna', 'sta per cadere|sta cadendo|crollare|staccat[ao] (?:\\w+ ){0,6}cadere', 8, false),
    ],
  },
  {
    id: 'aggressive-or-poisoned-animals',
    level: 'urgente',
    description: 'Cane aggressivo che ha morso, esche o polpette avvelenate',
    patterns: [near('cane|cani|randag', 'morso|morde|azzann|aggred', 6, true), 'polpett\\w* avvelenat|esch\\w* avvelenat|boccon\\w* avvelenat'],
  },
  {
    id: 'fire',
    level: 'urgente',
    description: 'Incendio in corso',
    patterns: ['\\bincendi[oa]?\\b|\\bfiamme\\b|\\bva a fuoco|\\bsta bruciando'],
  },
  // — alta —
  {
    id: 'hazard-words',
    level: 'alta',
    description: 'Pericolo dichiarato: pericoloso, pericolante, rischio, ci si fa male',
    patterns: [
      '\\bpericol',
      '\\brischi[oa]?\\b|\\brischia',
      '\\b(?:si e|si sono|mi sono|ci si puo|ci si) (?:\\w+ )?(?:fatt[oi] male|ferit|tagliat)',
      '\\binciamp|\\bscivolos|\\bsbandan',
      '\\bsporgent|\\btaglient|\\bspuntoni',
      '\\bincident',
      '\\bquasi scontrat|\\bpotrebbe cadere|\\bpuo cadere|\\bpossono cadere|\\bfinire dentro|\\bcaderci',
      '\\bcolpire qualcuno|\\bpoteva colpire|\\baddosso a qualcuno|\\bvenga giu|\\bvenire giu',
      '\\bpenzol|\\bcrollat|\\bsprofondat',
      near(PIPE, 'rott', 4, true),
      '\\bzampill',
    ],
  },
  {
    id: 'traffic-lights-out',
    level: 'alta',
    description: 'Semaforo spento, guasto o lampeggiante; stop o precedenza mancante',
    patterns: [
      near('semafor|semafer', 'spent|guast|lampeggi|in tilt|rott|non funziona', 6, true),
      near('stop|precedenza', 'abbattut|caduto|rubat|manca|mancante|divelt|girat|ruotat', 8, true),
    ],
  },
  {
    id: 'broken-grate',
    level: 'alta',
    description: 'Grata o chiusino rotto o sollevato',
    patterns: [near('grata|griglia|chiusin|tombin', 'spaccat|rott|sollevat|sprofondat|ceduto|incrinat', 6, true)],
  },
  {
    id: 'falling-branch-or-leaning-tree',
    level: 'alta',
    description: 'Ramo spezzato o penzolante, albero pericolante o inclinato',
    patterns: [
      near('ram[oi]|ramo|alber|pianta|tronco', 'penzol|spezzat|inclinat|pericolant|spaccat|piegat', 4, true),
    ],
  },
  {
    id: 'health-hazard',
    level: 'alta',
    description: 'Amianto, siringhe, liquami, nidi di vespe o calabroni, processionaria, animali feriti o randagi sulla strada',
    patterns: [
      'amianto|eternit|siring|liquam',
      near('vesp|calabron|api\\b|sciame', 'punt|scuola|bambin|ingresso', 8, true),
      'processionari',
      near('cane|cani|animal|capriol|cinghial', 'ferit|investit|statale|provinciale', 5, true),
      '\\bvetri rotti\\b',
      'fumo nero',
    ],
  },
  {
    id: 'sparks',
    level: 'alta',
    description: 'Scintille o ronzio da un impianto elettrico',
    patterns: ['scintill', 'sportello\\w* (?:\\w+ ){0,4}apert'],
  },
  // — bassa —
  {
    id: 'cosmetic',
    level: 'bassa',
    description: 'Estetica, decoro, scritte, sbiaditure, verniciatura',
    patterns: [
      '\\bscritt[ae]\\b|\\bgraffit|\\btag\\b|\\bimbratt|\\bmurales|\\badesiv|\\bscarabocch',
      '\\bsbiadit|\\bscrostat|\\bverniciar|\\bridipinger|\\bestetic|\\bdecoro',
    ],
  },
  {
    id: 'information-or-suggestion',
    level: 'bassa',
    description: 'Richiesta di informazioni, proposta, ringraziamento',
    patterns: [
      '\\binformazion|\\bvorrei sapere|\\bsapere (?:gli|quando|se)',
      '\\bpropo(?:ngo|sta|rre)|\\bsuggeri|\\bsarebbe (?:utile|bello)|\\bservirebbe|\\bci vorrebbe',
      '\\bringraziar|\\bcomplimenti|\\bgrazie mille',
    ],
  },
];

/** Phrases where the citizen says it is not dangerous or not urgent: a hazard is then at most "media". */
const MITIGATIONS = ['\\bnon (?:e |sembra |mi sembra )?(?:urgente|pericolos|grave)', '\\bnessun pericolo', '\\bniente di grave'];

/** Scritte that are offensive or hateful are not merely cosmetic. */
const NOT_COSMETIC = ['\\braz+ist|\\bsvastic|\\boffensiv|\\boscen|\\bminacc'];

interface CompiledRule {
  rule: PriorityRule;
  alternatives: RegExp[][];
}

const compile = (source: string): RegExp => new RegExp(source);

function compileRules(rules: readonly PriorityRule[]): CompiledRule[] {
  return rules.map((rule) => ({
    rule,
    alternatives: rule.patterns.map((p) => (Array.isArray(p) ? p.map(compile) : [compile(p)])),
  }));
}

const DEFAULT_COMPILED = compileRules(PRIORITY_RULES);
const MITIGATION_RES = MITIGATIONS.map(compile);
const NOT_COSMETIC_RES = NOT_COSMETIC.map(compile);

export interface PriorityResult {
  level: PriorityLevel;
  /** Ids of the rules that decided the level (empty for the default "media"). */
  rules: string[];
}

/** The text the rules read: normalised words of title and description, one space apart. */
export function priorityText(input: { title?: string | null; description: string }): string {
  return words(`${input.title ?? ''} ${input.description}`).join(' ');
}

/** Suggests a priority for a report from its text. Pass `rules` to use a tenant's own list. */
export function assessPriority(input: { title?: string | null; description: string }, rules?: readonly PriorityRule[]): PriorityResult {
  const text = priorityText(input);
  const compiled = rules ? compileRules(rules) : DEFAULT_COMPILED;
  const matched: Record<'urgente' | 'alta' | 'bassa', string[]> = { urgente: [], alta: [], bassa: [] };
  for (const { rule, alternatives } of compiled) {
    if (alternatives.some((all) => all.every((re) => re.test(text)))) matched[rule.level].push(rule.id);
  }
  const mitigated = MITIGATION_RES.some((re) => re.test(text));
  if (matched.urgente.length > 0) return { level: 'urgente', rules: matched.urgente };
  if (matched.alta.length > 0 && !mitigated) return { level: 'alta', rules: matched.alta };
  if (matched.bassa.length > 0 && !NOT_COSMETIC_RES.some((re) => re.test(text))) return { level: 'bassa', rules: matched.bassa };
  if (mitigated && matched.alta.length === 0 && matched.urgente.length === 0) return { level: 'bassa', rules: ['not-urgent'] };
  return { level: 'media', rules: [] };
}
