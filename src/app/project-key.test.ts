import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fnv1a64, projectKey, rememberTextHash } from './project-key.ts';

/** The textbook definition, in BigInt: slow, but obviously right. */
function referenceFnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

describe('fnv1a64', () => {
  it('matches the published FNV-1a 64 test vectors', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });

  it('agrees with the BigInt definition on any text, including non-ASCII', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => fnv1a64(text) === referenceFnv1a64(text)));
  });
});

describe('projectKey', () => {
  it('is the same for the same audio and original text, and differs when either differs', () => {
    const text = 'WEBVTT\n\n00:00.000 --> 00:01.000\n<v Ann>Hello\n';
    const key = projectKey('url:https://example.org/a.mp3', text);
    expect(projectKey('url:https://example.org/a.mp3', text)).toBe(key);
    expect(projectKey('url:https://example.org/b.mp3', text)).not.toBe(key);
    expect(projectKey('url:https://example.org/a.mp3', `${text} `)).not.toBe(key);
    expect(key.startsWith('url:https://example.org/a.mp3#')).toBe(true);
  });

  it('still keys a transcript opened without audio', () => {
    expect(projectKey('', 'x')).toBe(`no-audio#${fnv1a64('x')}`);
  });
});

describe('a hash made elsewhere', () => {
  it('is used for that text, and only for it: another text is hashed here', () => {
    const text = 'made in the worker';
    rememberTextHash(text, '0123456789abcdef');
    expect(projectKey('a', text)).toBe('a#0123456789abcdef');
    expect(projectKey('a', 'another text')).toBe(`a#${fnv1a64('another text')}`);
  });
});
