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
 * nearest); on it, the word at or after the click, or the line's first word for a click past
 * its end ("play this line"). `boxes` are in reading order. -1 when there are none.
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
  let first = -1;
  for (let index = 0; index < boxes.length; index++) {
    const box = boxes[index]!;
    // Boxes of one line share their top (within half a line: mixed inline sizes).
    if (Math.abs(box.top - lineTop) > (box.bottom - box.top) / 2) continue;
    if (first < 0) first = index;
    if (box.right >= x) return index;
  }
  return first;
}
