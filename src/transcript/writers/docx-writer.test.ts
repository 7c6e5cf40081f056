import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Transcript, Word } from '../model.ts';
import { writeDocx } from './docx-writer.ts';

const transcript: Transcript = {
  language: 'en',
  speakers: [{ id: 'a', name: 'Alice & Co' }],
  entries: [
    {
      kind: 'speech',
      speakerId: 'a',
      start: 3725.4,
      words: [
        { text: 'First', start: 3725.4 },
        { text: 'mumbled', confidence: 0.3 },
        { text: 'words.' },
        { text: 'New', paragraph: true } as Word,
        { text: 'paragraph.' },
      ],
    },
    { kind: 'event', text: '(LAUGHTER)', start: 3730 },
    { kind: 'speech', speakerId: null, words: [{ text: 'Untimed.' }] },
  ],
};

async function documentXml(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return (await zip.file('word/document.xml')?.async('string')) ?? '';
}

/** Each Word paragraph's text, its runs joined. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/gu)].map((match) =>
    [...(match[1] ?? match[2] ?? '').matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/gu)].map((text) => text[1]).join(''),
  );
}

describe('writeDocx', () => {
  it('writes the title, bold speakers with [hh:mm:ss], paragraphs kept, events', async () => {
    const xml = await documentXml(await writeDocx(transcript, { title: 'Interview' }));
    expect(paragraphs(xml)).toEqual(['Interview', 'Alice &amp; Co [01:02:05]', 'First mumbled words.', 'New paragraph.', '[01:02:10] (LAUGHTER)', 'Untimed.']);
    expect(xml).toMatch(/<w:b\/>[\s\S]*?<w:t[^>]*>Alice &amp; Co<\/w:t>/u);
    expect(xml).not.toContain('w:highlight');
  });

  it('can leave out timestamps and mark low-confidence words with a note', async () => {
    const xml = await documentXml(await writeDocx(transcript, { timestamps: false, markLowConfidence: true }));
    const texts = paragraphs(xml);
    expect(texts[0]).toBe('Transcript');
    expect(texts[1]).toContain('less than 60% confidence');
    expect(texts).toContain('Alice &amp; Co');
    expect(xml).toMatch(/<w:highlight w:val="yellow"\/>[\s\S]*?<w:t[^>]*> ?mumbled ?<\/w:t>/u);
  });
});
