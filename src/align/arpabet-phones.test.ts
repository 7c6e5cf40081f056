import { describe, expect, it } from 'vitest';
import { toCmuPhones } from './arpabet-phones.ts';

describe('toCmuPhones', () => {
  it('strips stress digits and punctuation, including digits on consonants', () => {
    expect(toCmuPhones('G1 SAW EL Y AX M AX V')).toBe('G AO L Y AH M AH V');
    expect(toCmuPhones('Y UW. EH S.')).toBe('Y UW EH S');
  });

  it('expands syllabic consonants and reduced vowels', () => {
    expect(toCmuPhones('B AH T EN')).toBe('B AH T AH N');
    expect(toCmuPhones('B AXR D')).toBe('B ER D');
  });

  it('returns null when nothing pronounceable is left or a symbol is unknown', () => {
    expect(toCmuPhones('')).toBeNull();
    expect(toCmuPhones('!?')).toBeNull();
    expect(toCmuPhones('K XYZ T')).toBeNull();
  });
});
