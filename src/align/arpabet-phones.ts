/**
 * Maps the ARPABET that letter-to-sound tools produce (e.g. `phonemize`:
 * `HH AX EL1 OW`, with reduced vowels, syllabic consonants, stress digits on
 * any phone and punctuation glued on) onto the 39 phones of the CMU
 * dictionary that the US-English acoustic model was trained with.
 */

const CMU_PHONES = new Set([
  'AA', 'AE', 'AH', 'AO', 'AW', 'AY', 'B', 'CH', 'D', 'DH', 'EH', 'ER', 'EY', 'F', 'G', 'HH', 'IH', 'IY', 'JH', 'K', 'L', 'M',
  'N', 'NG', 'OW', 'OY', 'P', 'R', 'S', 'SH', 'T', 'TH', 'UH', 'UW', 'V', 'W', 'Y', 'Z', 'ZH',
]);

/** Extended symbols as sequences of CMU phones. */
const EXTENDED: Record<string, string[]> = {
  AX: ['AH'],
  AXR: ['ER'],
  IX: ['IH'],
  UX: ['UW'],
  EL: ['L'],
  EM: ['AH', 'M'],
  EN: ['AH', 'N'],
  ENG: ['NG'],
  NX: ['N'],
  DX: ['T'],
  Q: [],
  WH: ['W'],
  SAW: ['AO'],
  TS: ['T', 'S'],
  KH: ['K'],
  PH: ['P'],
  NY: ['N', 'Y'],
  AR: ['AA', 'R'],
  AB: ['AA', 'B'],
  HL: ['HH', 'L'],
  IN: ['IH', 'N'],
  UN: ['UW', 'N'],
  OE: ['ER'],
  UE: ['UW', 'EH'],
  UO: ['UW', 'AO'],
  UY: ['UW', 'IY'],
  UA: ['UW', 'AA'],
  UAH: ['UW', 'AA'],
  UAHN: ['UW', 'AA', 'N'],
  YE: ['Y', 'EH'],
  YEN: ['Y', 'EH', 'N'],
  YAW: ['Y', 'AW'],
  YOW: ['Y', 'OW'],
  WAY: ['W', 'AY'],
};

/**
 * CMU phones for an ARPABET string, space-separated, or `null` when nothing
 * pronounceable is left (empty input, only punctuation, unknown symbols).
 */
export function toCmuPhones(arpabet: string): string | null {
  const phones: string[] = [];
  for (const raw of arpabet.split(/\s+/u)) {
    const symbol = raw.toUpperCase().replace(/[^A-Z]/gu, '');
    if (symbol.length === 0) continue;
    if (CMU_PHONES.has(symbol)) phones.push(symbol);
    else {
      const mapped = EXTENDED[symbol];
      if (mapped === undefined) return null;
      phones.push(...mapped);
    }
  }
  return phones.length > 0 ? phones.join(' ') : null;
}
