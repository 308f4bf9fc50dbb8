/**
 * A small, honest normaliser for Italian citizen text, and the features the classifier and the duplicate
 * finder share. No dictionary, no downloaded model: lowercase, strip accents, fix a few texting habits, drop
 * function words, strip the final vowel (so "buca", "buche" and "buchi" all become "buc"), and character
 * n-grams within words, which tolerate typos ("tombnio"), regional forms and word endings.
 */

/** Lowercase, accents stripped, punctuation and apostrophes as spaces, runs of a repeated letter shortened. */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/([a-z])\1{2,}/g, '$1')
    .trim();
}

/** Texting shorthand seen in citizens' messages. */
const SHORTHAND: Readonly<Record<string, string>> = {
  x: 'per',
  xche: 'perche',
  xke: 'perche',
  perke: 'perche',
  cmq: 'comunque',
  nn: 'non',
  ke: 'che',
  qlc: 'qualche',
  sn: 'sono',
  tt: 'tutto',
  tnt: 'tanto',
};

/** The normalised words of a text, with texting shorthand expanded and "k" before e/i read as "ch" (buke → buche). */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const raw of normalise(text).split(' ')) {
    if (!raw) continue;
    const w = SHORTHAND[raw] ?? raw.replace(/k(?=[ei])/g, 'ch');
    out.push(w);
  }
  return out;
}

/** Function words and courtesy formulas that say nothing about what is being reported. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a ad al alla alle allo ai agli all anche avere aveva avevano c ce che chi ci cio coi col come con contro cui ' +
    'd da dal dalla dalle dallo dai dagli dall de del della delle dello dei degli dell di dove e ed era erano essere ' +
    'fa fino gia gli ha hanno ho i il in io l la le lei li lo loro lui ma me mi mia mio ne negli nei nel nella nelle ' +
    'nello nell noi o od ogni per perche piu poi qua quale quando quella quelle quelli quello questa queste questi ' +
    'questo qui se si sia siamo sono sta stata stati stato su sua sue sui sul sulla sulle sullo sull suo ti tra fra ' +
    'tu un una uno vi voi e stesso stessa molto tanto tutto tutti tutta tutte cosa cose essa esso ' +
    'buongiorno buonasera salve gentile gentili grazie cordiali saluti cortesia favore vorrei segnalo segnalare ' +
    'segnalazione chiedo prego distinti egregi spett'
  ).split(/\s+/),
);

/**
 * A light Italian stem: the final vowel goes, and so does the "h" or "i" that only spells a hard or soft
 * consonant before it (buche → buch → buc; strisce and striscia → strisc). Words shorter than 4 letters stay.
 */
export function stem(word: string): string {
  if (word.length < 4 || /^\d+$/.test(word)) return word;
  let s = word.replace(/[aeiou]$/, '');
  if (/[cg]h$/.test(s)) s = s.slice(0, -1);
  else if (/[cg]i$/.test(s) && s.length > 3) s = s.slice(0, -1);
  return s;
}

/** The content words of a text (no stopwords, no bare numbers), not stemmed. */
export function contentWords(text: string): string[] {
  return words(text).filter((w) => !STOPWORDS.has(w) && !/^\d+$/.test(w));
}

export interface FeatureOptions {
  /** Character n-gram sizes within words (default 3–5). */
  minGram?: number;
  maxGram?: number;
  /** Word bigrams of consecutive content words (default true). */
  bigrams?: boolean;
}

/**
 * Feature counts of a text: "w:" stemmed word unigrams, "b:" stemmed bigrams of consecutive content words, and
 * "c:" character n-grams of each content word padded with "<" and ">" (so word starts and ends count).
 */
export function featureCounts(text: string, options: FeatureOptions = {}, into = new Map<string, number>()): Map<string, number> {
  const minGram = options.minGram ?? 3;
  const maxGram = options.maxGram ?? 5;
  const withBigrams = options.bigrams ?? true;
  const add = (f: string): void => {
    into.set(f, (into.get(f) ?? 0) + 1);
  };
  const content = contentWords(text);
  let previous: string | null = null;
  for (const w of content) {
    const s = stem(w);
    add(`w:${s}`);
    if (withBigrams && previous !== null) add(`b:${previous}_${s}`);
    previous = s;
    const padded = `<${w}>`;
    for (let n = minGram; n <= maxGram; n++) {
      for (let i = 0; i + n <= padded.length; i++) add(`c:${padded.slice(i, i + n)}`);
    }
  }
  return into;
}

/** Feature counts of a report: its title (when given) and its description. */
export function reportFeatureCounts(input: { title?: string | null; description: string }, options: FeatureOptions = {}): Map<string, number> {
  const counts = new Map<string, number>();
  if (input.title) featureCounts(input.title, options, counts);
  featureCounts(input.description, options, counts);
  return counts;
}
