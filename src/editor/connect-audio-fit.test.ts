import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { largeTranscript, timedTurn, transcriptOf, untimedTurn } from '../transcript/edit/transcript-fixture.ts';
import { createAppStore } from '../store/app-store.ts';
import { createFakePlayer } from '../../test/support/fake-player.ts';
import { audioFitWarning, connectAudioFit } from './connect-audio-fit.ts';

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

describe('connectAudioFit', () => {
  /** A long transcript on 60 s of audio, connected; the warnings it raises are collected. */
  const connectLong = () => {
    const store = createAppStore();
    const warnings: string[] = [];
    store.setState({ notify: (kind, text) => (kind === 'warning' ? warnings.push(text) : 0) });
    store.setState({ transcript: largeTranscript(3000, 10), transcriptName: 'long.vtt', audioName: 'short.mp3', audioKey: 'url:short.mp3' });
    return { warnings, stop: connectAudioFit(createFakePlayer(60), store) };
  };
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('checks a long transcript in steps and warns once it has read it all', async () => {
    const { warnings, stop } = connectLong();
    expect(warnings).toEqual([]);
    await vi.runAllTimersAsync();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/long\.vtt/u);
    stop();
  });

  it('stops its steps when disconnected, and then never warns', async () => {
    const { warnings, stop } = connectLong();
    stop();
    await vi.runAllTimersAsync();
    expect(warnings).toEqual([]);
  });
});
