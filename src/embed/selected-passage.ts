/**
 * The passage a text selection covers: from the first selected timed word's
 * start to the last one's end. Used by the embed and the app (same DOM hooks:
 * words carry `data-start`/`data-end` inside `[data-turn-index]` turns).
 */
import type { Passage } from './passage-fragment.ts';

function attributeSeconds(element: Element, name: string): number | undefined {
  const raw = element.getAttribute(name);
  const value = raw === null || raw === '' ? NaN : Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * `wordSelector` picks timed words (`.vp-word[data-start]` in the embed,
 * `.word[data-start]` in the app). Returns undefined when the selection is
 * collapsed, outside `root`, or covers no timed word.
 */
export function selectedPassage(selection: Selection | null, root: Element, wordSelector: string): Passage | undefined {
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return undefined;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer) && !range.intersectsNode(root)) return undefined;
  let start = Infinity;
  let end = -Infinity;
  // Only turns the range touches are searched, so a 3-hour transcript stays cheap.
  for (const turn of root.querySelectorAll('[data-turn-index]')) {
    if (!range.intersectsNode(turn)) continue;
    for (const word of turn.querySelectorAll(wordSelector)) {
      if (!range.intersectsNode(word)) continue;
      // A selection that ends at offset 0 of a word has not selected any of it.
      if (range.endContainer === word.firstChild && range.endOffset === 0) continue;
      if (range.startContainer === word.firstChild && range.startOffset === (word.textContent ?? '').length) continue;
      const wordStart = attributeSeconds(word, 'data-start');
      if (wordStart === undefined) continue;
      start = Math.min(start, wordStart);
      end = Math.max(end, attributeSeconds(word, 'data-end') ?? wordStart);
    }
  }
  if (!Number.isFinite(start)) return undefined;
  return end > start ? { start, end } : { start };
}
