import { useId } from 'react';
import { FindReplacePanel } from './find-replace-panel.tsx';
import { SpeakersPanel } from './speakers-panel.tsx';

export type EditorPanelName = 'find' | 'speakers';

const TITLES: Record<EditorPanelName, string> = { find: 'Find and replace', speakers: 'Speakers' };

/**
 * The open editor panel, docked beside the transcript on wide screens and
 * below it on narrow ones (styles.css), so the text keeps its height.
 */
export function EditorPanel({ panel, onClose }: { panel: EditorPanelName; onClose(): void }) {
  const titleId = useId();
  return (
    <div
      className="editor-panel"
      data-chrome
      data-testid="editor-panel"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        onClose();
      }}
    >
      <div className="editor-panel__header">
        <h2 id={titleId} className="editor-panel__title">
          {TITLES[panel]}
        </h2>
        <button type="button" className="notice__close" onClick={onClose} aria-label={`Close ${TITLES[panel].toLowerCase()}`} title="Close (Esc)">
          ×
        </button>
      </div>
      {panel === 'find' ? <FindReplacePanel /> : <SpeakersPanel />}
    </div>
  );
}
