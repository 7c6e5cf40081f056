import { describe, expect, it } from 'vitest';
import { MAX_TRANSCRIPT_BYTES, formatByteSize, parseByteSize, tooLargeMessage } from './size-limit.ts';

describe('size limit', () => {
  it('is 64 MiB, written as 64 MB', () => {
    expect(MAX_TRANSCRIPT_BYTES).toBe(67_108_864);
    expect(formatByteSize(MAX_TRANSCRIPT_BYTES)).toBe('64 MB');
  });

  it.each([
    ['64MB', 64 * 1024 ** 2],
    ['100 M', 100 * 1024 ** 2],
    ['1.5GiB', 1.5 * 1024 ** 3],
    ['500k', 500 * 1024],
    ['2048', 2048],
    ['12 bytes', undefined],
    ['0', undefined],
    ['-5MB', undefined],
    ['lots', undefined],
    ['5 TB', undefined],
  ])('parses %j as %s', (text, bytes) => {
    expect(parseByteSize(text)).toBe(bytes);
  });

  it('names the file, its size and the limit', () => {
    expect(tooLargeMessage('big.json', 1_250_000_000)).toBe('big.json is 1.2 GB, more than the 64 MB Verbatim reads for a transcript');
    expect(tooLargeMessage('a.vtt', 3000, 2048)).toBe('a.vtt is 2.9 KB, more than the 2 KB Verbatim reads for a transcript');
  });
});
