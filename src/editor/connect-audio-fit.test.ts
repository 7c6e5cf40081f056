import { describe, expect, it } from 'vitest';
import { timedTurn, transcriptOf, untimedTurn } from '../transcript/edit/transcript-fixture.ts';
import { audioFitWarning } from './connect-audio-fit.ts';

describe('audioFitWarning', () => {
  const spanning = (end: number) => transcriptOf(timedTurn('hello there', 0), { ...timedTurn('late', end - 1), end });

  it('says when the transcript runs past the end of the audio, and how many turns start after it', () => {
    // A 4:19 transcript on 0:52 of audio.
    const transcript = transcriptOf(timedTurn('one', 10), timedTurn('two', 60), timedTurn('three', 200), { ...timedTurn('four', 258), end: 259 });
    expect(audioFitWarning(transcript, 'seed.verbatim.json', 'cut.mp3', 52)).toBe(
      'seed.verbatim.json has times up to 4:19, but cut.mp3 is 0:52 long. 3 turns start after the audio ends. Is this the transcript of this recording?',
    );
    // A three-hour VTT on four minutes.
    expect(audioFitWarning(spanning(3 * 3600), 'long.vtt', 'short.opus', 240)).toMatch(/^long\.vtt has times up to 3:00:00, but short\.opus is 4:00 long\. One turn starts after/u);
  });

  it('says when the transcript covers less than 90% of the audio', () => {
    expect(audioFitWarning(spanning(1200), 'part.srt', 'full.mp3', 3600)).toBe(
      'part.srt covers 20:00 of the 1:00:00 of full.mp3 (33%): the rest has no transcript, or the transcript belongs to another recording.',
    );
  });

  it('is quiet when they fit, without times, or without a duration', () => {
    expect(audioFitWarning(spanning(100), 'a.vtt', 'a.mp3', 100.3)).toBeNull();
    expect(audioFitWarning(spanning(95), 'a.vtt', 'a.mp3', 100)).toBeNull();
    expect(audioFitWarning(spanning(91), 'a.vtt', 'a.mp3', 100)).toBeNull();
    expect(audioFitWarning(spanning(89), 'a.vtt', 'a.mp3', 100)).not.toBeNull();
    expect(audioFitWarning(transcriptOf(untimedTurn('no times')), 'a.txt', 'a.mp3', 100)).toBeNull();
    expect(audioFitWarning(spanning(500), 'a.vtt', 'a.mp3', 0)).toBeNull();
  });
});
