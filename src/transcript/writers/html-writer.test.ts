// @vitest-environment jsdom
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseHyperaudioHtml } from '../formats/hyperaudio-html.ts';
import { entryText, speakerName, type Transcript } from '../model.ts';
import { PAGE_STYLE, PAGE_STYLE_SHA256, writeHtml } from './html-writer.ts';

const hostile = '<img src=x onerror="alert(1)"></p><script>alert(2)</script>';

const transcript: Transcript = {
  language: 'fr',
  speakers: [{ id: 'x', name: '<b onmouseover="alert(3)">Mallory</b>' }],
  entries: [
    { kind: 'speech', speakerId: 'x', start: 1, end: 3, words: [{ text: 'Hello', start: 1, end: 1.5 }, { text: hostile, start: 1.5, end: 3, confidence: 0.2 }] },
    { kind: 'event', text: '(MUSIC)', start: 3, end: 4 },
    { kind: 'speech', speakerId: null, words: [{ text: 'untimed' }, { text: "it's" }] },
  ],
};

const script = 'console.log("player")';
const player = { script, sha256: createHash('sha256').update(script, 'utf8').digest('base64') };

describe('writeHtml', () => {
  const html = writeHtml(transcript, { title: '</title><script>alert(4)</script>', audioUrl: 'a.mp3?x="y"', player });
  const page = new DOMParser().parseFromString(html, 'text/html');

  it('escapes every piece of transcript text: no element comes from it', () => {
    expect(page.querySelectorAll('img, b')).toHaveLength(0);
    expect(page.querySelectorAll('script')).toHaveLength(1);
    expect(page.querySelector('script')?.textContent).toBe(script);
    expect(page.title).toBe('</title><script>alert(4)</script>');
    expect(page.querySelector('verbatim-player audio')?.getAttribute('src')).toBe('a.mp3?x="y"');
    expect(page.querySelector('.vp-transcript')?.textContent).toContain(hostile);
  });

  it('allows only its script and style by hash and only its audio, from default-src none', () => {
    expect(createHash('sha256').update(PAGE_STYLE, 'utf8').digest('base64')).toBe(PAGE_STYLE_SHA256);
    const policy = page.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
    expect(policy.split('; ')).toEqual([
      "default-src 'none'",
      `script-src 'sha256-${player.sha256}'`,
      `style-src 'sha256-${PAGE_STYLE_SHA256}'`,
      "media-src 'self'",
      "base-uri 'none'",
      "form-action 'none'",
    ]);
    const remote = new DOMParser().parseFromString(writeHtml(transcript, { audioUrl: 'https://cdn.example/ep 1.mp3?sig=1' }), 'text/html');
    const remotePolicy = remote.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
    expect(remotePolicy).toContain('media-src https://cdn.example/ep%201.mp3;');
    expect(remotePolicy).toContain("script-src 'none'");
  });

  it('declares the page language and the transcript language', () => {
    expect(page.documentElement.lang).toBe('en');
    expect(page.querySelector<HTMLElement>('.vp-transcript')?.lang).toBe('fr');
  });

  it('renders the read-along DOM hooks: turns and words with seconds and milliseconds', () => {
    const turn = page.querySelector('[data-turn-index="0"]');
    expect([turn?.getAttribute('data-start'), turn?.getAttribute('data-end')]).toEqual(['1', '3']);
    const words = [...page.querySelectorAll('.vp-transcript span[data-m]')].map((span) => [
      span.textContent,
      span.getAttribute('data-start'),
      span.getAttribute('data-m'),
      span.getAttribute('data-d'),
    ]);
    expect(words).toEqual([
      ['Hello', '1', '1000', '500'],
      [hostile, '1.5', '1500', '1500'],
    ]);
    expect(page.querySelectorAll('.vp-low')).toHaveLength(1);
    expect(page.querySelectorAll('[data-turn-index]')).toHaveLength(2);
  });

  it('reads back as a hyperaudio transcript with the same turns', () => {
    const result = parseHyperaudioHtml(html);
    if (!result.ok) throw new Error(result.error.message);
    const back = result.transcript;
    expect(back.entries.map((entry) => [entry.kind, entry.start, entry.end, entryText(entry)])).toEqual(
      transcript.entries.map((entry) => [entry.kind, entry.start, entry.end, entryText(entry)]),
    );
    const first = back.entries[0];
    expect(first?.kind === 'speech' && speakerName(back, first.speakerId)).toBe('<b onmouseover="alert(3)">Mallory</b>');
  });

  it('gives each timed turn a keyboard-operable button that plays from its start', () => {
    const buttons = [...page.querySelectorAll('.vp-transcript button')];
    expect(buttons.map((button) => [button.getAttribute('type'), button.getAttribute('data-start'), button.getAttribute('aria-label')])).toEqual([
      ['button', '1', '<b onmouseover="alert(3)">Mallory</b>, 0:01: play from here'],
    ]);
  });

  it('without audio says so and allows no media; without the player it is a static page', () => {
    const bare = new DOMParser().parseFromString(writeHtml(transcript), 'text/html');
    expect(bare.querySelector('audio')?.hasAttribute('src')).toBe(false);
    expect(bare.querySelector('.note')?.textContent).toContain('No audio');
    expect(bare.querySelectorAll('script')).toHaveLength(0);
    expect(bare.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toContain("media-src 'none'");
  });
});
