import { describe, expect, it } from 'vitest';
import { fragmentStart } from './media-fragment.ts';

describe('fragmentStart', () => {
  it.each([
    ['#t=90', 90],
    ['#t=12.5', 12.5],
    ['#t=npt:1:30', 90],
    ['#t=1:02:03.5,100', 3723.5],
    ['#foo=1&t=7', 7],
    ['#t=', undefined],
    ['#t=abc', undefined],
    ['#t=-5', undefined],
    ['', undefined],
  ])('%s -> %s', (hash, expected) => expect(fragmentStart(hash)).toBe(expected));
});
