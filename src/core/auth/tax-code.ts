/**
 * Italian personal tax code (codice fiscale): format, omocodia and check character.
 *
 * Layout (16 characters): 3 surname letters, 3 name letters, 2 year digits, month letter, 2 day digits (+40 for
 * women), 4-character cadastral (Belfiore) code of the birthplace, check character. When two people would get the same
 * code ("omocodia"), the Revenue Agency replaces digits from the right with the letters L M N P Q R S T U V (0–9):
 * the regex accepts them at every digit position, and the check character is computed on the code as written.
 */

/** Format with omocodia (as in pagoPA code; /work/shared/STANDARDS.md §5). */
export const TAX_CODE_REGEX = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;

const MONTHS = 'ABCDEHLMPRST';
const OMOCODIA = 'LMNPQRSTUV';
/** Positions (0-based) that hold digits in a code without omocodia. */
const DIGIT_POSITIONS = [6, 7, 9, 10, 12, 13, 14];

/** Values of characters in odd positions (1st, 3rd, …), for 0–9 and A–Z alike (0 = A, 1 = B, …). */
const ODD_VALUES = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

function charIndex(c: string): number {
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48; // '0'..'9' → 0..9
  return code - 65; // 'A'..'Z' → 0..25
}

/** The check character of the first 15 characters of a tax code. */
export function taxCodeCheckChar(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const idx = charIndex(first15[i]!);
    // Positions are counted from 1: index 0 is "odd".
    sum += i % 2 === 0 ? ODD_VALUES[idx]! : idx;
  }
  return String.fromCharCode(65 + (sum % 26));
}

/** Uppercase, trim, and drop the "TINIT-" prefix that SPID sends in `fiscalNumber`. */
export function normaliseTaxCode(raw: string): string {
  const s = raw.trim().toUpperCase().replace(/\s+/g, '');
  return s.startsWith('TINIT-') ? s.slice(6) : s;
}

/** Replace omocodia letters with their digits (for reading the date). */
export function decodeOmocodia(code: string): string {
  const chars = code.split('');
  for (const p of DIGIT_POSITIONS) {
    const c = chars[p];
    if (c !== undefined) {
      const i = OMOCODIA.indexOf(c);
      if (i >= 0) chars[p] = String(i);
    }
  }
  return chars.join('');
}

/**
 * True when `code` is a well-formed personal tax code: the format (with omocodia), a plausible day of birth
 * (1–31, or 41–71 for women) and the right check character. Expects an uppercase code (see normaliseTaxCode).
 */
export function isValidTaxCode(code: string): boolean {
  if (!TAX_CODE_REGEX.test(code)) return false;
  const plain = decodeOmocodia(code);
  const day = Number(plain.slice(9, 11));
  if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) return false;
  return taxCodeCheckChar(code.slice(0, 15)) === code[15];
}

const VOWELS = new Set(['A', 'E', 'I', 'O', 'U']);

function letters(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z]/g, '');
}

function split(s: string): { consonants: string[]; vowels: string[] } {
  const l = letters(s).split('');
  return { consonants: l.filter((c) => !VOWELS.has(c)), vowels: l.filter((c) => VOWELS.has(c)) };
}

function surnamePart(familyName: string): string {
  const { consonants, vowels } = split(familyName);
  return [...consonants, ...vowels, 'X', 'X', 'X'].slice(0, 3).join('');
}

function namePart(givenName: string): string {
  const { consonants, vowels } = split(givenName);
  if (consonants.length >= 4) return `${consonants[0]}${consonants[2]}${consonants[3]}`;
  return [...consonants, ...vowels, 'X', 'X', 'X'].slice(0, 3).join('');
}

export interface TaxCodePerson {
  familyName: string;
  givenName: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: 'M' | 'F';
  /** Belfiore code of the comune (or foreign state) of birth, e.g. A859 for Biella. */
  cadastralCode: string;
}

/**
 * The tax code of a person, as the Revenue Agency computes it when there is no omocodia. Used for demo identities
 * and tests; real codes always come from the identity provider.
 */
export function computeTaxCode(p: TaxCodePerson): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(p.birthDate);
  if (!m) throw new Error(`birthDate ${p.birthDate} is not YYYY-MM-DD`);
  const year = m[1]!.slice(2);
  const month = MONTHS[Number(m[2]) - 1];
  if (!month) throw new Error(`birthDate ${p.birthDate} has no valid month`);
  const day = Number(m[3]) + (p.sex === 'F' ? 40 : 0);
  if (!/^[A-Z]\d{3}$/.test(p.cadastralCode)) throw new Error(`cadastral code ${p.cadastralCode} is not a letter and 3 digits`);
  const first15 = `${surnamePart(p.familyName)}${namePart(p.givenName)}${year}${month}${String(day).padStart(2, '0')}${p.cadastralCode}`;
  return first15 + taxCodeCheckChar(first15);
}
