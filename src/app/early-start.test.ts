import { afterEach, describe, expect, it } from 'vitest';
import { startEarly } from './early-start.ts';

describe('startEarly', () => {
  afterEach(() => document.head.querySelectorAll('link[rel="preload"]').forEach((link) => link.remove()));

  it('preloads the transcript and peaks as the loader will fetch them, and starts the audio', () => {
    const early = startEarly({ search: '?audio=a.mp3&transcript=t.vtt&peaks=p.json' });
    const links = [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="preload"]')];
    expect(links.map((link) => [link.getAttribute('href'), link.as, link.crossOrigin])).toEqual([
      ['t.vtt', 'fetch', 'anonymous'],
      ['p.json', 'fetch', 'anonymous'],
    ]);
    expect(early.media?.getAttribute('src')).toBe('a.mp3');
    expect(early.media?.crossOrigin).toBe('anonymous');
    // Not in the page yet: the player puts it next to the waveform.
    expect(early.media?.isConnected).toBe(false);
  });

  it('starts nothing without an address to read', () => {
    expect(startEarly({ search: '?feed=f.xml' })).toEqual({ media: null });
    expect(document.head.querySelectorAll('link[rel="preload"]')).toHaveLength(0);
  });

  it('starts nothing for the alignment demo, which opens its own audio whatever the address names', () => {
    expect(startEarly({ search: '?demo=align&audio=a.mp3&transcript=t.vtt' })).toEqual({ media: null });
    expect(document.head.querySelectorAll('link[rel="preload"]')).toHaveLength(0);
  });
});
