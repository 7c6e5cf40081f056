import type { PhoneSegment } from './phone-segment.ts';

/**
 * Gives phones back to words that a synthesizer merged into a neighbour. espeak-ng joins
 * common pairs (`of the`, `have been`, `There were`) into one dictionary word and reports
 * all their phones under the first. Each such run, together with its neighbours, is split
 * where the phones best match each word's pronunciation on its own (edit distance over
 * phone names), so a boundary falls on a real phone boundary of the synthesized audio.
 *
 * `audible(i)` says whether word i should make a sound; `expected(i)` is its phones when
 * spoken alone.
 */
export function splitMergedWords(
  segments: readonly PhoneSegment[],
  wordCount: number,
  audible: (index: number) => boolean,
  expected: (index: number) => readonly string[],
): PhoneSegment[] {
  const result = segments.map((segment) => ({ ...segment }));
  const phoneCount = new Array<number>(wordCount).fill(0);
  for (const segment of result) if (segment.token !== null) phoneCount[segment.token]! += 1;

  let index = 0;
  while (index < wordCount) {
    if (phoneCount[index]! > 0 || !audible(index)) {
      index++;
      continue;
    }
    let first = index;
    while (first > 0 && phoneCount[first]! === 0) first--;
    let last = index;
    while (last < wordCount - 1 && phoneCount[last]! === 0) last++;
    const members = result.filter((segment) => segment.token !== null && segment.token >= first && segment.token <= last);
    const words = Array.from({ length: last - first + 1 }, (_, offset) => first + offset);
    const owners = bestSplit(
      members.map((segment) => segment.phone),
      words.map((word) => (audible(word) ? expected(word) : [])),
      words.map(audible),
    );
    members.forEach((segment, position) => {
      segment.token = first + owners[position]!;
    });
    words.forEach((word) => {
      phoneCount[word] = members.filter((segment) => segment.token === word).length;
    });
    index = last + 1;
  }
  return result;
}

/**
 * Moves each boundary between two words that touch (no pause between them) by up to
 * `reach` phones when that makes both words match their pronunciation alone better.
 * espeak-ng sometimes files a linking consonant under the next word (`done it` as
 * `d V | n I t`); its phone times are right, only the owner is wrong. Ties keep the
 * engine's boundary.
 */
export function adjustBoundaries(
  segments: readonly PhoneSegment[],
  expected: (index: number) => readonly string[],
  reach = 2,
): PhoneSegment[] {
  const result = segments.map((segment) => ({ ...segment }));
  for (let i = 0; i + 1 < result.length; i++) {
    const left = result[i]!.token;
    const right = result[i + 1]!.token;
    if (left === null || right === null || left === right) continue;
    // The run of phones owned by `left` ending at i, and by `right` starting at i + 1.
    let leftStart = i;
    while (leftStart > 0 && result[leftStart - 1]!.token === left) leftStart--;
    let rightEnd = i + 1;
    while (rightEnd + 1 < result.length && result[rightEnd + 1]!.token === right) rightEnd++;
    const phones = result.slice(leftStart, rightEnd + 1).map((segment) => segment.phone);
    const engineCut = i + 1 - leftStart;
    const leftWant = expected(left);
    const rightWant = expected(right);
    let bestCut = engineCut;
    let bestCost = Infinity;
    for (let cut = Math.max(1, engineCut - reach); cut <= Math.min(phones.length - 1, engineCut + reach); cut++) {
      const cost =
        editDistance(leftWant, phones.slice(0, cut)) +
        editDistance(rightWant, phones.slice(cut)) +
        0.01 * Math.abs(cut - engineCut);
      if (cost < bestCost) {
        bestCost = cost;
        bestCut = cut;
      }
    }
    for (let position = leftStart; position <= rightEnd; position++) {
      result[position]!.token = position - leftStart < bestCut ? left : right;
    }
  }
  return result;
}

/** For each phone, which word (0-based within the group) it belongs to; words keep their order. */
export function bestSplit(phones: readonly string[], expected: readonly (readonly string[])[], needsPhone: readonly boolean[]): number[] {
  const n = phones.length;
  const k = expected.length;
  const cost: number[][] = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(Infinity));
  const from: number[][] = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(0));
  cost[0]![0] = 0;
  for (let word = 1; word <= k; word++) {
    const minimum = needsPhone[word - 1] ? 1 : 0;
    for (let end = 0; end <= n; end++) {
      for (let start = 0; start <= end - minimum; start++) {
        const before = cost[word - 1]![start]!;
        if (before === Infinity) continue;
        const total = before + editDistance(expected[word - 1]!, phones.slice(start, end));
        if (total < cost[word]![end]!) {
          cost[word]![end] = total;
          from[word]![end] = start;
        }
      }
    }
  }
  if (cost[k]![n] === Infinity) {
    // More audible words than phones: keep the engine's own assignment order as far as it goes.
    return phones.map((_, position) => Math.min(position, k - 1));
  }
  const owners = new Array<number>(n).fill(0);
  let end = n;
  for (let word = k; word >= 1; word--) {
    const start = from[word]![end]!;
    for (let position = start; position < end; position++) owners[position] = word - 1;
    end = start;
  }
  return owners;
}

function editDistance(a: readonly string[], b: readonly string[]): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      const substitution = diagonal + (basePhone(a[i - 1]!) === basePhone(b[j - 1]!) ? 0 : 1);
      row[j] = Math.min(substitution, above + 1, row[j - 1]! + 1);
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** Drops espeak-ng's stress and variant marks (`@2`, `a#`, `3:`) so weak and strong forms compare equal. */
function basePhone(phone: string): string {
  return phone.replace(/[0-9#:;]+$/u, '') || phone;
}
