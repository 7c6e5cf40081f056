import { useEffect, useRef, useState } from 'react';
import { renameSpeaker } from '../transcript/edit/rename-speaker.ts';
import { mergeSpeakers } from '../transcript/edit/merge-speakers.ts';
import { addSpeaker } from '../transcript/edit/add-speaker.ts';
import { useAppStore } from './app-context.ts';
import { useEditorCommands } from './editor-context.ts';
import type { Speaker } from '../transcript/model.ts';
import { isolateBidi } from '../transcript/bidi.ts';

function SpeakerRow({ speaker, others, turns }: { speaker: Speaker; others: Speaker[]; turns: number }) {
  const commands = useEditorCommands();
  const [name, setName] = useState(speaker.name);
  const rename = () => {
    const trimmed = name.trim();
    if (trimmed && trimmed !== speaker.name) commands?.edit((t) => renameSpeaker(t, speaker.id, trimmed));
    else setName(speaker.name);
  };
  return (
    <li className="speakers__row">
      <label>
        <span className="visually-hidden">Name of {speaker.name}</span>
        <input value={name} onChange={(event) => setName(event.target.value)} onBlur={rename} onKeyDown={(event) => event.key === 'Enter' && rename()} />
      </label>
      <span className="speakers__count">{turns} turn{turns === 1 ? '' : 's'}</span>
      {others.length > 0 ? (
        <label>
          <span className="visually-hidden">Merge {speaker.name} into</span>
          <select
            value=""
            onChange={(event) => {
              const into = event.target.value;
              if (into) commands?.edit((t) => mergeSpeakers(t, speaker.id, into));
            }}
          >
            <option value="">Merge into…</option>
            {others.map((other) => (
              <option key={other.id} value={other.id}>
                {isolateBidi(other.name)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </li>
  );
}

/** Rename a speaker everywhere, merge two speakers, add one. */
export function SpeakersPanel() {
  const transcript = useAppStore((state) => state.transcript);
  const commands = useEditorCommands();
  const [newName, setNewName] = useState('');
  const sectionRef = useRef<HTMLElement>(null);
  // Opening the panel puts the caret in the first name, as Find puts it in its box.
  useEffect(() => sectionRef.current?.querySelector('input')?.focus(), []);
  const counts = new Map<string, number>();
  for (const entry of transcript.entries) {
    if (entry.kind === 'speech' && entry.speakerId) counts.set(entry.speakerId, (counts.get(entry.speakerId) ?? 0) + 1);
  }
  return (
    <section ref={sectionRef} className="panel" aria-label="Speakers">
      <ul className="speakers">
        {transcript.speakers.map((speaker) => (
          <SpeakerRow
            key={`${speaker.id}:${speaker.name}`}
            speaker={speaker}
            turns={counts.get(speaker.id) ?? 0}
            others={transcript.speakers.filter((other) => other.id !== speaker.id)}
          />
        ))}
      </ul>
      <div className="panel__row">
        <label>
          New speaker <input value={newName} onChange={(event) => setNewName(event.target.value)} />
        </label>
        <button
          type="button"
          className="mini-button"
          disabled={!newName.trim()}
          onClick={() => {
            commands?.edit((t) => addSpeaker(t, newName.trim()));
            setNewName('');
          }}
        >
          Add
        </button>
      </div>
    </section>
  );
}
