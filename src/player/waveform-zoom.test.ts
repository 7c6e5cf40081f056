import { describe, expect, it } from 'vitest';
import type { Entry, Transcript } from '../transcript/model.ts';
import { comfortableZoom, envelopeInChunks } from './waveform-zoom.ts';

describe('envelopeInChunks', () => {
  it('gives each column the largest magnitude of its samples, yielding between slices', async () => {
    const samples = new Float32Array(3_000_000);
    for (let i = 0; i < samples.length; i++) samples[i] = Math.sin(i * 0.001) * ((i % 7) / 7) * (i % 2 ? 1 : -1);
    samples[1_234_567] = -0.99;
    let yields = 0;
    const peaks = await envelopeInChunks(samples, 1000, async () => {
      yields++;
    });
    expect(yields).toBeGreaterThan(1);
    expect(peaks).toHaveLength(1000);
    for (const column of [0, 411, 999]) {
      let expected = 0;
      for (let i = column * 3000; i < (column + 1) * 3000; i++) expected = Math.max(expected, Math.abs(samples[i]!));
      expect(peaks[column]).toBe(expected);
    }
    expect(peaks[411]).toBeCloseTo(0.99, 6);
  });

  it('handles fewer samples than columns and stops when aborted', async () => {
    const peaks = await envelopeInChunks(Float32Array.from([0.5, -0.25]), 4, async () => undefined);
    expect([...peaks]).toEqual([0.5, 0, 0.25, 0]);
    const controller = new AbortController();
    controller.abort(new Error('left editor mode'));
    await expect(envelopeInChunks(new Float32Array(10), 2, async () => undefined, controller.signal)).rejects.toThrow('left editor mode');
  });
});

describe('comfortableZoom', () => {
  const turn = (start: number, end: number): Entry => ({ kind: 'speech', speakerId: null, start, end, words: [] });

  it('makes the median turn 110 px wide', () => {
    const transcript: Transcript = { speakers: [], entries: [turn(0, 2), turn(2, 6), turn(6, 7), turn(7, 100)] };
    // Median of 1, 2, 4, 93 by the upper middle: 4 s.
    expect(comfortableZoom(transcript)).toBeCloseTo(110 / 4, 10);
    expect(comfortableZoom(transcript, 40)).toBeCloseTo(10, 10);
  });

  it('ignores events and untimed turns, and has no opinion without timed turns', () => {
    const transcript: Transcript = {
      speakers: [],
      entries: [{ kind: 'event', text: '(MUSIC)', start: 0, end: 60 }, { kind: 'speech', speakerId: null, words: [{ text: 'hi' }] }, turn(5, 5.2)],
    };
    // Very short turns are treated as half a second so the zoom stays sane.
    expect(comfortableZoom(transcript)).toBeCloseTo(220, 10);
    expect(comfortableZoom({ speakers: [], entries: [] })).toBe(0);
  });
});
