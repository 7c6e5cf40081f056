import { speakerIdFromName, type Speaker, type Transcript } from '../model.ts';

/** The id addSpeaker would give `name`: its slug, numbered when taken (`ann`, `ann-2`, …). */
export function uniqueSpeakerId(transcript: Transcript, name: string): string {
  const base = speakerIdFromName(name);
  const taken = new Set(transcript.speakers.map((speaker) => speaker.id));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/**
 * Adds a speaker to the list. The id is `options.id` when given (the caller
 * may compute it first with uniqueSpeakerId to refer to the new speaker),
 * otherwise derived from the name. Returns `transcript` itself for a blank
 * name or an id already in use.
 */
export function addSpeaker(transcript: Transcript, name: string, options: { role?: string; id?: string } = {}): Transcript {
  const trimmed = name.trim();
  if (trimmed.length === 0) return transcript;
  const id = options.id ?? uniqueSpeakerId(transcript, trimmed);
  if (transcript.speakers.some((speaker) => speaker.id === id)) return transcript;
  const speaker: Speaker = { id, name: trimmed };
  const role = options.role?.trim();
  if (role) speaker.role = role;
  return { ...transcript, speakers: [...transcript.speakers, speaker] };
}
