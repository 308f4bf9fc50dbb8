import { describe, expect, it } from 'vitest';
import { assessPriority, PRIORITY_RULES, type PriorityRule } from './priority.ts';

const level = (description: string, title?: string): string => assessPriority({ description, title }).level;

describe('priority rules', () => {
  it.each([
    ['tombino aperto davanti alla scuola'],
    ['Tombino senza coperchio in via Dante!!'],
    ["hanno rubato il coperchio del tombino all'angolo"],
    ['ci sono fili scoperti che escono dal palo'],
    ['cavi elettrici a terra dopo il temporale in via Po'],
    ["un albero è caduto sulla strada e blocca il passaggio delle auto"],
    ['forte odore di gas in piazza'],
    ["si è rotto un tubo dell'acquedotto e la strada è allagata"],
    ['buca enorme, stamattina uno scooter ci è caduto dentro'],
    ['si è aperta una voragine in mezzo alla carreggiata'],
  ])('urgente: %s', (text) => {
    expect(level(text)).toBe('urgente');
  });

  it('reads text without accents, in capitals or with shorthand the same way', () => {
    expect(level('TOMBINO APERTO X STRADA')).toBe('urgente');
    expect(level('è pericoloso')).toBe(level('e pericoloso'));
    expect(level("E' PERICOLOSISSIMO")).toBe('alta');
  });

  it.each([
    ['il semaforo di corso Italia è spento'],
    ['un ramo spezzato penzola sopra il marciapiede'],
    ['la grata della caditoia è rotta'],
    ['la buca è pericolosa per chi va in bici'],
    ['siringhe nel parchetto dietro la stazione'],
    ['lastre di eternit abbandonate in un campo'],
  ])('alta: %s', (text) => {
    expect(level(text)).toBe('alta');
  });

  it.each([
    ['scritte sul muro della scuola'],
    ['le strisce pedonali sono sbiadite'],
    ['vorrei sapere gli orari del cimitero'],
    ['la panchina andrebbe verniciata, è tutta scrostata'],
  ])('bassa: %s', (text) => {
    expect(level(text)).toBe('bassa');
  });

  it('gives media when nothing calls for another level', () => {
    expect(assessPriority({ description: 'cassonetto pieno in via roma' })).toEqual({ level: 'media', rules: [] });
    expect(level('lampione spento in via verdi')).toBe('media');
  });

  it('does not treat hateful scritte as merely cosmetic', () => {
    expect(level('scritte razziste sul muro del sottopasso')).toBe('media');
  });

  it('caps a hazard at media when the citizen says it is not dangerous, but never an urgent one', () => {
    expect(level('piccola buca, non è pericolosa ma è fastidiosa')).not.toBe('alta');
    expect(level('tombino aperto, non so se è urgente')).toBe('urgente');
  });

  it('says which rules decided, and reads the title too', () => {
    expect(assessPriority({ title: 'Tombino aperto', description: 'davanti al civico 3' })).toEqual({ level: 'urgente', rules: ['open-manhole'] });
  });

  it('accepts a tenant’s own rules', () => {
    const rules: PriorityRule[] = [{ id: 'mercato', level: 'alta', description: 'Il mercato', patterns: ['\\bmercato\\b'] }];
    expect(level('rifiuti dopo il mercato')).toBe('media');
    expect(assessPriority({ description: 'rifiuti dopo il mercato' }, rules)).toEqual({ level: 'alta', rules: ['mercato'] });
  });

  it('has unique rule ids and patterns that compile', () => {
    const ids = PRIORITY_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of PRIORITY_RULES) for (const p of r.patterns.flat()) expect(() => new RegExp(p)).not.toThrow();
  });
});
