import { describe, expect, it } from 'vitest';
import type { Transcript } from '../model.ts';
import { escapeMarkdown, writeMarkdown } from './markdown-writer.ts';

describe('writeMarkdown', () => {
  it('writes bold speaker names with times and italic events', () => {
    const transcript: Transcript = {
      speakers: [{ id: 'a', name: 'Ada' }],
      entries: [
        { kind: 'speech', speakerId: 'a', start: 65, words: [{ text: 'Use' }, { text: '*stars*' }, { text: 'and' }, { text: '<b>tags</b>.' }] },
        { kind: 'event', text: '(MUSIC)', start: 70 },
        { kind: 'speech', speakerId: null, words: [{ text: '#1' }, { text: 'fan.' }] },
      ],
    };
    expect(writeMarkdown(transcript, { title: 'Talk' })).toBe(
      '# Talk\n\n**Ada** (00:01:05): Use \\*stars\\* and \\<b\\>tags\\</b\\>.\n\n*(MUSIC)* (00:01:10)\n\n\\#1 fan.\n',
    );
  });

  it('escapes block markers only at the start of a line', () => {
    expect(escapeMarkdown('- a - b', true)).toBe('\\- a - b');
    expect(escapeMarkdown('1. first', true)).toBe('1\\. first');
    expect(escapeMarkdown('1. first')).toBe('1. first');
  });
});
