import { describe, expect, it } from 'vitest';
import { loadKoffi } from './koffi.ts';

describe('loadKoffi', () => {
  it('names the missing optional package and how to install it', () => {
    expect(() => loadKoffi('koffi-that-is-not-installed')).toThrow(
      /the synthetic voices need the optional package koffi-that-is-not-installed .* which is not installed: run `npm install --include=optional`/u,
    );
  });
});
