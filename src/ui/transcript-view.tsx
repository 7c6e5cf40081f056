import { Profiler, useCallback, useMemo, useRef, type MouseEvent, type ProfilerOnRenderCallback } from 'react';
import { appStore, useAppStore } from '../store/app-store.ts';
import { usePlayer } from './player-context.ts';
import { TurnRow } from './turn-row.tsx';
import { EventRow } from './event-row.tsx';
import { speakerHue } from './speaker-color.ts';
import { useWordHighlight } from './use-word-highlight.ts';
import { useFollowActiveTurn } from './use-follow-active-turn.ts';
import { useSelectionInView } from './use-selection-in-view.ts';
import { validateTiming } from '../transcript/validate-timing.ts';

export interface TranscriptViewProps {
  /** Measurement hook: when given, every row is wrapped in a React Profiler reporting to it. */
  onRowRender?: ProfilerOnRenderCallback;
}

/** The read-along transcript: rows, click-to-seek, follow mode. */
export function TranscriptView({ onRowRender }: TranscriptViewProps = {}) {
  const transcript = useAppStore((state) => state.transcript);
  const following = useAppStore((state) => state.following);
  const mode = useAppStore((state) => state.mode);
  const duration = useAppStore((state) => state.duration);
  const player = usePlayer();
  const scrollerRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const currentTime = useCallback(() => player?.currentTime() ?? 0, [player]);

  useWordHighlight(listRef);
  useFollowActiveTurn(scrollerRef, listRef, currentTime);
  useSelectionInView(listRef);

  // One linear pass; rows receive a string, so only rows whose issues changed re-render.
  const issues = useMemo(() => {
    const byEntry = new Map<number, string>();
    if (mode !== 'edit') return byEntry;
    for (const issue of validateTiming(transcript, duration > 0 ? duration : undefined)) {
      const previous = byEntry.get(issue.entryIndex);
      byEntry.set(issue.entryIndex, previous ? `${previous} ${issue.message}` : issue.message);
    }
    return byEntry;
  }, [transcript, duration, mode]);

  const speakers = useMemo(() => {
    const byId = new Map<string, { name: string; hue: number }>();
    transcript.speakers.forEach((speaker, index) => byId.set(speaker.id, { name: speaker.name, hue: speakerHue(index) }));
    return byId;
  }, [transcript.speakers]);

  // One delegated handler for every word and turn: no per-word listeners.
  const onClick = useCallback(
    (event: MouseEvent<HTMLDivElement>) => {
      if (!player || !(event.target instanceof Element)) return;
      if (window.getSelection()?.type === 'Range') return; // the user is selecting text to copy
      if (appStore.getState().mode === 'edit') {
        const row = event.target.closest<HTMLElement>('[data-entry-index]');
        if (row) appStore.getState().select(Number(row.dataset.entryIndex));
      }
      const target = event.target.closest<HTMLElement>('[data-seek], .word[data-start]');
      const seconds = Number(target?.dataset.seek ?? target?.dataset.start);
      if (!target || !Number.isFinite(seconds)) return;
      player.seek(seconds);
      appStore.getState().setFollowing(true);
    },
    [player],
  );

  let turnIndex = 0;
  return (
    <section className="transcript" aria-label="Transcript">
      <div className="transcript__scroller" ref={scrollerRef} tabIndex={-1}>
        {transcript.entries.length === 0 ? (
          <p className="transcript__empty">No transcript loaded. Open an audio file and a transcript, or drop them here.</p>
        ) : null}
        <div
          className="transcript__list"
          ref={listRef}
          onClick={onClick}
          onDoubleClick={(event) => {
            const row = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-entry-index]') : null;
            if (row && appStore.getState().mode === 'edit' && event.target instanceof Element && event.target.closest('.turn__text')) {
              window.dispatchEvent(new CustomEvent('verbatim:edit-text', { detail: Number(row.dataset.entryIndex) }));
            }
          }}
        >
          {transcript.entries.map((entry, entryIndex) => {
            if (entry.kind === 'event') return <EventRow key={entryIndex} entry={entry} />;
            const speaker = entry.speakerId !== null ? speakers.get(entry.speakerId) : undefined;
            const index = turnIndex++;
            const row = (
              <TurnRow
                key={entryIndex}
                turn={entry}
                turnIndex={index}
                entryIndex={entryIndex}
                speakerName={speaker?.name}
                hue={speaker?.hue ?? -1}
                issues={issues.get(entryIndex)}
              />
            );
            return onRowRender ? (
              <Profiler key={entryIndex} id={`turn-${index}`} onRender={onRowRender}>
                {row}
              </Profiler>
            ) : (
              row
            );
          })}
        </div>
      </div>
      {following ? null : (
        <button type="button" className="back-to-current" onClick={() => appStore.getState().setFollowing(true)}>
          Back to current <kbd>F</kbd>
        </button>
      )}
    </section>
  );
}
