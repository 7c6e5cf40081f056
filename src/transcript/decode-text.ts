/**
 * Bytes of a transcript file to text, the same way in the app and the CLI: UTF-8 (with or
 * without a BOM) and UTF-16 LE/BE (with a BOM, or without one when the NUL bytes of ASCII
 * text give the byte order away). Invalid UTF-8 becomes U+FFFD, which the importers then
 * count and warn about, rather than failing here.
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** The file started with a byte-order mark (removed from `text`). */
  bom: boolean;
}

/** UTF-16 without a BOM: in ASCII-heavy text every other byte is NUL, on the even or odd side. */
function guessUtf16(bytes: Uint8Array): TextEncodingName | undefined {
  const sample = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (sample < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < sample; index += 2) {
    if (bytes[index] === 0) evenZeros += 1;
    if (bytes[index + 1] === 0) oddZeros += 1;
  }
  const pairs = sample / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return undefined;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  let encoding: TextEncodingName = 'utf-8';
  let skip = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) skip = 3;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, skip] = ['utf-16le', 2];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, skip] = ['utf-16be', 2];
  else encoding = guessUtf16(bytes) ?? 'utf-8';
  // ignoreBOM: the mark is skipped above, so a second one (a real U+FEFF) stays text.
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(skip));
  return { text, encoding, bom: skip > 0 };
}
