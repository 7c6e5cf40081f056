import type { Speaker, Transcript } from '../model.ts';

/**
 * Renames a speaker everywhere. Turns refer to speakers by id, so only the
 * speaker list changes and every entry keeps its identity; the id stays
 * stable. `role`: `undefined` keeps it, `null` removes it, a string sets it.
 * Returns `transcript` itself for an unknown id, a blank name or no change.
 */
export function renameSpeaker(transcript: Transcript, speakerId: string, name: string, role?: string | null): Transcript {
  const trimmed = name.trim();
  const index = transcript.speakers.findIndex((speaker) => speaker.id === speakerId);
  const speaker = transcript.speakers[index];
  if (speaker === undefined || trimmed.length === 0) return transcript;
  const renamed: Speaker = { ...speaker, name: trimmed };
  if (role === null) delete renamed.role;
  else if (role !== undefined && role.trim().length > 0) renamed.role = role.trim();
  if (renamed.name === speaker.name && renamed.role === speaker.role) return transcript;
  const speakers = transcript.speakers.slice();
  speakers[index] = renamed;
  return { ...transcript, speakers };
}
