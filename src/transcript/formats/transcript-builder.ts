import {
  speakerIdFromName,
  type Entry,
  type Speaker,
  type SpeechTurn,
  type Transcript,
  type Word,
} from '../model.ts';

/** Collapses the ways one person's label varies in a file (`JOHN`, `John`, `John `). */
function speakerKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/gu, ' ').toLowerCase();
}

/**
 * Collects speakers by name (one id per person, ids unique) and entries in order;
 * the common tail of every importer.
 */
export class TranscriptBuilder {
  private readonly speakers: Speaker[] = [];
  private readonly byKey = new Map<string, Speaker>();
  private readonly usedIds = new Set<string>();
  readonly entries: Entry[] = [];

  /** The id for a speaker name, creating the speaker the first time; `null` for a blank name. */
  speakerId(name: string | null | undefined, role?: string): string | null {
    if (name === null || name === undefined) return null;
    const display = name.trim().replace(/\s+/gu, ' ');
    if (display.length === 0) return null;
    const key = speakerKey(display);
    const known = this.byKey.get(key);
    if (known) return known.id;
    const base = speakerIdFromName(display);
    let id = base;
    for (let suffix = 2; this.usedIds.has(id); suffix += 1) id = `${base}-${suffix}`;
    const speaker: Speaker = role === undefined ? { id, name: display } : { id, name: display, role };
    this.usedIds.add(id);
    this.byKey.set(key, speaker);
    this.speakers.push(speaker);
    return id;
  }

  /** Adds a speech turn; turns without words are dropped since they carry nothing to show. */
  addTurn(turn: Omit<SpeechTurn, 'kind'>): void {
    if (turn.words.length === 0) return;
    this.entries.push({ kind: 'speech', ...withoutUndefined(turn) });
  }

  addEvent(text: string, start?: number, end?: number, timing?: Word['timing']): void {
    const trimmed = text.trim();
    if (trimmed.length === 0) return;
    this.entries.push(withoutUndefined({ kind: 'event', text: trimmed, start, end, timing }));
  }

  build(language?: string): Transcript {
    const transcript: Transcript = { speakers: [...this.speakers], entries: [...this.entries] };
    if (language !== undefined && language.length > 0) transcript.language = language;
    return transcript;
  }
}

/** Drops keys whose value is `undefined`, so parsed objects compare equal to hand-written ones. */
export function withoutUndefined<T extends object>(value: T): T {
  // Copy rather than `delete`, which would turn every entry into a slow dictionary-mode object.
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item !== undefined) copy[key] = item;
  }
  return copy as T;
}

/** A word with only the fields that are set. */
export function makeWord(text: string, start?: number, end?: number, timing?: Word['timing'], confidence?: number): Word {
  return withoutUndefined({ text, start, end, confidence, timing });
}
