import type { TimingSource, Word } from '../model.ts';

/**
 * A word built property by property in one fixed order, leaving out what is
 * undefined. Why not `{ ...word, start, end }`: in Node 20's V8, adding
 * properties after a spread gives every object its own hidden class, which
 * made reading 27,000 words about 50× slower. Objects built in the same order
 * share hidden classes and stay fast. `paragraph` is passed on by callers that re-time a word.
 */
export function makeWord(
  text: string,
  start?: number,
  end?: number,
  timing?: TimingSource,
  confidence?: number,
  paragraph?: boolean,
): Word {
  const word: Word = { text };
  if (start !== undefined) word.start = start;
  if (end !== undefined) word.end = end;
  if (confidence !== undefined) word.confidence = confidence;
  if (timing !== undefined) word.timing = timing;
  if (paragraph === true) word.paragraph = true;
  return word;
}
