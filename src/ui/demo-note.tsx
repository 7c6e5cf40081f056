import { useState } from 'react';

/** Explains the built-in demo and points at the alignment showcase. */
export function DemoNote() {
  const [open, setOpen] = useState(true);
  if (!open) return null;
  return (
    <aside className="demo-note" aria-label="About the demo">
      <span>
        <strong>Built-in demo:</strong> an NPR report, voiced by a speech synthesizer with exact word times.{' '}
        <span className="demo-note__keys">
          Press <kbd>Space</kbd> or click a word to play, <kbd>E</kbd> to edit.
        </span>
      </span>
      <a className="demo-link" href="?demo=align" title="Open the transcript as NPR publishes it, without timings, and align it to the audio in your browser">
        Try automatic alignment →
      </a>
      <button type="button" className="notice__close" aria-label="Hide this note" onClick={() => setOpen(false)}>
        ×
      </button>
    </aside>
  );
}
