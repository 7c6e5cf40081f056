/**
 * Prints which folder of src/ imports which (edge counts) and the largest modules,
 * for architecture reviews: `npx tsx scripts/module-graph.ts [--top 15]`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', 'src');
const top = Number(process.argv[process.argv.indexOf('--top') + 1]) || 15;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const folderOf = (file: string) => relative(root, file).split('/')[0]!.replace(/\.tsx?$/, '(root)');
const files = walk(root);
const edges = new Map<string, number>();
const sizes: Array<[string, number]> = [];
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const isTest = /\.test\.tsx?$/.test(file);
  if (!isTest) sizes.push([relative(root, file), text.split('\n').length]);
  for (const match of text.matchAll(/^\s*(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]/gm)) {
    const target = resolve(dirname(file), match[1]!);
    if (!target.startsWith(root)) continue;
    const from = folderOf(file);
    const to = folderOf(target);
    if (from === to) continue;
    const key = `${from}${isTest ? ' (tests)' : ''} -> ${to}`;
    edges.set(key, (edges.get(key) ?? 0) + 1);
  }
}
console.log('Folder imports (count of import statements):');
for (const [edge, count] of [...edges].sort()) console.log(`  ${edge}: ${count}`);
console.log(`\nLargest modules (lines, tests excluded), top ${top}:`);
for (const [file, lines] of sizes.sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${String(lines).padStart(5)}  ${file}`);
console.log(`\nModules over 300 lines: ${sizes.filter(([, lines]) => lines > 300).length} of ${sizes.length}`);
