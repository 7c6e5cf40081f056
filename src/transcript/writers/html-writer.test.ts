// @vitest-environment jsdom
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseHyperaudioHtml } from '../formats/hyperaudio-html.ts';
import { entryText, speakerName, type Transcript } from '../model.ts';
import { PLAYER_SCRIPT, PLAYER_SCRIPT_SHA256, writeHtml } from './html-writer.ts';

const hostile = '<img src=x onerror="alert(1)"></p><script>alert(2)</script>';

const transcript: Transcript = {
  language: 'en',
  speakers: [{ id: 'x', name: '<b onmouseover="alert(3)">Mallory</b>' }],
  entries: [
    { kind: 'speech', speakerId: 'x', start: 1, end: 3, words: [{ text: 'Hello', start: 1, end: 1.5 }, { text: hostile, start: 1.5, end: 3 }] },
    { kind: 'event', text: '(MUSIC)', start: 3, end: 4 },
    { kind: 'speech', speakerId: null, words: [{ text: 'untimed' }, { text: "it's" }] },
  ],
};

describe('writeHtml', () => {
  const html = writeHtml(transcript, { title: '</title><script>alert(4)</script>', audioUrl: 'a.mp3?x="y"' });
  const page = new DOMParser().parseFromString(html, 'text/html');

  it('escapes every piece of transcript text: no element comes from it', () => {
    expect(page.querySelectorAll('img, b')).toHaveLength(0);
    expect(page.querySelectorAll('script')).toHaveLength(1);
    expect(page.querySelector('script')?.textContent).toBe(PLAYER_SCRIPT);
    expect(page.title).toBe('</title><script>alert(4)</script>');
    expect(page.querySelector('audio')?.getAttribute('src')).toBe('a.mp3?x="y"');
    expect(page.querySelector('main')?.textContent).toContain(hostile);
  });

  it('pins the only script by hash in a Content-Security-Policy', () => {
    expect(createHash('sha256').update(PLAYER_SCRIPT, 'utf8').digest('base64')).toBe(PLAYER_SCRIPT_SHA256);
    const policy = page.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
    expect(policy).toContain(`script-src 'sha256-${PLAYER_SCRIPT_SHA256}'`);
  });

  it('marks timed words with data-m and data-d in milliseconds', () => {
    const words = [...page.querySelectorAll('main span[data-m]')].map((span) => [
      span.textContent,
      span.getAttribute('data-m'),
      span.getAttribute('data-d'),
    ]);
    expect(words).toEqual([
      ['Hello', '1000', '500'],
      [hostile, '1500', '1500'],
      ['(MUSIC)', '3000', '1000'],
    ]);
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
    const buttons = [...page.querySelectorAll('main button')];
    expect(buttons.map((button) => [button.getAttribute('type'), button.getAttribute('data-m'), button.getAttribute('aria-label')])).toEqual([
      ['button', '1000', 'Play from 0:01'],
    ]);
    const script = new Function('document', 'requestAnimationFrame', 'window', PLAYER_SCRIPT);
    script(page, () => 0, { innerHeight: 800 });
    const audio = page.querySelector('audio') as HTMLAudioElement;
    (buttons[0] as HTMLButtonElement).click();
    expect(audio.currentTime).toBe(1);
  });

  it('says so when no audio is linked', () => {
    const bare = new DOMParser().parseFromString(writeHtml(transcript), 'text/html');
    expect(bare.querySelector('audio')?.hasAttribute('src')).toBe(false);
    expect(bare.querySelector('.note')?.textContent).toContain('No audio');
  });
});
