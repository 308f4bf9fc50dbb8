import { describe, expect, it } from 'vitest';
import { computeTaxCode, decodeOmocodia, isValidTaxCode, normaliseTaxCode, taxCodeCheckChar } from './tax-code.ts';

describe('isValidTaxCode', () => {
  it('accepts well-known valid codes', () => {
    for (const c of ['RSSMRA80A01H501U', 'MRTMTT25D09F205Z', 'RSSMRA85T10A562S']) expect(isValidTaxCode(c), c).toBe(true);
  });

  it('rejects a wrong check character', () => {
    expect(isValidTaxCode('RSSMRA80A01H501A')).toBe(false);
    expect(isValidTaxCode('RSSMRA80A01L750W')).toBe(false); // the right check character for L750 is I
    expect(isValidTaxCode('RSSMRA80A01L750I')).toBe(true);
  });

  it('rejects malformed codes', () => {
    for (const c of ['', 'RSSMRA80A01H501', 'RSSMRA80A01H501UU', 'rssmra80a01h501u', 'RSSMRA80Z01H501U', '12345678901', 'RSSMRA80A01H5O1U']) {
      expect(isValidTaxCode(c), c).toBe(false);
    }
  });

  it('rejects impossible days of birth (00, 32–40, over 71)', () => {
    for (const day of ['00', '32', '40', '72']) {
      const first15 = `RSSMRA80A${day}H501`;
      expect(isValidTaxCode(first15 + taxCodeCheckChar(first15)), day).toBe(false);
    }
    const woman = 'BNCMRA85C52A859';
    expect(isValidTaxCode(woman + taxCodeCheckChar(woman))).toBe(true);
  });

  it('supports omocodia: letters L–V in digit positions, check character computed on the written code', () => {
    // RSSMRA80A01H501U with its last digits substituted (1→M, 0→L, 5→R).
    const variants = ['RSSMRA80A01H50M', 'RSSMRA80A01H5LM', 'RSSMRA80A01HRLM', 'RSSMRA80A0MHRLM', 'RSSMRAULALMHRLM'];
    for (const v of variants) {
      const code = v + taxCodeCheckChar(v);
      expect(isValidTaxCode(code), code).toBe(true);
      expect(decodeOmocodia(code).slice(0, 15)).toBe('RSSMRA80A01H501');
    }
    // Omocodia letters outside the allowed set are refused (A is not a digit substitute).
    const bad = 'RSSMRA80A01H50A';
    expect(isValidTaxCode(bad + taxCodeCheckChar(bad))).toBe(false);
  });
});

describe('computeTaxCode', () => {
  it('computes codes the Revenue Agency way, including the check character', () => {
    expect(computeTaxCode({ familyName: 'Rossi', givenName: 'Mario', birthDate: '1980-01-01', sex: 'M', cadastralCode: 'H501' })).toBe('RSSMRA80A01H501U');
    expect(computeTaxCode({ familyName: 'Moretti', givenName: 'Matteo', birthDate: '1925-04-09', sex: 'M', cadastralCode: 'F205' })).toBe('MRTMTT25D09F205Z');
  });

  it('takes the 1st, 3rd and 4th consonant of a given name with four or more, and pads short names with X', () => {
    // Francesca → consonants F R N C S C → F N C
    expect(computeTaxCode({ familyName: 'Bo', givenName: 'Francesca', birthDate: '1970-12-31', sex: 'F', cadastralCode: 'A859' }).slice(0, 6)).toBe('BOXFNC');
    expect(computeTaxCode({ familyName: "D'Amico", givenName: 'Ugo', birthDate: '1970-12-31', sex: 'M', cadastralCode: 'A859' }).slice(0, 6)).toBe('DMCGUO');
  });

  it('adds 40 to the day for women', () => {
    expect(computeTaxCode({ familyName: 'Bianchi', givenName: 'Maria', birthDate: '1985-03-12', sex: 'F', cadastralCode: 'A859' }).slice(6, 11)).toBe('85C52');
  });
});

describe('normaliseTaxCode', () => {
  it('strips the TINIT- prefix SPID sends, trims and uppercases', () => {
    expect(normaliseTaxCode('TINIT-RSSMRA80A01H501U')).toBe('RSSMRA80A01H501U');
    expect(normaliseTaxCode(' tinit-rssmra80a01h501u ')).toBe('RSSMRA80A01H501U');
    expect(normaliseTaxCode('RSSMRA80A01H501U')).toBe('RSSMRA80A01H501U');
  });
});
