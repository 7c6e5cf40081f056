/**
 * Prints the median time to parse the NPR seed transcript with the plain-text importer.
 * Run: npx tsx scripts/bench-parse-seed.ts [runs]
 */
import { readFileSync } from 'node:fs';
import { parseNprText } from '../src/transcript/formats/npr-text.ts';

const runs = Number(process.argv[2] ?? 200);
const text = readFileSync(new URL('../test/fixtures/seed/npr-russia-venezuela.txt', import.meta.url), 'utf8');

// Warm up so the JIT has compiled the parser before timing starts.
for (let i = 0; i < 50; i += 1) parseNprText(text);

const times: number[] = [];
for (let i = 0; i < runs; i += 1) {
  const start = performance.now();
  const result = parseNprText(text);
  times.push(performance.now() - start);
  if (!result.ok) throw new Error(result.error.message);
}
times.sort((a, b) => a - b);
const at = (q: number): number => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
console.log(
  `parseNprText(seed, ${text.length} chars) over ${runs} runs: median ${at(0.5).toFixed(3)} ms, ` +
    `p10 ${at(0.1).toFixed(3)} ms, p90 ${at(0.9).toFixed(3)} ms, min ${at(0).toFixed(3)} ms`,
);
