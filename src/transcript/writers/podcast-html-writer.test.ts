import { describe, expect, it } from 'vitest';
import { parsePodcastHtml } from '../formats/podcast-html.ts';
import { entryText, speakerName, type Transcript, type Word } from '../model.ts';
import { writePodcastHtml } from './podcast-html-writer.ts';

const transcript: Transcript = {
  language: 'en',
  speakers: [
    { id: 'a', name: 'Alice <Host>' },
    { id: 'b', name: 'Bob' },
  ],
  entries: [
    { kind: 'speech', speakerId: 'a', start: 0.5, end: 4, words: [{ text: 'Welcome', start: 0.5 }, { text: 'back &', start: 1 }, { text: 'everyone.', start: 1.5 }] },
    { kind: 'event', text: '(MUSIC)', start: 4, end: 6 },
    {
      kind: 'speech',
      speakerId: 'b',
      start: 6.25,
      words: [{ text: 'Thanks.', start: 6.25 }, { text: 'Second', start: 8.125, paragraph: true } as Word, { text: 'point.', start: 8.5 }],
    },
    { kind: 'speech', speakerId: null, start: 3723.5, words: [{ text: 'Unlabelled.' }] },
  ],
};

describe('writePodcastHtml', () => {
  const html = writePodcastHtml(transcript, { title: 'Episode 1' });

  it('writes cite, time and p per turn, escaped', () => {
    expect(html).toContain('<cite>Alice &lt;Host&gt;:</cite>\n<time>00:00:00.500</time>\n<p>Welcome back &amp; everyone.</p>');
    expect(html).toContain('<time>01:02:03.500</time>\n<p>Unlabelled.</p>');
    expect(html).toContain('<html lang="en">');
  });

  it('reads back with the same speakers, starts, text and events', () => {
    const result = parsePodcastHtml(html);
    if (!result.ok) throw new Error(result.error.message);
    const back = result.transcript;
    const view = (value: Transcript) =>
      value.entries.map((entry) => [entry.kind, entry.start, entry.kind === 'speech' ? (speakerName(value, entry.speakerId) ?? null) : null, entryText(entry)]);
    expect(view(back)).toEqual([
      ['speech', 0.5, 'Alice <Host>', 'Welcome back & everyone.'],
      ['event', 4, null, '(MUSIC)'],
      // The paragraph inside Bob's turn is a further <p>: the same speaker continuing.
      ['speech', 6.25, 'Bob', 'Thanks.'],
      ['speech', 8.125, 'Bob', 'Second point.'],
      ['speech', 3723.5, null, 'Unlabelled.'],
    ]);
  });
});
