/**
 * A project is one audio + transcript pair. Its key must come out the same when
 * the user opens the same two files again tomorrow, so it is built from the
 * audio's stable identity and a hash of the transcript file's original text,
 * never from anything the editor changes.
 */
export function projectKey(audioKey: string, originalText: string): string {
  return `${audioKey || 'no-audio'}#${fnv1a64(originalText)}`;
}

const encoder = new TextEncoder();

/**
 * FNV-1a, 64-bit, over the UTF-8 bytes, as 16 hex digits. Not cryptographic;
 * it only has to tell transcripts apart and be fast on a 10 MB file (a plain loop,
 * synchronous, no BigInt). The 64-bit product is kept in two 32-bit halves:
 * the prime is 2^40 + 0x1b3, so h * prime = (h << 40) + h * 0x1b3 (mod 2^64).
 */
export function fnv1a64(text: string): string {
  const bytes = encoder.encode(text);
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let i = 0; i < bytes.length; i++) {
    lo ^= bytes[i]!;
    const low = (lo >>> 0) * 0x1b3;
    const carry = Math.floor(low / 0x100000000);
    hi = (Math.imul(hi, 0x1b3) + carry + (lo << 8)) >>> 0;
    lo = low >>> 0;
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}
