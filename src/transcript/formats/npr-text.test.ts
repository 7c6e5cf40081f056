import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  entryText,
  hasAnyTiming,
  speakerName,
  speechTurns,
  tokenize,
  turnParagraphs,
  turnText,
  type Transcript,
} from '../model.ts';
import type { ParseResult } from '../parse-result.ts';
import { nprTextFormat, parseNprText } from './npr-text.ts';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures');

function fixture(path: string): string {
  return readFileSync(join(FIXTURES, path), 'utf8');
}

function parsed(text: string): { transcript: Transcript; warnings: string[] } {
  const result = parseNprText(text);
  if (!result.ok) throw new Error(`expected a transcript, got: ${result.error.message}`);
  return result;
}

function errorOf(result: ParseResult): string {
  if (result.ok) throw new Error('expected an error, got a transcript');
  expect(result.error.format).toBe('plain-text');
  return result.error.message;
}

/** Every entry as `Speaker Name: text`, `(unlabelled): text` or `EVENT: text`. */
function outline(transcript: Transcript): string[] {
  return transcript.entries.map((entry) => {
    if (entry.kind === 'event') return `EVENT: ${entry.text}`;
    const who = entry.speakerId === null ? '(unlabelled)' : speakerName(transcript, entry.speakerId);
    return `${who}: ${turnText(entry)}`;
  });
}

const SEED = fixture('seed/npr-russia-venezuela.txt');

describe('parseNprText on the NPR seed', () => {
  const { transcript, warnings } = parsed(SEED);
  const turns = speechTurns(transcript);

  it('finds exactly the 13 speech turns in order', () => {
    expect(turns.map((turn) => turn.speakerId)).toEqual([
      null,
      'charles-maynes',
      'summers',
      'charles-maynes',
      'summers',
      'charles-maynes',
      'summers',
      'charles-maynes',
      'abbas-gallyamov',
      'charles-maynes',
      'summers',
      'charles-maynes',
      'summers',
    ]);
    expect(transcript.entries).toHaveLength(13);
    expect(warnings).toEqual([]);
  });

  it('lists the three named speakers, with the role from the first label', () => {
    expect(transcript.speakers).toEqual([
      { id: 'charles-maynes', name: 'Charles Maynes', role: 'BYLINE' },
      { id: 'summers', name: 'Summers' },
      { id: 'abbas-gallyamov', name: 'Abbas Gallyamov' },
    ]);
  });

  it('keeps the unlabelled opener whole', () => {
    const opener = turns[0]!;
    expect(opener.words[0]?.text).toBe('Allies');
    expect(opener.words.at(-1)?.text).toBe('there.');
    expect(turnText(opener)).toContain("NPR's Charles Maynes is in Moscow");
  });

  it('joins continuation paragraphs to the previous turn', () => {
    const maynes = turns[3]!;
    expect(maynes.words[0]?.text).toBe('Well,');
    expect(turnText(maynes)).toContain("Trump administration. We're forcefully amid");
    expect(maynes.words.at(-1)?.text).toBe('friends.');
    expect(turnText(turns[7]!)).toMatch(/^Yeah\. You know, .* Iran, another ally, .* Meanwhile, this U\.S\. attack .* exile\.$/u);
  });

  it('splits a line at a label after a sentence end', () => {
    expect(turnText(turns[9]!)).toBe("So there's some hard questions here being asked.");
    expect(turnText(turns[10]!)).toBe("How damaging is this ultimately to Putin's image?");
  });

  it('reads other turns word for word', () => {
    expect(turnText(turns[1]!)).toBe('Hi there.');
    expect(turns[8]!.words[0]?.text).toBe('What');
    expect(turns[8]!.words.at(-1)?.text).toBe('successful.');
    expect(turns[11]!.words[0]?.text).toBe('Well,');
    expect(turns[11]!.words.at(-1)?.text).toBe('ways.');
    expect(turnText(turns[12]!)).toBe("NPR's Charles Maynes in Moscow, thanks.");
  });

  it('keeps every spoken word once and nothing else', () => {
    const body = SEED.slice(0, SEED.indexOf('Copyright ©'));
    const withoutLabels = body.replace(/CHARLES MAYNES, BYLINE:|SUMMERS:|MAYNES:|ABBAS GALLYAMOV:/gu, ' ');
    expect(turns.flatMap((turn) => turn.words.map((word) => word.text))).toEqual(tokenize(withoutLabels));
  });

  it('drops the copyright, accuracy and editorial boilerplate', () => {
    const all = transcript.entries.map(entryText).join('\n');
    for (const phrase of ['Copyright', '©', 'All rights reserved', 'Accuracy', 'authoritative record', 'Editorial', 'Methodology', 'Primary Source', 'Topics']) {
      expect(all).not.toContain(phrase);
    }
  });

  it('is untimed: words carry only their text (and a paragraph flag)', () => {
    expect(hasAnyTiming(transcript)).toBe(false);
    for (const turn of turns) {
      expect(turn.start).toBeUndefined();
      for (const word of turn.words) expect(Object.keys(word)).toEqual(word.paragraph ? ['text', 'paragraph'] : ['text']);
    }
  });

  it('keeps the three continuation paragraphs: 13 turns, 16 paragraphs', () => {
    expect(turns).toHaveLength(13);
    expect(turns.reduce((sum, turn) => sum + turnParagraphs(turn).length, 0)).toBe(16);
    const flagged = turns.flatMap((turn) => turn.words.filter((word) => word.paragraph).map((word) => word.text));
    expect(flagged[0]).toBe("We're");
    for (const turn of turns) expect(turn.words[0]?.paragraph).toBeUndefined();
  });

  it('gives the same ids on every parse', () => {
    expect(parsed(SEED).transcript).toEqual(transcript);
  });
});

describe('parseNprText fixtures', () => {
  it('mixed-case labels with roles, particles, titles and surnames', () => {
    const { transcript } = parsed(fixture('npr/mixed-case-labels.txt'));
    expect(transcript.speakers).toEqual([
      { id: 'jane-doe', name: 'Jane Doe' },
      { id: 'john-van-der-berg', name: 'John van der Berg', role: 'Guest' },
      { id: 'dr-maria-lopez', name: 'Dr. Maria Lopez' },
      { id: 'host', name: 'Host' },
    ]);
    expect(outline(transcript)).toEqual([
      'Jane Doe: Welcome to the show. Today we talk about gardening.',
      'John van der Berg: Thanks, Jane. Here is the thing: it works if you water early.',
      'Jane Doe: When do you start?',
      'John van der Berg: At 6:30 in the morning. Note: that is before sunrise in winter. Here is the thing: it still works on cloudy days.',
      'Dr. Maria Lopez: I agree with John.',
      'Jane Doe: One more question for Dr. Lopez.',
      "Host: Let's take a short break.",
    ]);
  });

  it('titles, shared surnames (not guessed), suffixes and particles', () => {
    const { transcript, warnings } = parsed(fixture('npr/titles-and-surnames.txt'));
    expect(transcript.speakers).toEqual([
      { id: 'leila-fadel', name: 'Leila Fadel', role: 'HOST' },
      { id: 'dr-anthony-fauci', name: 'Dr. Anthony Fauci' },
      { id: 'ms-linda-smith', name: 'Ms. Linda Smith' },
      { id: 'john-smith', name: 'John Smith', role: 'BYLINE' },
      { id: 'smith', name: 'Smith' },
      { id: 'mr-o-rourke', name: "Mr. O'Rourke" },
      { id: 'sen-mary-kate-mcconnell', name: 'Sen. Mary-Kate McConnell' },
      { id: 'martin-luther-king-jr', name: 'Martin Luther King Jr.' },
      { id: 'charles-de-gaulle', name: 'Charles de Gaulle' },
    ]);
    expect(speechTurns(transcript).map((turn) => turn.speakerId)).toEqual([
      null,
      'leila-fadel',
      'dr-anthony-fauci',
      'leila-fadel',
      'dr-anthony-fauci', // FAUCI:
      'dr-anthony-fauci', // ANTHONY FAUCI:
      'ms-linda-smith',
      'john-smith',
      'smith', // SMITH: could be either Smith
      'mr-o-rourke',
      'mr-o-rourke', // O'ROURKE:
      'sen-mary-kate-mcconnell',
      'sen-mary-kate-mcconnell', // MCCONNELL:
      'martin-luther-king-jr',
      'martin-luther-king-jr', // KING:
      'charles-de-gaulle',
    ]);
    expect(warnings).toEqual(['"Smith" could be Ms. Linda Smith or John Smith, so it is kept as a speaker of its own']);
  });

  it('leaves colons in speech alone: times, URLs, notes, sentences, unknown mid-line capitals', () => {
    const { transcript } = parsed(fixture('npr/false-positives.txt'));
    expect(transcript.speakers).toEqual([{ id: 'sarah-mccammon', name: 'Sarah McCammon', role: 'HOST' }]);
    expect(outline(transcript)).toEqual([
      "Sarah McCammon: Here's what we know. The meeting starts at 10:30 a.m. Here is the thing: it works only if everyone shows up. " +
        'Note: the schedule may change. Details are at https://www.example.org/schedule: check there. Time: 10:30. She told me: yes.',
      'Sarah McCammon: She said, "NATO: an alliance." Then she left. NATO: still an alliance. ' +
        'The score was 3:1 and the ratio 16:9. Mr. Smith: no comment.',
    ]);
  });

  it('stage directions on their own lines become events; inline ones stay words', () => {
    const { transcript } = parsed(fixture('npr/stage-directions.txt'));
    expect(outline(transcript)).toEqual([
      'EVENT: (SOUNDBITE OF MUSIC)',
      "Ailsa Chang: From NPR News, this is ALL THINGS CONSIDERED. I'm Ailsa Chang. Protesters gathered outside the courthouse today.",
      'EVENT: (SOUNDBITE OF PROTEST)',
      'Unidentified Protesters: (Chanting) No justice, no peace.',
      'Ailsa Chang: Our reporter was there.',
      'EVENT: (SOUNDBITE OF ARCHIVED RECORDING)',
      'Unidentified Person #1: We have been here since six in the morning.',
      'Unidentified Person #2: (Through interpreter) We will stay.',
      'Unidentified Person: Me too.',
      "Ailsa Chang: That's funny (LAUGHTER) but also serious.",
      'EVENT: [MUSIC]',
      "Ailsa Chang: And we're back.",
      'EVENT: (SOUNDBITE OF SONG, "HERE COMES THE SUN (REMASTERED)")',
      'EVENT: (SOUNDBITE OF ARCHIVED BROADCAST, "MORNING NEWS")',
      'EVENT: [Applause]',
      'EVENT: (LAUGHTER)',
      'Ailsa Chang: (Laughter) Sorry, that was me.',
      "Ailsa Chang: That's our show.",
      'EVENT: (SOUNDBITE OF MUSIC)',
    ]);
    expect(transcript.speakers.map((speaker) => speaker.id)).toEqual([
      'ailsa-chang',
      'unidentified-protesters',
      'unidentified-person-1',
      'unidentified-person-2',
      'unidentified-person',
    ]);
  });

  it('role-only labels are speakers of their own', () => {
    const { transcript } = parsed(fixture('npr/role-only-labels.txt'));
    expect(transcript.speakers).toEqual([
      { id: 'host', name: 'Host' },
      { id: 'guest', name: 'Guest' },
      { id: 'subtitle', name: 'Subtitle' },
      { id: 'unidentified-person', name: 'Unidentified Person' },
    ]);
    expect(outline(transcript)[3]).toBe('Subtitle: (Speaking Spanish) Where are you going?');
    expect(speechTurns(transcript).map((turn) => turn.speakerId)).toEqual([
      'host',
      'guest',
      'host',
      'subtitle',
      'unidentified-person',
      'host',
    ]);
  });

  it('blank-line paragraphs with hard-wrapped lines and a label alone on its line', () => {
    const { transcript } = parsed(fixture('npr/blank-line-paragraphs.txt'));
    expect(outline(transcript)).toEqual([
      '(unlabelled): Good morning. This is the opening paragraph, wrapped over two lines by the page.',
      'Steve Inskeep: A question about the budget, which also wraps onto a second line. Then a second paragraph from the host that wraps too.',
      'EVENT: (SOUNDBITE OF ARCHIVED RECORDING)',
      'Jane Roe: Hello there.',
      'Steve Inskeep: A label alone on its line, the speech after a blank line.',
    ]);
  });

  it('CRLF, BOM, tabs, non-breaking and trailing spaces', () => {
    const raw = fixture('npr/crlf-bom-tabs.txt');
    // Guards against the fixture being normalised on checkout, which would make this test vacuous.
    expect(raw.startsWith('\uFEFF')).toBe(true);
    expect(raw).toContain('\r\n');
    expect(raw).toContain('\t');
    expect(raw).toContain('\u00a0');
    const { transcript } = parsed(raw);
    expect(transcript.speakers).toEqual([{ id: 'mary-louise-kelly', name: 'Mary Louise Kelly', role: 'HOST' }]);
    expect(outline(transcript)).toEqual([
      '(unlabelled): Opening line with trailing spaces.',
      'Mary Louise Kelly: Hello there.',
      'Mary Louise Kelly: Second turn. Indented continuation.',
      'EVENT: (SOUNDBITE OF MUSIC)',
    ]);
    expect(parsed(raw.replace(/\r\n/gu, '\r')).transcript).toEqual(transcript);
  });

  it('older NPR footer, Transcript heading, labels alone on their lines', () => {
    const { transcript } = parsed(fixture('npr/older-footer.txt'));
    expect(outline(transcript)).toEqual([
      "Rachel Martin: Good morning. I'm Rachel Martin.",
      "David Greene: And I'm David Greene.",
    ]);
  });

  it('member-station footer', () => {
    const { transcript } = parsed(fixture('npr/member-station-footer.txt'));
    expect(outline(transcript)).toEqual([
      "Scott Simon: It's WEEKEND EDITION from NPR News. I'm Scott Simon.",
      'Scott Simon: We begin with the weather.',
    ]);
  });

  it('editorial block without a copyright line; a one-letter first name', () => {
    const { transcript } = parsed(fixture('npr/editorial-block.txt'));
    expect(transcript.speakers).toEqual([{ id: 'a-martinez', name: 'A Martínez', role: 'HOST' }]);
    expect(outline(transcript)).toEqual([
      'A Martínez: The Senate returns this week.',
      'A Martínez: Our correspondent joins us.',
    ]);
  });

  it('no labels: each paragraph is an unlabelled turn, with a warning', () => {
    const { transcript, warnings } = parsed(fixture('npr/no-labels.txt'));
    expect(transcript.speakers).toEqual([]);
    expect(outline(transcript)).toEqual([
      '(unlabelled): Welcome to the show. This podcast has no speaker labels at all.',
      '(unlabelled): It is just paragraphs of text, separated by blank lines.',
      'EVENT: (MUSIC)',
      '(unlabelled): And a closing paragraph.',
    ]);
    expect(warnings).toEqual(['no speaker labels such as "NAME:" were found, so every paragraph is an unlabelled turn']);
  });

  it('mid-line labels: several per line, after quotes, with roles, and refused look-alikes', () => {
    const { transcript } = parsed(fixture('npr/mid-line-labels.txt'));
    expect(outline(transcript)).toEqual([
      'Mary Louise Kelly: Is that right?',
      'Ailsa Chang: It is.',
      'Mary Louise Kelly: Great.',
      'Ailsa Chang: I said, "Let\'s go."',
      'Mary Louise Kelly: And we went!',
      'Mary Louise Kelly: Then came the news.',
      "Noel King: Here's what happened.",
      'Noel King: Prices rose 3.5 PERCENT: a lot. It hit the U.S. BYLINE: hard.',
      'Ailsa Chang: Wow.',
    ]);
    expect(transcript.speakers.find((speaker) => speaker.id === 'noel-king')?.role).toBe('BYLINE');
  });
});

describe('parseNprText variations', () => {
  it('single-newline and blank-line paragraphs give the same turns when labelled', () => {
    const single = 'Intro.\nJANE ROE, HOST: One.\nMore from Jane.\nJOHN POE: Two.\nROE: Three.';
    expect(parsed(single.replace(/\n/gu, '\n\n')).transcript).toEqual(parsed(single).transcript);
    expect(outline(parsed(single).transcript)).toEqual([
      '(unlabelled): Intro.',
      'Jane Roe: One. More from Jane.',
      'John Poe: Two.',
      'Jane Roe: Three.',
    ]);
  });

  it('without labels and without blank lines, each line is a turn', () => {
    expect(outline(parsed('First line.\nSecond line.').transcript)).toEqual([
      '(unlabelled): First line.',
      '(unlabelled): Second line.',
    ]);
  });

  it('a single mixed-case label line works on its own', () => {
    expect(outline(parsed('Jane Doe: hello').transcript)).toEqual(['Jane Doe: hello']);
  });

  it('a lone single-word mixed-case "label" stays text unless the document has other mixed-case labels', () => {
    expect(outline(parsed('JANE ROE: Hi.\nChicago: a city of broad shoulders.').transcript)).toEqual([
      'Jane Roe: Hi. Chicago: a city of broad shoulders.',
    ]);
    expect(outline(parsed('Alice: Hi.\nBob: Hello.').transcript)).toEqual(['Alice: Hi.', 'Bob: Hello.']);
  });

  it('a one-word mid-line label with a "role" needs a line-start twin (datelines)', () => {
    expect(outline(parsed('JANE ROE: We spoke. WASHINGTON, D.C.: a dateline.').transcript)).toEqual([
      'Jane Roe: We spoke. WASHINGTON, D.C.: a dateline.',
    ]);
  });

  it('editorial notes in capitals are not speakers', () => {
    const text = "JANE ROE: Hi.\nEDITOR'S NOTE: This segment was edited.\nCORRECTION: An earlier version misspelled a name.";
    expect(parsed(text).transcript.speakers.map((speaker) => speaker.name)).toEqual(['Jane Roe']);
  });

  it('a label with nothing after it and no following text leaves no empty turn', () => {
    const { transcript } = parsed('JANE ROE: Hi.\nJOHN POE:\nROE: Bye.');
    expect(outline(transcript)).toEqual(['Jane Roe: Hi.', 'Jane Roe: Bye.']);
    expect(transcript.speakers.map((speaker) => speaker.id)).toEqual(['jane-roe']);
  });

  it.each(['© 2024 WBUR. All rights reserved.', '(c) 2023 NPR', 'Copyright NPR 2021', '© Copyright 2020 NPR', 'COPYRIGHT © 2019 NPR'])(
    'the copyright line %j ends the transcript',
    (line) => {
      expect(outline(parsed(`JANE ROE: Hi.\n${line}\nJOHN POE: Page footer text.`).transcript)).toEqual(['Jane Roe: Hi.']);
    },
  );

  it('speech that starts with the word copyright is kept', () => {
    expect(outline(parsed('JANE ROE: Hi.\nCopyright law is complicated.').transcript)).toEqual([
      'Jane Roe: Hi. Copyright law is complicated.',
    ]);
  });

  it('a copyright line before any text is dropped alone, keeping the transcript', () => {
    const { transcript } = parsed('Copyright © 2024 NPR. All rights reserved.\nJANE ROE: Hi.');
    expect(outline(transcript)).toEqual(['Jane Roe: Hi.']);
  });

  it('a surname label may come before the full name', () => {
    const { transcript } = parsed('ROE: Hi.\nJANE ROE, HOST: Hello.');
    expect(transcript.speakers).toEqual([{ id: 'jane-roe', name: 'Jane Roe', role: 'HOST' }]);
    expect(speechTurns(transcript).map((turn) => turn.speakerId)).toEqual(['jane-roe', 'jane-roe']);
  });

  it('MR. and MRS. with one surname stay apart, and the bare surname is not guessed', () => {
    const { transcript, warnings } = parsed('MR. SMITH: Hi.\nMRS. SMITH: Hello.\nSMITH: Who?');
    expect(transcript.speakers.map((speaker) => speaker.name)).toEqual(['Mr. Smith', 'Mrs. Smith', 'Smith']);
    expect(warnings).toHaveLength(1);
  });

  it('a bare surname matches a lone titled label', () => {
    const { transcript } = parsed('DR. FAUCI: Hi.\nFAUCI: Again.');
    expect(speechTurns(transcript).map((turn) => turn.speakerId)).toEqual(['dr-fauci', 'dr-fauci']);
  });

  it('names whose ids collide still get distinct ids', () => {
    const { transcript } = parsed('JOSÉ ROE: Hi.\nJOSE ROE: Hello.');
    expect(transcript.speakers.map((speaker) => speaker.id)).toEqual(['jose-roe', 'jose-roe-2']);
  });

  it('a few undecodable characters parse with a warning', () => {
    const { transcript, warnings } = parsed('JANE ROE: It\uFFFDs fine, mostly.');
    expect(outline(transcript)).toEqual(['Jane Roe: It\uFFFDs fine, mostly.']);
    expect(warnings).toEqual(['1 character could not be decoded and shows as "\uFFFD"; the file may not be UTF-8']);
  });
});

describe('parseNprText errors', () => {
  it.each([
    ['empty text', ''],
    ['whitespace only', '  \n\t\r\n   \n'],
    ['a BOM only', '\uFEFF'],
  ])('%s is an empty transcript', (_, text) => {
    expect(errorOf(parseNprText(text))).toBe('the transcript is empty');
  });

  it('names the file and line of NUL bytes', () => {
    const result = parseNprText('JANE ROE: Hi.\nbad\u0000bytes', { fileName: 'show.txt' });
    expect(result).toEqual({
      ok: false,
      error: {
        format: 'plain-text',
        fileName: 'show.txt',
        line: 2,
        message: 'the file contains NUL bytes, so it is binary or UTF-16 rather than UTF-8 text',
      },
    });
  });

  it('refuses text that is mostly undecodable', () => {
    expect(errorOf(parseNprText('\uFFFD\uFFFDab\uFFFD\u0001\u0002cd'))).toMatch(/could not be decoded/u);
  });

  it('refuses a page that is only boilerplate', () => {
    expect(errorOf(parseNprText('Transcript\nAccuracy and availability of NPR transcripts may vary.'))).toMatch(
      /only page boilerplate/u,
    );
  });

  it('refuses a value that is not a string instead of throwing', () => {
    expect(errorOf(parseNprText(undefined as unknown as string))).toBe('the input is not text');
  });

  it('never throws, and always returns a consistent transcript', () => {
    const pieces = fc.constantFrom(
      'JANE ROE: ', 'ROE: ', 'Jane Roe: ', 'Host: ', 'DR. X Y: ', '. ', '? SMITH: ', '(SOUNDBITE OF MUSIC)', '[MUSIC', ']', '(', ')',
      '\n', '\r\n', '\n\n', '\t', ' ', 'word', 'Copyright © 2020 NPR', 'Transcript', ':', '10:30', '#1', '\uFEFF', '\uFFFD',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 40 }), (parts) => {
        const result = parseNprText(parts.join(''));
        if (!result.ok) return;
        const ids = result.transcript.speakers.map((speaker) => speaker.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const entry of result.transcript.entries) {
          if (entry.kind === 'event') continue;
          expect(entry.words.length).toBeGreaterThan(0);
          if (entry.speakerId !== null) expect(ids).toContain(entry.speakerId);
        }
        // Every speaker is used by some turn.
        for (const id of ids) expect(speechTurns(result.transcript).some((turn) => turn.speakerId === id)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseNprText on pathological input', () => {
  // Generous limits: linear code needs well under a second; quadratic code needs minutes.
  // Generous: the machine running the suite may be shared; this guards against hangs, not speed.
  const LIMIT = { timeout: 30_000 };

  it('a 1 MB line full of mid-line labels', LIMIT, () => {
    const line = `MAYNES, BYLINE: Start. ${'So it goes. SUMMERS: Yes? MAYNES: No. '.repeat(27_000)}`;
    expect(line.length).toBeGreaterThan(1_000_000);
    const turns = speechTurns(parsed(`SUMMERS: Hi.\n${line}`).transcript);
    expect(turns).toHaveLength(2 + 2 * 27_000);
    expect(turnText(turns.at(-1)!)).toBe('No.');
  });

  it.each(['ABCDEFGHIJ', 'AB CD, EF GH. ', 'A. ', '(', '[X ', 'MR. DR. ', 'Aa Bb Cc '])(
    'a 1 MB line of %j (label-like, never a label)',
    LIMIT,
    (unit) => {
      const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
      const turns = speechTurns(parsed(text).transcript);
      expect(turns).toHaveLength(1);
      expect(turns[0]!.words.length).toBe(tokenize(text).length);
    },
  );

  it('100k lines of labels, continuations and events', LIMIT, () => {
    const lines: string[] = [];
    for (let i = 0; i < 25_000; i += 1) {
      lines.push(`SPEAKER ${i % 50}: line ${i}.`, 'A continuation.', '(SOUNDBITE OF MUSIC)', `PERSON${i} NAME${i}: hi. NAME${i}: yes.`);
    }
    const { transcript } = parsed(lines.join('\n'));
    expect(transcript.entries).toHaveLength(25_000 * 4);
    expect(transcript.speakers).toHaveLength(50 + 25_000);
  });

  it('100k lines of colon noise that must stay speech', LIMIT, () => {
    const text = 'At 10:30: https://x.org/a:b. It is: so. NATO: ok.\n'.repeat(100_000);
    const { transcript } = parsed(`JANE ROE: Hi.\n${text}`);
    expect(speechTurns(transcript)).toHaveLength(1);
  });
});

describe('nprTextFormat', () => {
  it('describes the format', () => {
    expect(nprTextFormat.id).toBe('plain-text');
    expect(nprTextFormat.label).toBe('Plain text (radio/podcast)');
    expect(nprTextFormat.extensions).toEqual(['txt']);
    expect(nprTextFormat.parse(SEED)).toEqual(parseNprText(SEED));
  });

  it.each([
    ['the NPR seed', SEED, undefined, 0.6],
    ['mixed-case labels', 'Jane Doe: hello\nJohn Roe: hi', undefined, 0.6],
    ['a role label', 'Host: hello', undefined, 0.6],
    ['plain prose', 'Just some text.\nNo labels here: none at all.', undefined, 0.1],
    ['one lone mixed-case word label', 'Chicago: a city.', undefined, 0.1],
    ['empty text', '', undefined, 0],
    ['whitespace', ' \n\t ', undefined, 0],
    ['JSON', '{"segments": []}', { segments: [] }, 0],
    ['binary', 'ab\u0000cd', undefined, 0],
    ['WebVTT', 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nJANE: hi', undefined, 0.05],
    ['SRT', '1\n00:00:01,000 --> 00:00:02,000\nJANE ROE: hi', undefined, 0.05],
  ])('detects %s', (_, text, json, score) => {
    expect(nprTextFormat.detect(text, json)).toBe(score);
  });

  it('detect never throws', () => {
    expect(nprTextFormat.detect(undefined as unknown as string, undefined)).toBe(0);
  });
});
