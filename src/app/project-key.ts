/**
 * A project is one audio + transcript pair. Its key must come out the same when
 * the user opens the same two files again tomorrow, so it is built from the
 * audio's stable identity and a hash of the transcript file's original text,
 * never from anything the editor changes.
 */
export function projectKey(audioKey: string, originalText: string): string {
  return `${audioKey || 'no-audio'}#${textHash(originalText)}`;
}

/**
 * The last text hashed and its hash. A session's key is asked for again and again
 * (autosave on open and when the audio changes, the alignment cache) and always of the
 * same string object, which compares in constant time; only a new text is hashed.
 */
let known: { text: string; hash: string } | null = null;

/** Records a hash made elsewhere (the parse worker hashes a large file as it reads it), so the page never hashes it. */
export function rememberTextHash(text: string, hash: string): void {
  known = { text, hash };
}

function textHash(text: string): string {
  if (known?.text !== text) known = { text, hash: fnv1a64(text) };
  return known.hash;
}

const encoder = new TextEncoder();

/**
 * FNV-1a, 64-bit, over the UTF-8 bytes, as 16 hex digits. Not cryptographic;
 * it only has to tell transcripts apart and be fast on a 10 MB file (a plain loop,
 * synchronous, no BigInt). The hash is kept in four 16-bit limbs so every product
 * stays an exact small integer: the prime is 2^40 + 0x1b3, so
 * h * prime = h * 0x1b3 + (h << 40) (mod 2^64), and h << 40 adds the two low limbs,
 * shifted by 8 bits, to the two high ones: no division per byte, about 1.5x faster
 * than a division-based carry (a 3-hour transcript is hashed while it loads).
 */
export function fnv1a64(text: string): string {
  const bytes = encoder.encode(text);
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let i = 0; i < bytes.length; i++) {
    h0 ^= bytes[i]!;
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3 + (t0 >>> 16);
    const t2 = h2 * 0x1b3 + (h0 << 8) + (t1 >>> 16);
    h3 = (h3 * 0x1b3 + (h1 << 8) + (t2 >>> 16)) & 0xffff;
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
  }
  const hex = (limb: number) => limb.toString(16).padStart(4, '0');
  return hex(h3) + hex(h2) + hex(h1) + hex(h0);
}
