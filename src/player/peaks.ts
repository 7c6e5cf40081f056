/**
 * Precomputed waveform peaks in BBC audiowaveform's JSON format, read into the
 * shape wavesurfer draws from, so a long recording shows its waveform without
 * the browser decoding hours of audio.
 *
 * The format (audiowaveform's `--output-format json`): `version` 1 or 2,
 * `channels` (version 2; version 1 is always one channel), `sample_rate`,
 * `samples_per_pixel`, `bits` (8 or 16), `length` (points per channel) and
 * `data`: per point, each channel's minimum then maximum, as signed integers.
 */

export interface WaveformPeaks {
  /**
   * One list per channel, each point's minimum and maximum in turn, scaled to -1..1.
   * wavesurfer draws a bar from the largest magnitude it finds, so keeping both
   * extremes draws the same waveform as decoding would.
   */
  peaks: number[][];
  /** Seconds the peaks cover: `length × samples_per_pixel ÷ sample_rate`. */
  duration: number;
}

/** What the waveform draws from: `WaveformPeaks`, or its channels as Float32Arrays (moved from the parse worker). */
export interface DrawablePeaks {
  peaks: Array<Float32Array | number[]>;
  duration: number;
  /** The same reduced for drawing the whole file (peak-levels.ts), when made already (the parse worker does). */
  overview?: Float32Array[];
}

export type PeaksResult = { ok: true; value: WaveformPeaks } | { ok: false; message: string };

/** An audiowaveform JSON document, as `npm run peaks` writes it. */
export interface AudiowaveformJson {
  version: 2;
  channels: number;
  sample_rate: number;
  samples_per_pixel: number;
  bits: 8 | 16;
  length: number;
  data: number[];
}

const FIELDS = ['sample_rate', 'samples_per_pixel', 'bits', 'length', 'data'];

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

/** Cheap check on a file's start, for telling a peaks file from a JSON transcript before reading it whole. */
export function looksLikePeaks(text: string): boolean {
  const head = text.slice(0, 1000);
  return /^\s*\{/u.test(head) && /"samples_per_pixel"\s*:/u.test(head) && /"sample_rate"\s*:/u.test(head);
}

/** Reads audiowaveform JSON; every problem is a sentence without the file name. */
export function parsePeaks(text: string): PeaksResult {
  const fail = (message: string): PeaksResult => ({ ok: false, message });
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/u, ''));
  } catch (error) {
    return fail(`this is not a peaks file: it is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return fail('this is not a peaks file: audiowaveform JSON is an object with "sample_rate", "samples_per_pixel", "bits", "length" and "data"');
  }
  const doc = json as Record<string, unknown>;
  const missing = FIELDS.filter((field) => !(field in doc));
  if (missing.length === FIELDS.length) {
    return fail('this is not a peaks file: audiowaveform JSON is an object with "sample_rate", "samples_per_pixel", "bits", "length" and "data"');
  }
  if (missing.length > 0) return fail(`the peaks file has no ${missing.map((field) => `"${field}"`).join(', ')}`);

  const version = doc.version ?? 1;
  if (version !== 1 && version !== 2) return fail(`peaks file version ${JSON.stringify(version)} is not supported (versions 1 and 2 are)`);
  const channels = version === 1 ? 1 : doc.channels ?? 1;
  if (!isPositiveInteger(channels)) return fail(`"channels" must be a whole number of at least 1, not ${JSON.stringify(channels)}`);
  const { sample_rate: sampleRate, samples_per_pixel: samplesPerPixel, bits, length, data } = doc;
  if (!isPositiveInteger(sampleRate)) return fail(`"sample_rate" must be a positive whole number, not ${JSON.stringify(sampleRate)}`);
  if (!isPositiveInteger(samplesPerPixel)) {
    return fail(`"samples_per_pixel" must be a positive whole number, not ${JSON.stringify(samplesPerPixel)}`);
  }
  if (bits !== 8 && bits !== 16) return fail(`"bits" must be 8 or 16, not ${JSON.stringify(bits)}`);
  if (typeof length !== 'number' || !Number.isInteger(length) || length < 0) {
    return fail(`"length" must be a whole number of points, not ${JSON.stringify(length)}`);
  }
  if (!Array.isArray(data)) return fail(`"data" must be a list of numbers, not ${data === null ? 'null' : typeof data}`);
  if (length === 0 || data.length === 0) return fail('the peaks file holds no data (its "length" is 0)');
  const expected = length * 2 * channels;
  if (data.length !== expected) {
    return fail(
      `"data" holds ${data.length} values, but ${length} points × ${channels} channel${channels === 1 ? '' : 's'} × min and max need ${expected}`,
    );
  }

  const limit = bits === 8 ? 128 : 32768;
  const inRange = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= -limit && value < limit;
  const peaks = Array.from({ length: channels }, () => new Array<number>(length * 2));
  // One pass; data[index] is channel (index / 2) % channels of point index / (2 × channels).
  for (let index = 0; index < expected; index++) {
    const value: unknown = data[index];
    if (!inRange(value)) {
      return fail(`data[${index}] is ${JSON.stringify(value)}, not ${bits === 8 ? 'an' : 'a'} ${bits}-bit value (a whole number from ${-limit} to ${limit - 1})`);
    }
    const pair = index >> 1;
    peaks[pair % channels]![Math.floor(pair / channels) * 2 + (index & 1)] = value / limit;
  }
  return { ok: true, value: { peaks, duration: (length * samplesPerPixel) / sampleRate } };
}
