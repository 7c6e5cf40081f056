/**
 * `npx tsx scripts/profile-ui-save.ts [--size 3h] [--rounds 3] [--dist DIR]`
 *
 * The main thread after each edit kind of `npm run bench:ui`, autosave included: runs
 * bench-ui-editor's edits on a scale fixture and prints, per kind, the longest task the
 * page's own long-task observer saw from the input until 600 ms later (the edit, its
 * paint and its save). A tool for finding long tasks, not a benchmark.
 */
import { measureEditor, type EditKind } from './bench-ui-editor.ts';
import { measureLoad } from './bench-ui-measure.ts';
import { option, probedPage, runProfile } from './profile-common.ts';

async function main() {
  const rounds = Number(option('--rounds', '3'));
  await runProfile('verbatim-profile-save', '3h', async ({ fixtureUrl, browser }) => {
    const { context, page } = await probedPage(browser);
    await measureLoad(page, fixtureUrl);
    const longest = new Map<EditKind, number[]>();
    let since = 0;
    await measureEditor(page, 'Maria Alvarez', 'the', rounds, {
      before: async () => {
        since = await page.evaluate(() => performance.now());
      },
      after: async (kind) => {
        await page.waitForTimeout(600);
        const tasks = await page.evaluate((from) => window.__bench.longTasks.filter((task) => task.start >= from), since);
        longest.set(kind, [...(longest.get(kind) ?? []), Math.max(0, ...tasks.map((task) => task.duration))]);
      },
    });
    for (const [kind, values] of longest) console.log(`${kind.padEnd(14)} longest task within 600 ms: ${values.map((ms) => ms.toFixed(0)).join(', ')} ms`);
    await context.close();
  });
}

await main();
