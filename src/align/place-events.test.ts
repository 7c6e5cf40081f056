import { describe, expect, it } from 'vitest';
import type { Entry } from '../transcript/model.ts';
import { localLevels } from './frame-energy.ts';
import { placeEvents } from './place-events.ts';

/** Frame energies (10 ms) from runs of [dB, seconds]. */
function energies(...runs: [db: number, seconds: number][]): Float32Array {
  return Float32Array.from(runs.flatMap(([db, seconds]) => new Array<number>(Math.round(seconds * 100)).fill(db)));
}

const speech = (start: number, end: number): Entry => ({ kind: 'speech', speakerId: null, start, end, words: [{ text: 'x', start, end }] });
const event = (text = '(SOUNDBITE OF MUSIC)'): Entry => ({ kind: 'event', text });

describe('placeEvents', () => {
  it('puts an event on the sound in the gap between turns, not on the pauses around it', () => {
    // speech 0-5 | pause 5-6 | door slam 6-6.6 | pause 6.6-7.5 | speech 7.5-12
    const frames = energies([-15, 5], [-60, 1], [-25, 0.6], [-60, 0.9], [-15, 4.5]);
    const [, placed] = placeEvents([speech(0, 5), event('(DOOR CLOSING)'), speech(7.5, 12)], frames, localLevels(frames));
    expect(placed).toMatchObject({ start: 6, end: 6.6, timing: 'aligned' });
  });

  it('takes the sound nearest the next turn when untranscribed audio shares the gap', () => {
    // speech | station break 5.5-15 | pause | music 15.4-18 | pause | speech
    const frames = energies([-15, 5], [-60, 0.5], [-20, 9.5], [-60, 0.4], [-22, 2.6], [-60, 0.5], [-15, 5]);
    const [, placed] = placeEvents([speech(0, 5), event(), speech(18.5, 23.5)], frames, localLevels(frames));
    expect(placed).toMatchObject({ start: 15.4, end: 18, timing: 'aligned' });
  });

  it('spreads events evenly over a silent gap, as an estimate', () => {
    const frames = energies([-15, 5], [-60, 2], [-15, 5]);
    const placed = placeEvents([speech(0, 5), event('(A)'), event('(B)'), speech(7, 12)], frames, localLevels(frames));
    expect(placed[1]).toMatchObject({ start: 5, end: 6, timing: 'estimated' });
    expect(placed[2]).toMatchObject({ start: 6, end: 7, timing: 'estimated' });
  });

  it('keeps events that already have times and leaves no-room events untimed', () => {
    const frames = energies([-15, 10]);
    const timed: Entry = { kind: 'event', text: '(X)', start: 1, end: 2, timing: 'manual' };
    const placed = placeEvents([timed, speech(3, 5), event(), speech(5.1, 10)], frames, localLevels(frames));
    expect(placed[0]).toBe(timed);
    expect(placed[2]?.start).toBeUndefined();
  });
});
