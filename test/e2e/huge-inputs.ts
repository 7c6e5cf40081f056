/**
 * The huge inputs of issue 11, written to `dir` on demand (never committed): a 60 MB
 * plain-text transcript in the NPR style (speaker-labelled paragraphs, about ten million
 * words), a WebVTT of 200,000 cues (half a second each, four voices) and a Verbatim JSON
 * of a million timed words. Used by
 * huge-input.e2e.ts and scripts/bench-load.ts.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface HugeInputs {
  text: string;
  vtt: string;
  json: string;
}

const SPEAKERS = ['MARIA ALVAREZ, HOST', 'JOHN CHEN, BYLINE', 'SAM OKAFOR', 'LENA BRANDT'];
const WORDS = 'so the council voted late on tuesday and the measure passed by a narrow margin which surprised almost everyone who had followed the debate over the summer months'.split(' ');

function sentence(seed: number, length: number): string {
  const words: string[] = [];
  for (let i = 0; i < length; i++) words.push(WORDS[(seed * 7 + i * 13) % WORDS.length]!);
  words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
  return `${words.join(' ')}.`;
}

export function writeHugeText(path: string, bytes = 60_000_000): void {
  const parts: string[] = [];
  let size = 0;
  for (let turn = 0; size < bytes; turn++) {
    const paragraph = `${SPEAKERS[turn % SPEAKERS.length]}: ${sentence(turn, 30)} ${sentence(turn + 1, 25)} ${sentence(turn + 2, 28)}\n\n`;
    parts.push(paragraph);
    size += paragraph.length;
  }
  writeFileSync(path, parts.join(''));
}

const stamp = (seconds: number) => {
  const ms = Math.round(seconds * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(ms % 1000).padStart(3, '0')}`;
};

export function writeHugeVtt(path: string, cues = 200_000): void {
  const parts = ['WEBVTT\n\n'];
  for (let cue = 0; cue < cues; cue++) {
    const start = cue * 0.5;
    parts.push(`${stamp(start)} --> ${stamp(start + 0.45)}\n<v ${['Ann', 'Bob', 'Cleo', 'Dev'][Math.floor(cue / 3) % 4]}>${sentence(cue, 6)}\n\n`);
  }
  writeFileSync(path, parts.join(''));
}

/** A Verbatim JSON (v2) of `words` timed words (a third of a second each) in turns of 25, four speakers. */
export function writeHugeJson(path: string, words = 1_000_000): void {
  const speakers = SPEAKERS.map((name, i) => ({ id: `s${i}`, name }));
  const parts = [`{"format":"verbatim","version":2,"transcript":{"speakers":${JSON.stringify(speakers)},"entries":[`];
  const perTurn = 25;
  for (let first = 0; first < words; first += perTurn) {
    const turn = first / perTurn;
    const list: string[] = [];
    for (let w = first; w < Math.min(words, first + perTurn); w++) {
      // Six words a second keeps a million of them inside the 48-hour bound for times.
      const start = w / 6;
      list.push(`{"text":${JSON.stringify(WORDS[(turn * 7 + w * 13) % WORDS.length])},"start":${start.toFixed(3)},"end":${(start + 0.15).toFixed(3)}}`);
    }
    parts.push(`${turn > 0 ? ',' : ''}{"kind":"speech","speakerId":"s${turn % SPEAKERS.length}","words":[${list.join(',')}]}`);
  }
  parts.push(']}}');
  writeFileSync(path, parts.join(''));
}

export function writeHugeInputs(dir: string): HugeInputs {
  const text = join(dir, 'huge.txt');
  const vtt = join(dir, 'huge.vtt');
  const json = join(dir, 'huge.json');
  writeHugeText(text);
  writeHugeVtt(vtt);
  writeHugeJson(json);
  return { text, vtt, json };
}

/** One huge input of `kind` (`text`, `vtt` or `json`) written into `dir`; its path. */
export function writeHugeInput(dir: string, kind: string): string {
  const file = join(dir, `huge.${kind === 'text' ? 'txt' : kind}`);
  if (kind === 'text') writeHugeText(file);
  else if (kind === 'vtt') writeHugeVtt(file);
  else writeHugeJson(file);
  return file;
}
