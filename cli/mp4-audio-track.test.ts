// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readMp4AudioTrack } from './mp4-audio-track.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../test/fixtures/decode-audio/${name}`, import.meta.url)));

type Part = Uint8Array | number[];

function bytesOf(...parts: Part[]): Uint8Array {
  const arrays = parts.map((part) => (part instanceof Uint8Array ? part : new Uint8Array(part)));
  const out = new Uint8Array(arrays.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of arrays) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const u16 = (value: number) => [value >> 8, value & 0xff];
const u32 = (value: number) => [(value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
const u64 = (value: number) => [...u32(Math.floor(value / 2 ** 32)), ...u32(value >>> 0)];
const text = (value: string) => [...value].map((c) => c.charCodeAt(0));

function box(type: string, ...payload: Part[]): Uint8Array {
  const body = bytesOf(...payload);
  return bytesOf(u32(8 + body.length), text(type), body);
}

/** A full box: version and flags first. */
const full = (type: string, version: number, ...payload: Part[]) => box(type, [version, 0, 0, 0], ...payload);

interface Layout {
  frames: Uint8Array[];
  /** Frames per chunk, in order. */
  chunks: number[];
  wide: boolean;
  /** Entries of the edit list; none at all when undefined. */
  edits: [duration: number, mediaTime: number][] | undefined;
  handler?: string;
  extra?: Uint8Array;
  /** Movie fragments instead of sample tables: the frames of each fragment, and whether its run lists their sizes (and durations). */
  fragments?: Fragment[];
}

interface Fragment {
  count: number;
  sizes: boolean;
  durations?: boolean;
}

/** Frame size the fragmented layouts declare as the default (tfhd) for runs without sizes. */
const DEFAULT_SIZE = 11;

/**
 * Movie fragments of `frames` (which must have DEFAULT_SIZE bytes wherever a
 * fragment lists no sizes), each a moof whose data offset counts from itself.
 */
function fragmented(frames: Uint8Array[], fragments: Fragment[]): Uint8Array {
  const out: Uint8Array[] = [];
  let next = 0;
  for (const { count, sizes, durations = false } of fragments) {
    const own = frames.slice(next, next + count);
    next += count;
    const moofFor = (dataOffset: number) =>
      box(
        'moof',
        full('mfhd', 0, u32(out.length + 1)),
        box(
          'traf',
          box('tfhd', [0, 0x02, 0, sizes ? 0 : 0x10], u32(1), sizes ? [] : u32(DEFAULT_SIZE)),
          box(
            'trun',
            [0, 0, (sizes ? 0x02 : 0) | (durations ? 0x01 : 0), 0x01],
            u32(count),
            u32(dataOffset),
            ...own.map((f) => [...(durations ? u32(1024) : []), ...(sizes ? u32(f.length) : [])]),
          ),
        ),
      );
    const length = moofFor(0).length;
    out.push(moofFor(length + 8), box('mdat', ...own));
  }
  return bytesOf(...out);
}

/** An MP4 with one audio track, its mdat first and its moov after (as encoders write when not "fast start"). */
function mp4(layout: Layout): Uint8Array {
  const ftyp = box('ftyp', text('M4A '), u32(0), text('isomM4A '));
  const mdatPayload = bytesOf(...(layout.fragments ? [] : layout.frames));
  const mdat = box('mdat', mdatPayload);
  const mdatStart = ftyp.length + 8;
  const chunkOffsets: number[] = [];
  let at = mdatStart;
  let frame = 0;
  for (const count of layout.chunks) {
    chunkOffsets.push(at);
    for (let i = 0; i < count; i++) at += layout.frames[frame++]!.length;
  }
  // Runs of equal chunk sizes, numbered from 1.
  const runs: [first: number, count: number][] = [];
  layout.chunks.forEach((count, index) => {
    if (runs.at(-1)?.[1] !== count) runs.push([index + 1, count]);
  });
  const esds = full(
    'esds',
    0,
    [0x03, 0x80, 0x80, 0x80, 28, ...u16(1), 0],
    [0x04, 0x80, 0x80, 0x80, 20, 0x40, 0x15, 0, 0, 0, ...u32(0), ...u32(0)],
    [0x05, 0x80, 0x80, 0x80, 2, 0x12, 0x10],
  );
  const mp4a = box('mp4a', [0, 0, 0, 0, 0, 0, ...u16(1)], [0, 0, 0, 0, 0, 0, 0, 0], [...u16(2), ...u16(16), 0, 0, 0, 0, ...u32(44100 * 65536)], esds);
  const listed = layout.fragments ? [] : layout.frames;
  const stbl = box(
    'stbl',
    full('stsd', 0, u32(1), mp4a),
    full('stts', 0, u32(1), u32(listed.length), u32(1024)),
    full('stsc', 0, u32(runs.length), ...runs.map(([first, count]) => [...u32(first), ...u32(count), ...u32(1)])),
    full('stsz', 0, u32(0), u32(listed.length), ...listed.map((f) => u32(f.length))),
    layout.wide ? full('co64', 0, u32(chunkOffsets.length), ...chunkOffsets.map(u64)) : full('stco', 0, u32(chunkOffsets.length), ...chunkOffsets.map(u32)),
  );
  const mdhd = full('mdhd', 1, u64(0), u64(0), u32(44100), u64(layout.frames.length * 1024), [0, 0, 0, 0]);
  const hdlr = full('hdlr', 0, u32(0), text(layout.handler ?? 'soun'), u32(0), u32(0), u32(0), [0]);
  const edits = layout.edits ?? [];
  const elst = full('elst', 1, u32(edits.length), ...edits.map(([duration, mediaTime]) => [...u64(duration), ...(mediaTime < 0 ? new Array<number>(8).fill(0xff) : u64(mediaTime)), ...u32(0x10000)]));
  const tkhd = full('tkhd', 0, u32(0), u32(0), u32(1), u32(0), u32(0), new Uint8Array(60));
  const trak = box('trak', tkhd, layout.edits === undefined ? [] : box('edts', elst), box('mdia', mdhd, hdlr, box('minf', stbl)));
  const mvhd = full('mvhd', 0, u32(0), u32(0), u32(1000), u32(0), new Uint8Array(80));
  if (layout.fragments) {
    const mvex = box('mvex', full('trex', 0, u32(1), u32(1), u32(1024), u32(0), u32(0)));
    return bytesOf(ftyp, box('moov', mvhd, trak, mvex, layout.extra ?? []), fragmented(layout.frames, layout.fragments));
  }
  return bytesOf(ftyp, mdat, box('moov', mvhd, trak, layout.extra ?? []));
}

const frames = (count: number) => Array.from({ length: count }, (_, i) => new Uint8Array(10 + (i % 4)).fill(i + 1));

describe('readMp4AudioTrack', () => {
  it('finds every frame through chunk runs and 64-bit offsets, with the moov after the data', () => {
    const layout = { frames: frames(13), chunks: [3, 3, 3, 2, 2], wide: true, edits: [] as [number, number][] };
    const track = readMp4AudioTrack(mp4(layout));
    expect(track).toMatchObject({ format: 'mp4a', objectType: 0x40, sampleRate: 44100, timescale: 44100, frameCount: 13 });
    expect([...track.decoderConfig]).toEqual([0x12, 0x10]);
    expect([...track.frames()]).toEqual(layout.frames);
    expect(track.edit).toBeUndefined();
  });

  it('finds every frame of a fragmented file, with sizes in the runs or as the fragment default', () => {
    const all = [...frames(5), ...Array.from({ length: 3 }, (_, i) => new Uint8Array(DEFAULT_SIZE).fill(100 + i)), ...frames(2)];
    const fragments = [
      { count: 5, sizes: true },
      { count: 3, sizes: false },
      { count: 2, sizes: true, durations: true },
    ];
    const track = readMp4AudioTrack(mp4({ frames: all, chunks: [], wide: false, edits: undefined, fragments }));
    expect(track.frameCount).toBe(10);
    expect([...track.frames()]).toEqual(all);
  });

  it('reads the edit list: an empty edit delays, the media edit starts after the priming and sets the length', () => {
    const track = readMp4AudioTrack(mp4({ frames: frames(4), chunks: [4], wide: false, edits: [[250, -1], [1500, 2112]] }));
    expect(track.edit?.delay).toBeCloseTo(0.25, 9);
    expect(track.edit?.start).toBeCloseTo(2112 / 44100, 9);
    expect(track.edit?.duration).toBeCloseTo(1.5, 9);
  });

  it('takes priming and length from the iTunSMPB tag when there is no edit list', () => {
    const item = box('----', full('mean', 0, text('com.apple.iTunes')), full('name', 0, text('iTunSMPB')), box('data', u32(1), u32(0), text(' 00000000 00000840 000001CA 0000000000001E84 00000000')));
    const udta = box('udta', full('meta', 0, full('hdlr', 0, u32(0), text('mdir'), u32(0), u32(0), u32(0), [0]), box('ilst', item)));
    const track = readMp4AudioTrack(mp4({ frames: frames(4), chunks: [4], wide: false, edits: undefined, extra: udta }));
    expect(track.edit?.start).toBeCloseTo(0x840 / 44100, 9);
    expect(track.edit?.duration).toBeCloseTo(0x1e84 / 44100, 9);
    // An edit list, when there is one, wins.
    const both = readMp4AudioTrack(mp4({ frames: frames(4), chunks: [4], wide: false, edits: [[1500, 1024]], extra: udta }));
    expect(both.edit?.start).toBeCloseTo(1024 / 44100, 9);
  });

  it('reads an FFmpeg-written M4A: frames back to back through the mdat, priming in the edit list', () => {
    const bytes = fixture('speech.m4a');
    const track = readMp4AudioTrack(bytes);
    expect(track).toMatchObject({ format: 'mp4a', objectType: 0x40, timescale: 44100 });
    expect(track.edit?.start).toBeCloseTo(1024 / 44100, 9);
    expect(track.edit?.duration).toBeCloseTo(1, 3);
    const all = [...track.frames()];
    expect(all).toHaveLength(track.frameCount);
    // 1 s at 1024 samples a frame, plus the priming frame and a partial last one.
    expect(all.length).toBeGreaterThanOrEqual(Math.ceil((44100 + 1024) / 1024));
    const first = all[0]!;
    const last = all.at(-1)!;
    const span = last.byteOffset + last.length - first.byteOffset;
    expect(span).toBe(all.reduce((sum, frame) => sum + frame.length, 0));
  });

  it('explains what it cannot read', () => {
    expect(() => readMp4AudioTrack(box('ftyp', text('M4A '), u32(0)))).toThrow('no movie header');
    expect(() => readMp4AudioTrack(mp4({ frames: frames(2), chunks: [2], wide: false, edits: [], handler: 'vide' }))).toThrow('no audio track');
    const cut = mp4({ frames: frames(5), chunks: [5], wide: false, edits: [] });
    // Point the chunk past the end of the file.
    const stco = cut.findIndex((_, i) => String.fromCharCode(...cut.subarray(i, i + 4)) === 'stco');
    cut.set(u32(cut.length), stco + 12);
    expect(() => [...readMp4AudioTrack(cut).frames()]).toThrow('cut short');
  });
});
