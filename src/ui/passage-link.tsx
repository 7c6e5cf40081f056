import { useEffect, useState } from 'react';
import { passageUrl, type Passage } from '../embed/passage-fragment.ts';
import { selectedPassage } from '../embed/selected-passage.ts';
import './passage-link.css';

/**
 * "Copy link to this passage" beside a text selection in the transcript: the page's
 * URL (its `?audio=…&transcript=…` kept) with `#t=START,END` for the selected words.
 */
export function PassageLink() {
  const [shown, setShown] = useState<{ passage: Passage; top: number; left: number } | undefined>();
  const [copied, setCopied] = useState('');

  useEffect(() => {
    const onChange = () => {
      const selection = document.getSelection();
      const root = document.querySelector('.transcript');
      const passage = root ? selectedPassage(selection, root, '.word[data-start]') : undefined;
      if (!passage || !selection) {
        // Pressing the button may clear the selection first; keep it while it has focus.
        if (!document.activeElement?.classList.contains('passage-link')) setShown(undefined);
        return;
      }
      const box = selection.getRangeAt(0).getBoundingClientRect();
      setShown({ passage, top: Math.max(8, box.top - 40), left: Math.max(8, box.left) });
      setCopied('');
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, []);

  const copy = async (passage: Passage) => {
    const url = passageUrl(window.location.href, passage);
    try {
      await navigator.clipboard.writeText(url);
      setCopied('Link copied.');
    } catch {
      setCopied(`Link: ${url}`);
    }
  };

  return (
    <>
      {shown ? (
        <button type="button" className="button passage-link" style={{ top: shown.top, left: shown.left }} onClick={() => void copy(shown.passage)}>
          Copy link to this passage
        </button>
      ) : null}
      <span className="visually-hidden" role="status">
        {copied}
      </span>
    </>
  );
}
