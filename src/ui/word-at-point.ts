/** A word's box on screen (client coordinates). */
export interface WordBox {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * Which word a click at (`x`, `y`) on a turn's text means when it hit no word (a space, the
 * margin after a line, the gap between lines): the line is the one the click is on (else the
 * nearest); on it, the word after the gap the click is in (in reading order, so right-to-left
 * lines work too), or the line's first word for a click beside the line ("play this line").
 * `boxes` are in reading order. -1 when there are none.
 */
export function wordNearPoint(boxes: readonly WordBox[], x: number, y: number): number {
  let lineTop = Infinity;
  let best = Infinity;
  for (const box of boxes) {
    const distance = y < box.top ? box.top - y : y > box.bottom ? y - box.bottom : 0;
    if (distance < best) {
      best = distance;
      lineTop = box.top;
    }
  }
  if (best === Infinity) return -1;
  // Boxes of one line share their top (within half a line: mixed inline sizes).
  const line: number[] = [];
  boxes.forEach((box, index) => {
    if (Math.abs(box.top - lineTop) <= (box.bottom - box.top) / 2) line.push(index);
  });
  for (let at = 0; at < line.length; at++) {
    const word = boxes[line[at]!]!;
    if (x >= word.left && x <= word.right) return line[at]!;
    const next = boxes[line[at + 1] ?? -1];
    // The gap between a word and the next one, whichever side of it the next one is on.
    if (next && x >= Math.min(word.right, next.right) && x <= Math.max(word.left, next.left)) return line[at + 1]!;
  }
  return line[0]!;
}
