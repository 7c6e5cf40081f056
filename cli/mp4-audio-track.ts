/**
 * The first audio track of an MP4/M4A/M4B file, read from its sample tables:
 * where each coded frame sits in the file, the codec's configuration, and the
 * part of the decoded audio the edit list presents (encoders put ~1024 samples
 * of priming before AAC audio and say so there; without trimming them every
 * time would be 23 ms late). iTunes-encoded files without an edit list say
 * the same in their `iTunSMPB` tag.
 *
 * Only what the whole-file reader needs: frames are views into `bytes`, the
 * tables are typed arrays (a 3-hour file has ~500,000 frames). Fragmented MP4
 * (movie fragments, as DASH and some recorders write) is read too.
 */

export interface Mp4AudioTrack {
  /** The sample entry's four-character code: `mp4a` for AAC and MP3, or e.g. `alac`, `Opus`. */
  format: string;
  /** The MPEG-4 object type of an `mp4a` entry: 0x40 (MPEG-4 audio, AAC), 0x66-0x68 (MPEG-2 AAC), 0x69 or 0x6b (MP3). */
  objectType: number;
  /** The decoder-specific info (for AAC, the AudioSpecificConfig). */
  decoderConfig: Uint8Array;
  /** The sample rate in the sample entry; for HE-AAC it may be the doubled output rate. */
  sampleRate: number;
  /** Units per second of the track's own times. */
  timescale: number;
  frameCount: number;
  /**
   * Presentation per the edit list (or iTunSMPB), in seconds: silence to put
   * first, media time to start at, and how long to present (undefined: to the
   * end). Undefined when the file says neither.
   */
  edit: Mp4Edit | undefined;
  /** The coded frames in decoding order. */
  frames(): Generator<Uint8Array>;
}

export interface Mp4Edit {
  delay: number;
  start: number;
  duration: number | undefined;
}

interface Box {
  type: string;
  /** Where the box (its header) starts. */
  offset: number;
  /** Where the payload starts and ends in the file. */
  start: number;
  end: number;
}

/** Where each frame sits in the file. */
interface FrameTable {
  offsets: Float64Array;
  sizes: Uint32Array;
}

export function readMp4AudioTrack(bytes: Uint8Array): Mp4AudioTrack {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const top = children(view, 0, bytes.length);
  const moov = top.find((box) => box.type === 'moov');
  if (moov === undefined) throw new Error('the MP4 file has no movie header (moov box); it may be incomplete');
  const movie = children(view, moov.start, moov.end);
  const mvex = movie.find((box) => box.type === 'mvex');
  const mvhd = movie.find((box) => box.type === 'mvhd');
  const movieTimescale = mvhd ? view.getUint32(mvhd.start + (view.getUint8(mvhd.start) === 1 ? 20 : 12)) : 0;
  const tracks = movie.filter((box) => box.type === 'trak');
  const gapless = iTunesGapless(view, movie);
  for (const trak of tracks) {
    const track = readTrack(view, bytes, trak, movieTimescale, gapless, mvex && ((trackId) => fragmentFrames(view, top, mvex, trackId)));
    if (track !== undefined) return track;
  }
  throw new Error('the MP4 file has no audio track');
}

function readTrack(
  view: DataView,
  bytes: Uint8Array,
  trak: Box,
  movieTimescale: number,
  gapless: Gapless | undefined,
  fragments: Fragments | undefined,
): Mp4AudioTrack | undefined {
  const mdia = child(view, trak, 'mdia');
  const hdlr = mdia && child(view, mdia, 'hdlr');
  if (mdia === undefined || hdlr === undefined || fourcc(view, hdlr.start + 8) !== 'soun') return undefined;
  const mdhd = required(view, mdia, 'mdhd');
  const timescale = view.getUint32(mdhd.start + (view.getUint8(mdhd.start) === 1 ? 20 : 12));
  const stbl = required(view, required(view, mdia, 'minf'), 'stbl');
  const entry = sampleEntry(view, bytes, required(view, stbl, 'stsd'));
  const tkhd = child(view, trak, 'tkhd');
  const trackId = tkhd ? view.getUint32(tkhd.start + (view.getUint8(tkhd.start) === 1 ? 20 : 12)) : 0;
  const { offsets, sizes } = fragments === undefined ? sampleTable(view, stbl) : fragments(trackId);
  const edts = child(view, trak, 'edts');
  const elst = edts && child(view, edts, 'elst');
  return {
    ...entry,
    timescale,
    frameCount: sizes.length,
    edit:
      elst === undefined && gapless !== undefined && timescale > 0
        ? { delay: 0, start: gapless.priming / timescale, duration: gapless.samples > 0 ? gapless.samples / timescale : undefined }
        : editList(view, elst, timescale, movieTimescale),
    *frames() {
      for (let frame = 0; frame < sizes.length; frame++) {
        const at = offsets[frame]!;
        const size = sizes[frame]!;
        if (at + size > bytes.length) throw new Error('the MP4 file is cut short: its sample table points past the end');
        yield bytes.subarray(at, at + size);
      }
    },
  };
}

/** Frames listed in the movie box: sizes (stsz), chunk offsets (stco/co64), frames per chunk (stsc). */
function sampleTable(view: DataView, stbl: Box): FrameTable {
  const sizes = sampleSizes(view, required(view, stbl, 'stsz'));
  const chunkOffsets = offsets(view, child(view, stbl, 'stco') ?? required(view, stbl, 'co64'));
  const stsc = required(view, stbl, 'stsc');
  const runs = view.getUint32(stsc.start + 4);
  const frameOffsets = new Float64Array(sizes.length);
  let frame = 0;
  let run = 0;
  for (let chunk = 0; chunk < chunkOffsets.length && frame < sizes.length; chunk++) {
    // The run that covers this chunk (stsc numbers chunks from 1).
    while (run + 1 < runs && view.getUint32(stsc.start + 8 + (run + 1) * 12) <= chunk + 1) run++;
    const perChunk = view.getUint32(stsc.start + 12 + run * 12);
    let at = chunkOffsets[chunk]!;
    for (let i = 0; i < perChunk && frame < sizes.length; i++, frame++) {
      frameOffsets[frame] = at;
      at += sizes[frame]!;
    }
  }
  return { offsets: frameOffsets.subarray(0, frame), sizes: sizes.subarray(0, frame) };
}

type Fragments = (trackId: number) => FrameTable;

/**
 * Frames of a fragmented file: each moof > traf of the track has runs (trun)
 * of frames, with sizes in the run or as defaults (tfhd, else the movie's trex),
 * placed from a base offset (ISO/IEC 14496-12, 8.8).
 */
function fragmentFrames(view: DataView, top: readonly Box[], mvex: Box, trackId: number): FrameTable {
  const trex = children(view, mvex.start, mvex.end).find((box) => box.type === 'trex' && view.getUint32(box.start + 4) === trackId);
  const trexSize = trex ? view.getUint32(trex.start + 16) : 0;
  const offsets: number[] = [];
  const sizes: number[] = [];
  for (const moof of top.filter((box) => box.type === 'moof')) {
    // Without an explicit base, a fragment's data is placed from the start of its moof.
    let next = moof.offset;
    for (const traf of children(view, moof.start, moof.end).filter((box) => box.type === 'traf')) {
      const parts = children(view, traf.start, traf.end);
      const tfhd = parts.find((box) => box.type === 'tfhd');
      if (tfhd === undefined || view.getUint32(tfhd.start + 4) !== trackId) continue;
      const flags = view.getUint32(tfhd.start) & 0xffffff;
      let at = tfhd.start + 8;
      let base = moof.offset;
      if (flags & 0x1) {
        base = Number(view.getBigUint64(at));
        at += 8;
      }
      if (flags & 0x2) at += 4;
      if (flags & 0x8) at += 4;
      const defaultSize = flags & 0x10 ? view.getUint32(at) : trexSize;
      next = flags & 0x1 || flags & 0x20000 ? base : next;
      for (const trun of parts.filter((box) => box.type === 'trun')) {
        const runFlags = view.getUint32(trun.start) & 0xffffff;
        const count = view.getUint32(trun.start + 4);
        let field = trun.start + 8;
        if (runFlags & 0x1) {
          next = base + view.getInt32(field);
          field += 4;
        }
        if (runFlags & 0x4) field += 4;
        const stride = 4 * [0x100, 0x200, 0x400, 0x800].filter((bit) => runFlags & bit).length;
        const sizeAt = runFlags & 0x100 ? 4 : 0;
        for (let i = 0; i < count; i++, field += stride) {
          const size = runFlags & 0x200 ? view.getUint32(field + sizeAt) : defaultSize;
          offsets.push(next);
          sizes.push(size);
          next += size;
        }
      }
    }
  }
  return { offsets: Float64Array.from(offsets), sizes: Uint32Array.from(sizes) };
}

function sampleEntry(view: DataView, bytes: Uint8Array, stsd: Box): Pick<Mp4AudioTrack, 'format' | 'objectType' | 'decoderConfig' | 'sampleRate'> {
  if (view.getUint32(stsd.start + 4) === 0) throw new Error('the MP4 audio track has no sample description');
  const [entry] = children(view, stsd.start + 8, stsd.end);
  if (entry === undefined) throw new Error('the MP4 audio track has no sample description');
  // SampleEntry (8 bytes), then AudioSampleEntry: QuickTime versions 1 and 2 append 16 and 36 bytes.
  const version = view.getUint16(entry.start + 8);
  const sampleRate = view.getUint32(entry.start + 24) >>> 16;
  const boxesAt = entry.start + 28 + (version === 1 ? 16 : version === 2 ? 36 : 0);
  const inner = children(view, boxesAt, entry.end);
  const wave = inner.find((box) => box.type === 'wave');
  const esds = inner.find((box) => box.type === 'esds') ?? (wave && children(view, wave.start, wave.end).find((box) => box.type === 'esds'));
  const format = entry.type;
  if (esds === undefined) return { format, objectType: 0, decoderConfig: new Uint8Array(0), sampleRate };
  const { objectType, decoderConfig } = elementaryStreamDescriptor(bytes.subarray(esds.start + 4, esds.end));
  return { format, objectType, decoderConfig, sampleRate };
}

/** ES_Descriptor > DecoderConfigDescriptor > DecoderSpecificInfo (ISO/IEC 14496-1, 7.2.6). */
function elementaryStreamDescriptor(bytes: Uint8Array): { objectType: number; decoderConfig: Uint8Array } {
  let at = 0;
  const descriptor = () => {
    const tag = bytes[at++];
    let length = 0;
    for (let i = 0; i < 4; i++) {
      const byte = bytes[at++] ?? 0;
      length = length * 128 + (byte & 0x7f);
      if ((byte & 0x80) === 0) break;
    }
    return { tag, length };
  };
  if (descriptor().tag !== 0x03) throw new Error('the MP4 audio track has a malformed esds box');
  const flags = bytes[at + 2] ?? 0;
  at += 3;
  if (flags & 0x80) at += 2;
  if (flags & 0x40) at += 1 + (bytes[at] ?? 0);
  if (flags & 0x20) at += 2;
  if (descriptor().tag !== 0x04) throw new Error('the MP4 audio track has no decoder configuration');
  const objectType = bytes[at] ?? 0;
  at += 13;
  const specific = descriptor();
  const decoderConfig = specific.tag === 0x05 ? bytes.slice(at, at + specific.length) : new Uint8Array(0);
  return { objectType, decoderConfig };
}

function sampleSizes(view: DataView, stsz: Box): Uint32Array {
  const fixed = view.getUint32(stsz.start + 4);
  const count = view.getUint32(stsz.start + 8);
  if (fixed !== 0) return new Uint32Array(count).fill(fixed);
  if (stsz.start + 12 + count * 4 > stsz.end) throw new Error('the MP4 sample size table is cut short');
  const sizes = new Uint32Array(count);
  for (let i = 0; i < count; i++) sizes[i] = view.getUint32(stsz.start + 12 + i * 4);
  return sizes;
}

function offsets(view: DataView, box: Box): Float64Array {
  const wide = box.type === 'co64';
  const count = view.getUint32(box.start + 4);
  const result = new Float64Array(count);
  for (let i = 0; i < count; i++) result[i] = wide ? Number(view.getBigUint64(box.start + 8 + i * 8)) : view.getUint32(box.start + 8 + i * 4);
  return result;
}

/** The first edit that plays media, after any empty edits (which delay it). Later edits are rare in audio and ignored. */
function editList(view: DataView, elst: Box | undefined, timescale: number, movieTimescale: number): Mp4Edit | undefined {
  if (elst === undefined || timescale === 0 || movieTimescale === 0) return undefined;
  const wide = view.getUint8(elst.start) === 1;
  const count = view.getUint32(elst.start + 4);
  let delay = 0;
  for (let i = 0, at = elst.start + 8; i < count; i++, at += wide ? 20 : 12) {
    const duration = wide ? Number(view.getBigUint64(at)) : view.getUint32(at);
    const mediaTime = wide ? Number(view.getBigInt64(at + 8)) : view.getInt32(at + 4);
    if (mediaTime === -1) {
      delay += duration / movieTimescale;
      continue;
    }
    return { delay, start: mediaTime / timescale, duration: duration === 0 ? undefined : duration / movieTimescale };
  }
  return undefined;
}

/** Priming and length in samples from iTunes' gapless tag (moov > udta > meta > ilst > `----` named iTunSMPB). */
interface Gapless {
  priming: number;
  samples: number;
}

function iTunesGapless(view: DataView, movie: Box[]): Gapless | undefined {
  const udta = movie.find((box) => box.type === 'udta');
  const meta = udta && child(view, udta, 'meta');
  if (meta === undefined) return undefined;
  // `meta` is a full box in MP4 but a plain one in QuickTime files.
  const metaChildren = view.getUint32(meta.start) === 0 ? children(view, meta.start + 4, meta.end) : children(view, meta.start, meta.end);
  const ilst = metaChildren.find((box) => box.type === 'ilst');
  if (ilst === undefined) return undefined;
  const text = (box: Box, skip: number) => new TextDecoder().decode(new Uint8Array(view.buffer, view.byteOffset + box.start + skip, box.end - box.start - skip));
  for (const item of children(view, ilst.start, ilst.end)) {
    if (item.type !== '----') continue;
    const parts = children(view, item.start, item.end);
    const name = parts.find((box) => box.type === 'name');
    const data = parts.find((box) => box.type === 'data');
    if (name === undefined || data === undefined || text(name, 4) !== 'iTunSMPB') continue;
    // " 00000000 00000840 000001CA 00000000003F31F6 ...": zero, priming, padding, sample count, in hex.
    const fields = text(data, 8).trim().split(/\s+/u).map((field) => Number.parseInt(field, 16));
    const [, priming, , samples] = fields;
    if (priming === undefined || samples === undefined || Number.isNaN(priming) || Number.isNaN(samples)) return undefined;
    return { priming, samples };
  }
  return undefined;
}

function children(view: DataView, from: number, to: number): Box[] {
  const boxes: Box[] = [];
  let at = from;
  while (at + 8 <= to) {
    let size = view.getUint32(at);
    const type = fourcc(view, at + 4);
    let header = 8;
    if (size === 1) {
      if (at + 16 > to) break;
      size = Number(view.getBigUint64(at + 8));
      header = 16;
    } else if (size === 0) {
      size = to - at;
    }
    if (size < header) throw new Error(`the MP4 file has a malformed ${JSON.stringify(type)} box`);
    boxes.push({ type, offset: at, start: at + header, end: Math.min(at + size, to) });
    at += size;
  }
  return boxes;
}

function child(view: DataView, parent: Box, type: string): Box | undefined {
  return children(view, parent.start, parent.end).find((box) => box.type === type);
}

function required(view: DataView, parent: Box, type: string): Box {
  const box = child(view, parent, type);
  if (box === undefined) throw new Error(`the MP4 audio track has no ${type} box`);
  return box;
}

function fourcc(view: DataView, at: number): string {
  return String.fromCharCode(view.getUint8(at), view.getUint8(at + 1), view.getUint8(at + 2), view.getUint8(at + 3));
}
