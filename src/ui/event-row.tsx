import { memo } from 'react';
import type { EventEntry } from '../transcript/model.ts';
import { formatClock } from '../transcript/format-time.ts';

/** A non-speech entry such as `(SOUNDBITE OF MUSIC)`. */
export const EventRow = memo(function EventRow({ entry, entryIndex }: { entry: EventEntry; entryIndex: number }) {
  return (
    <div className="event" data-entry-index={entryIndex} data-start={entry.start} data-end={entry.end}>
      {entry.start !== undefined ? (
        <button type="button" className="event__seek" data-seek={entry.start} aria-label={`${entry.text}, ${formatClock(entry.start)}: play from here`}>
          {formatClock(entry.start)}
        </button>
      ) : null}
      <span className="event__text">{entry.text}</span>
    </div>
  );
});
