/**
 * The two 4-bit ADPCM codings found in WAV files from voice recorders and
 * old Windows tools, one block at a time: IMA/DVI ADPCM (format 0x0011) and
 * Microsoft ADPCM (format 0x0002), as the Microsoft multimedia specification
 * lays out their blocks. Output is 16-bit values scaled to -1..1.
 */

const IMA_STEPS = [
  7, 8, 9, 10, 11, 12, 13, 14, 16, 17, 19, 21, 23, 25, 28, 31, 34, 37, 41, 45, 50, 55, 60, 66, 73, 80, 88, 97, 107, 118, 130, 143, 157, 173, 190, 209,
  230, 253, 279, 307, 337, 371, 408, 449, 494, 544, 598, 658, 724, 796, 876, 963, 1060, 1166, 1282, 1411, 1552, 1707, 1878, 2066, 2272, 2499, 2749,
  3024, 3327, 3660, 4026, 4428, 4871, 5358, 5894, 6484, 7132, 7845, 8630, 9493, 10442, 11487, 12635, 13899, 15289, 16818, 18500, 20350, 22385, 24623,
  27086, 29794, 32767,
];
const IMA_INDEX_STEPS = [-1, -1, -1, -1, 2, 4, 6, 8];

/** The seven predictor pairs every Microsoft ADPCM file starts with (its format chunk may list more). */
export const MS_ADPCM_COEFFICIENTS: readonly (readonly [number, number])[] = [
  [256, 0],
  [512, -256],
  [0, 0],
  [192, 64],
  [240, 0],
  [460, -208],
  [392, -232],
];
const MS_ADAPTATION = [230, 230, 230, 230, 307, 409, 512, 614, 768, 614, 512, 409, 307, 230, 230, 230];

const clamp16 = (value: number) => Math.max(-32768, Math.min(32767, value));

/**
 * One IMA ADPCM block: per channel a 4-byte header (first sample, step
 * index), then 4-byte words taking turns between channels, 8 samples each,
 * low nibble first. Writes `samplesPerBlock` samples per channel from `at`.
 */
export function decodeImaBlock(block: Uint8Array, channels: number, samplesPerBlock: number, out: Float32Array[], at: number): void {
  const view = new DataView(block.buffer, block.byteOffset, block.byteLength);
  for (let channel = 0; channel < channels; channel++) {
    let predictor = view.getInt16(channel * 4, true);
    let index = Math.min(88, view.getUint8(channel * 4 + 2));
    const target = out[channel]!;
    target[at] = predictor / 32768;
    for (let sample = 1; sample < samplesPerBlock; sample++) {
      // Sample n (from 1) sits in word (n-1)/8 of this channel, nibble (n-1)%8.
      const word = (sample - 1) >> 3;
      const byte = 4 * channels + (word * channels + channel) * 4 + (((sample - 1) & 7) >> 1);
      if (byte >= block.length) break;
      const nibble = ((sample - 1) & 1) === 0 ? block[byte]! & 0x0f : block[byte]! >> 4;
      const step = IMA_STEPS[index]!;
      let difference = step >> 3;
      if (nibble & 4) difference += step;
      if (nibble & 2) difference += step >> 1;
      if (nibble & 1) difference += step >> 2;
      predictor = clamp16(nibble & 8 ? predictor - difference : predictor + difference);
      index = Math.max(0, Math.min(88, index + IMA_INDEX_STEPS[nibble & 7]!));
      target[at + sample] = predictor / 32768;
    }
  }
}

/**
 * One Microsoft ADPCM block: per channel a predictor number, then per
 * channel the step, the second and the first sample (the block's first two
 * outputs, oldest first), then nibbles high first, taking turns between channels.
 */
export function decodeMsBlock(
  block: Uint8Array,
  channels: number,
  samplesPerBlock: number,
  coefficients: readonly (readonly [number, number])[],
  out: Float32Array[],
  at: number,
): void {
  const view = new DataView(block.buffer, block.byteOffset, block.byteLength);
  const state = Array.from({ length: channels }, (_, channel) => {
    const pair = coefficients[view.getUint8(channel)];
    if (pair === undefined) throw new Error(`the MS ADPCM block uses predictor ${view.getUint8(channel)}, which the file does not define`);
    return {
      c1: pair[0],
      c2: pair[1],
      delta: view.getInt16(channels + channel * 2, true),
      sample1: view.getInt16(3 * channels + channel * 2, true),
      sample2: view.getInt16(5 * channels + channel * 2, true),
    };
  });
  state.forEach((s, channel) => {
    out[channel]![at] = s.sample2 / 32768;
    out[channel]![at + 1] = s.sample1 / 32768;
  });
  let byte = 7 * channels;
  for (let n = 2 * channels; n < samplesPerBlock * channels && byte < block.length; n++) {
    const nibble = n % 2 === 0 ? block[byte]! >> 4 : block[byte++]! & 0x0f;
    const channel = n % channels;
    const s = state[channel]!;
    // Division truncating toward zero, as in the reference decoder.
    const predicted = Math.trunc((s.sample1 * s.c1 + s.sample2 * s.c2) / 256);
    const value = clamp16(predicted + (nibble >= 8 ? nibble - 16 : nibble) * s.delta);
    s.sample2 = s.sample1;
    s.sample1 = value;
    s.delta = Math.max(16, Math.trunc((MS_ADAPTATION[nibble]! * s.delta) / 256));
    out[channel]![at + Math.floor(n / channels)] = value / 32768;
  }
}
