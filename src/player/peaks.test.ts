import { describe, expect, it } from 'vitest';
import { looksLikePeaks, parsePeaks } from './peaks.ts';

function value(text: string) {
  const result = parsePeaks(text);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

function message(text: string) {
  const result = parsePeaks(text);
  if (result.ok) throw new Error('expected an error');
  return result.message;
}

const doc = (fields: Record<string, unknown>) => JSON.stringify(fields);

describe('parsePeaks', () => {
  it('reads version 2, one channel, 8 bits (audiowaveform’s own example shape)', () => {
    const peaks = value('{"version":2,"channels":1,"sample_rate":44100,"samples_per_pixel":512,"bits":8,"length":3,"data":[-65,63,-66,64,-40,41]}');
    expect(peaks.peaks).toEqual([[-65 / 128, 63 / 128, -66 / 128, 64 / 128, -40 / 128, 41 / 128]]);
    expect(peaks.duration).toBeCloseTo((3 * 512) / 44100, 12);
  });

  it('reads version 1 (no "channels": always one) with 16 bits', () => {
    const peaks = value(doc({ version: 1, sample_rate: 8000, samples_per_pixel: 80, bits: 16, length: 2, data: [-32768, 32767, 0, 16384] }));
    expect(peaks.peaks).toEqual([[-1, 32767 / 32768, 0, 0.5]]);
    expect(peaks.duration).toBeCloseTo(0.02, 12);
  });

  it('reads a file without "version" as version 1', () => {
    expect(value(doc({ sample_rate: 100, samples_per_pixel: 1, bits: 8, length: 1, data: [-1, 1] })).peaks).toHaveLength(1);
  });

  it('splits interleaved channels: per point, each channel’s min then max', () => {
    const peaks = value(
      doc({ version: 2, channels: 2, sample_rate: 48000, samples_per_pixel: 24000, bits: 8, length: 2, data: [-1, 2, -3, 4, -5, 6, -7, 8] }),
    );
    expect(peaks.peaks).toEqual([
      [-1 / 128, 2 / 128, -5 / 128, 6 / 128],
      [-3 / 128, 4 / 128, -7 / 128, 8 / 128],
    ]);
    expect(peaks.duration).toBe(1);
  });

  it('tolerates a byte order mark', () => {
    expect(value('\uFEFF' + doc({ sample_rate: 1, samples_per_pixel: 1, bits: 8, length: 1, data: [0, 0] })).duration).toBe(1);
  });

  const good = { version: 2, channels: 1, sample_rate: 44100, samples_per_pixel: 441, bits: 8, length: 2, data: [-1, 1, -2, 2] };

  it.each([
    ['{"version": 2,', /^this is not a peaks file: it is not JSON \(/],
    ['[1, 2, 3]', /^this is not a peaks file: audiowaveform JSON is an object/],
    ['{"segments": []}', /^this is not a peaks file: audiowaveform JSON is an object/],
    [doc({ ...good, data: undefined }), /^the peaks file has no "data"$/],
    [doc({ ...good, version: 3 }), /^peaks file version 3 is not supported/],
    [doc({ ...good, channels: 0 }), /^"channels" must be a whole number of at least 1, not 0$/],
    [doc({ ...good, sample_rate: -44100 }), /^"sample_rate" must be a positive whole number, not -44100$/],
    [doc({ ...good, samples_per_pixel: 1.5 }), /^"samples_per_pixel" must be a positive whole number, not 1.5$/],
    [doc({ ...good, bits: 32 }), /^"bits" must be 8 or 16, not 32$/],
    [doc({ ...good, length: '2' }), /^"length" must be a whole number of points, not "2"$/],
    [doc({ ...good, data: 'AAEC' }), /^"data" must be a list of numbers, not string$/],
    [doc({ ...good, length: 0, data: [] }), /holds no data/],
    [doc({ ...good, data: [-1, 1, -2] }), /^"data" holds 3 values, but 2 points × 1 channel × min and max need 4$/],
    [doc({ ...good, channels: 2 }), /^"data" holds 4 values, but 2 points × 2 channels × min and max need 8$/],
    [doc({ ...good, data: [-1, 1, -2, 200] }), /^data\[3\] is 200, not an 8-bit value \(a whole number from -128 to 127\)$/],
    [doc({ ...good, data: [-1, 0.5, -2, 2] }), /^data\[1\] is 0.5, not an 8-bit value/],
    [doc({ ...good, data: [-1, null, -2, 2] }), /^data\[1\] is null, not an 8-bit value/],
  ])('%s → %s', (text, expected) => {
    expect(message(text)).toMatch(expected);
  });
});

describe('looksLikePeaks', () => {
  it('tells a peaks file from a JSON transcript by its first fields', () => {
    expect(looksLikePeaks('{"version":2,"channels":1,"sample_rate":44100,"samples_per_pixel":512,"bits":8,"length":3,"data":[]}')).toBe(true);
    expect(looksLikePeaks('{"version":"1.0.0","segments":[{"startTime":0,"endTime":1,"body":"Hi"}]}')).toBe(false);
    expect(looksLikePeaks('WEBVTT\n\n"sample_rate": "samples_per_pixel":')).toBe(false);
  });
});
