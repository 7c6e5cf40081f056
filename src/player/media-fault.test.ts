import { describe, expect, it } from 'vitest';
import { describeMediaFault, mediaFaultOf, truncationFault } from './media-fault.ts';

describe('mediaFaultOf', () => {
  it('reads Chromium’s pipeline messages by what they mean, whatever the code says', () => {
    const read = { code: 2, MEDIA_ERR_ABORTED: 1, message: 'PIPELINE_ERROR_READ: FFmpegDemuxer: data source error' };
    expect(mediaFaultOf(read)).toEqual({ reason: 'damaged', detail: 'PIPELINE_ERROR_READ: FFmpegDemuxer: data source error' });
    const open = { code: 4, MEDIA_ERR_ABORTED: 1, message: 'DEMUXER_ERROR_COULD_NOT_OPEN: FFmpegDemuxer: open context failed' };
    expect(mediaFaultOf(open).reason).toBe('damaged');
    expect(mediaFaultOf({ code: 4, MEDIA_ERR_ABORTED: 1, message: 'MEDIA_ELEMENT_ERROR: Format error' }).reason).toBe('unsupported');
    expect(mediaFaultOf({ code: 2, MEDIA_ERR_ABORTED: 1, message: '' }).reason).toBe('network');
    expect(mediaFaultOf({ code: 3, MEDIA_ERR_ABORTED: 1, message: '' })).toEqual({ reason: 'damaged' });
  });

  it('reads DOMExceptions and errors, and keeps a fault already made', () => {
    expect(mediaFaultOf(new DOMException('Unable to decode audio data', 'EncodingError')).reason).toBe('damaged');
    expect(mediaFaultOf(new DOMException('The element has no supported sources.', 'NotSupportedError')).reason).toBe('unsupported');
    expect(mediaFaultOf(new DOMException("play() failed because the user didn't interact with the document first.", 'NotAllowedError')).reason).toBe('blocked');
    expect(mediaFaultOf(new DOMException('The operation was aborted.', 'AbortError')).reason).toBe('aborted');
    expect(mediaFaultOf(new TypeError('Failed to fetch')).reason).toBe('network');
    expect(mediaFaultOf(new Error('something else entirely'))).toEqual({ reason: 'unknown', detail: 'something else entirely' });
    const fault = { reason: 'truncated' as const, statedSeconds: 52, readableSeconds: 0.6 };
    expect(mediaFaultOf(fault)).toBe(fault);
    expect(mediaFaultOf(Object.assign(new Error('x'), { fault }))).toBe(fault);
  });
});

describe('truncationFault', () => {
  it('flags a file that decodes to much less than it says it lasts', () => {
    expect(truncationFault(52.06, 0.6)).toEqual({ reason: 'truncated', statedSeconds: 52.06, readableSeconds: 0.6 });
    expect(truncationFault(52, 50)).toBeNull();
    // Short files: under a second of difference is encoder padding, not damage.
    expect(truncationFault(2, 1.5)).toBeNull();
    expect(truncationFault(Number.POSITIVE_INFINITY, 10)).toBeNull();
    expect(truncationFault(0, 0)).toBeNull();
  });
});

describe('describeMediaFault', () => {
  it('names the file and never repeats the browser’s message', () => {
    const detail = 'PIPELINE_ERROR_READ: FFmpegDemuxer: data source error';
    expect(describeMediaFault({ reason: 'damaged', detail }, 'seed.opus')).toBe('seed.opus could not be played: the file is damaged or not audio.');
    expect(describeMediaFault({ reason: 'truncated', statedSeconds: 52.06, readableSeconds: 0.6 }, 'talk.mp3')).toBe(
      'talk.mp3 is cut short: it says it lasts 0:52, but only 0.6 s of audio could be read (an interrupted download or copy?). Playback stops there and the waveform is silent after it; open a complete copy to go further.',
    );
    for (const reason of ['aborted', 'network', 'damaged', 'unsupported', 'truncated', 'blocked', 'unknown'] as const) {
      const sentence = describeMediaFault({ reason, detail }, 'a.mp3');
      expect(sentence).toMatch(/^(Loading )?a\.mp3 .*\.$/u);
      expect(sentence).not.toMatch(/PIPELINE|FFmpeg/u);
    }
    expect(describeMediaFault({ reason: 'unknown' }, '')).toBe('The audio could not be played.');
  });
});
