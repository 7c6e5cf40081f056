import { describe, expect, it } from 'vitest';
import { syllableCounter } from './language-syllables.ts';

describe('syllableCounter', () => {
  it('counts Spanish hiatus and diphthongs', () => {
    const count = syllableCounter('es');
    expect(count('poeta')).toBe(3);
    expect(count('secretario')).toBe(4);
    expect(count('Señor')).toBe(2);
    expect(count('día')).toBe(2);
    expect(count('bueno')).toBe(2);
  });

  it('counts German vowel groups', () => {
    const count = syllableCounter('de');
    expect(count('abenteuerliche')).toBe(6);
    expect(count('Wahrheit')).toBe(2);
    expect(count('Lebensbeschreibung')).toBe(5);
    expect(count('wie')).toBe(1);
  });

  it('counts Swedish and other Latin-script languages by vowel groups', () => {
    const count = syllableCounter('sv');
    expect(count('grannträdgården')).toBe(4);
    expect(count('åtta')).toBe(2);
  });

  it('keeps the English counter for English and reads numbers aloud', () => {
    expect(syllableCounter('en-GB')('table')).toBe(2);
    expect(syllableCounter('de')('1881')).toBeGreaterThan(3);
  });
});
