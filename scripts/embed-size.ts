/**
 * Prints the gzipped size of `<verbatim-player>` as a page loads it: the module and
 * its static imports (the budget: 40 kB, CSS included since it is inlined), then
 * what each lazily loaded reader or the waveform adds. Run after `npm run build`.
 *
 *   npm run size
 *
 * Exit status 1 when the module is over budget.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 40 * 1024;
const dir = join(import.meta.dirname, '../dist/embed');
const entry = join(dir, 'verbatim-player.js');

function gz(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).byteLength;
}

function imports(path: string, kind: 'static' | 'dynamic'): string[] {
  const code = readFileSync(path, 'utf8');
  // Minified output quotes with ", ' or `.
  const pattern =
    kind === 'static'
      ? /(?:^|[;}\s])(?:import|export)\s*(?:[^'"`()]*?from\s*)?["'`](\.[^"'`]+)["'`]/gu
      : /import\(\s*["'`](\.[^"'`]+)["'`]\s*\)/gu;
  return [...code.matchAll(pattern)].map((match) => join(dirname(path), match[1]!));
}

/** The file and everything it imports statically. */
function closure(path: string, seen = new Set<string>()): Set<string> {
  if (seen.has(path)) return seen;
  seen.add(path);
  for (const next of imports(path, 'static')) closure(next, seen);
  return seen;
}

function total(files: Iterable<string>): number {
  let sum = 0;
  for (const file of files) sum += gz(file);
  return sum;
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

if (!existsSync(entry)) {
  console.error('size: dist/embed/verbatim-player.js is missing; run `npm run build` first');
  process.exit(2);
}
const base = closure(entry);
const baseSize = total(base);
console.log(`verbatim-player.js + static imports (${base.size} file${base.size === 1 ? '' : 's'}), gzipped: ${kB(baseSize)} of ${kB(BUDGET)} budget`);
const lazy = new Set<string>();
for (const file of base) for (const next of imports(file, 'dynamic')) lazy.add(next);
for (const chunk of lazy) {
  const extra = [...closure(chunk)].filter((file) => !base.has(file));
  console.log(`  + ${relative(dir, chunk)} on demand: +${kB(total(extra))} (page total ${kB(baseSize + total(extra))})`);
}
const inline = join(dir, 'verbatim-player.inline.js');
if (existsSync(inline)) console.log(`verbatim-player.inline.js (inlined by HTML exports), gzipped: ${kB(gz(inline))}`);
if (baseSize > BUDGET) {
  console.error(`size: over budget by ${kB(baseSize - BUDGET)}`);
  process.exit(1);
}
