import { describe, expect, it } from 'vitest';
import { isolateBidi } from './bidi.ts';

describe('isolateBidi', () => {
  it('leaves left-to-right text without controls as it is', () => {
    expect(isolateBidi('Charles Maynes')).toBe('Charles Maynes');
  });

  it('isolates an override so it cannot reorder what follows', () => {
    expect(isolateBidi('Bob\u202Eevil')).toBe('\u2068Bob\u202Eevil\u2069');
  });

  it('isolates right-to-left names', () => {
    expect(isolateBidi('מרים')).toBe('\u2068מרים\u2069');
    expect(isolateBidi('سارة')).toBe('\u2068سارة\u2069');
  });
});
