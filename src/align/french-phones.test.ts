import { describe, expect, it } from 'vitest';
import { frenchPronunciations } from './french-phones.ts';

const FR_PHONES = new Set('aa ai an au bb ch dd ee ei eu ff gg gn ii in jj kk ll mm nn oe on oo ou pp rr ss tt un uu uy vv ww yy zz'.split(' '));

describe('frenchPronunciations', () => {
  it('reads words the fr-fr dictionary has the way the dictionary does', () => {
    expect(frenchPronunciations('bonjour')[0]).toBe('bb on jj ou rr');
    expect(frenchPronunciations('université')[0]).toBe('uu nn ii vv ai rr ss ii tt ei');
    expect(frenchPronunciations('fille')[0]).toBe('ff ii yy');
    expect(frenchPronunciations('chercheurs')[0]).toBe('ch ai rr ch oe rr');
    expect(frenchPronunciations('montagneux')[0]).toBe('mm on tt aa gn eu');
  });

  it('reads the FLEURS words the dictionary lacks, with the alternatives names need', () => {
    expect(frenchPronunciations('malveillant')[0]).toBe('mm aa ll vv ai yy an');
    // Final consonant spoken (a name from another language) as an alternative.
    expect(frenchPronunciations('Mashhad')).toEqual(['mm aa ch aa', 'mm aa ch aa dd']);
    // Italian ch as /k/ as an alternative.
    expect(frenchPronunciations('Fisichella')).toContain('ff ii zz ii kk ai ll aa');
  });

  it('keeps nasal vowels only where no vowel or n/m follows', () => {
    expect(frenchPronunciations('bon')[0]).toBe('bb on');
    expect(frenchPronunciations('bonne')[0]).toBe('bb oo nn');
    expect(frenchPronunciations('pain')[0]).toBe('pp in');
  });

  it('uses only the model\'s phones, at most three different readings, none for no letters', () => {
    for (const word of ['Verhofstadt', 'Spitzberg', 'aéroportuaires', 'œil', 'garçon', 'x', 'Zwölf']) {
      const readings = frenchPronunciations(word);
      expect(readings.length).toBeGreaterThan(0);
      expect(readings.length).toBeLessThanOrEqual(3);
      expect(new Set(readings).size).toBe(readings.length);
      for (const reading of readings) for (const phone of reading.split(' ')) expect(FR_PHONES.has(phone)).toBe(true);
    }
    expect(frenchPronunciations('42')).toEqual([]);
    expect(frenchPronunciations("'")).toEqual([]);
  });
});
