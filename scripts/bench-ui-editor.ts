/**
 * Verbatim-only measurements of `npm run bench:ui`: rows re-rendered per active-turn
 * change (profiling build), entering editor mode and dragging a region (the steps of
 * bench-editor.ts), and edit latency: input event -> the first painted frame that
 * shows the edit's result, for every edit kind the issue names.
 */
import type { Page } from 'playwright-core';
import { dragRegionEdge, pressToEnterEditor } from './bench-editor.ts';
import { percentile } from './bench-ui-measure.ts';

export interface RowFigures {
  rowsPerChange: number;
  rowsBetweenChanges: number;
  /** Rows mounted per second of playback (follow-scrolling brings them in): not re-renders. */
  mountsPerSecond: number;
  changes: number;
}

/**
 * Plays `seconds` from the middle in the profiling build. An active-turn change is a
 * commit that moves aria-current on the turn rows: onto a row, off one, or both (turns
 * with a pause between them go turn -> none -> next turn, two changes of one row each).
 * A turn-row commit belongs to a change when the mutation observer, which runs right
 * after React's commit, sees such a move within a few ms of its commitTime.
 */
export async function measureRowRenders(page: Page, seconds = 15): Promise<RowFigures> {
  return page.evaluate(async (ms) => {
    const audio = document.querySelector('audio')!;
    audio.currentTime = audio.duration / 2;
    await new Promise((resolve) => audio.addEventListener('seeked', resolve, { once: true }));
    await new Promise((resolve) => setTimeout(resolve, 800));
    const changes: number[] = [];
    const observer = new MutationObserver((records) => {
      const moved = records.some(
        (r) => r.target instanceof HTMLElement && r.target.matches('article[data-turn-index]') && r.oldValue !== r.target.getAttribute('aria-current'),
      );
      if (moved) changes.push(performance.now());
    });
    observer.observe(document.querySelector('.transcript__list')!, { subtree: true, attributes: true, attributeOldValue: true, attributeFilter: ['aria-current'] });
    const renders = (window.__verbatimRowRenders ??= []);
    renders.length = 0;
    const startedAt = performance.now();
    await audio.play();
    await new Promise((resolve) => setTimeout(resolve, ms));
    audio.pause();
    observer.disconnect();
    const updates = renders.filter((r) => r.phase !== 'mount');
    const inChange = updates.filter((r) => changes.some((at) => at >= r.commitTime && at - r.commitTime < 30)).length;
    return {
      rowsPerChange: changes.length ? inChange / changes.length : NaN,
      rowsBetweenChanges: changes.length ? (updates.length - inChange) / changes.length : NaN,
      mountsPerSecond: renders.filter((r) => r.phase === 'mount').length / ((performance.now() - startedAt) / 1000),
      changes: changes.length,
    };
  }, seconds * 1000);
}

/**
 * Arms the page for one edit: the next keydown/pointerdown is the input; `done` (an
 * expression over `document`, true once the edit shows) is checked after every painted
 * frame. Resolves with input -> that frame, in ms.
 */
async function timeInputToPaint(page: Page, done: string, act: () => Promise<void>): Promise<number> {
  // An expression handed to evaluate goes through DevTools, not the page's eval: the app's
  // Content-Security-Policy (no eval / new Function) does not stop it.
  await page.evaluate(`window.__editDone = () => (${done});`);
  await page.evaluate(() => {
    const w = window as unknown as { __edit: Promise<number>; __editDone: () => boolean };
    w.__edit = new Promise((resolve) => {
      const onInput = (event: Event) => {
        window.removeEventListener('keydown', onInput, true);
        window.removeEventListener('pointerdown', onInput, true);
        const inputAt = event.timeStamp;
        const poll = () =>
          window.__bench.afterPaint((now) => {
            if (w.__editDone()) resolve(now - inputAt);
            else if (now - inputAt > 20_000) resolve(NaN);
            else poll();
          });
        poll();
      };
      window.addEventListener('keydown', onInput, true);
      window.addEventListener('pointerdown', onInput, true);
    });
  });
  await act();
  return page.evaluate(() => (window as unknown as { __edit: Promise<number> }).__edit);
}

export const EDIT_KINDS = ['select', 'F2', 'type', 'split', 'merge', 'undo', 'redo', 'renameSpeaker', 'replaceAll'] as const;
export type EditKind = (typeof EDIT_KINDS)[number];

export interface EditorFigures {
  editorEnterMs: number;
  dragP95FrameMs: number;
  /** p95 per kind over `rounds` rounds. */
  editMs: Record<EditKind, number>;
}

/** Enters editor mode, drags a region edge both ways, then runs `rounds` rounds of every edit kind. */
/** Called around every measured edit (scripts/profile-ui-edits.ts records a CPU profile in between). */
export interface EditHooks {
  before(kind: EditKind): Promise<void>;
  after(kind: EditKind): Promise<void>;
}

export async function measureEditor(page: Page, hostName: string, commonWord: string, rounds = 3, hooks?: EditHooks): Promise<EditorFigures> {
  const log = process.env.BENCH_UI_DEBUG ? (line: string) => console.log(`    ${line}`) : () => undefined;
  const entered = await pressToEnterEditor(page);
  log(`entered ${entered.ms.toFixed(0)} ms`);
  await page
    .getByTestId('waveform-toolbar')
    .getByText(/pauses found|\d pauses|pauses unavailable/)
    .waitFor({ timeout: 30_000 })
    .catch(() => undefined);
  log('pauses analysed');
  const frames = [...(await dragRegionEdge(page, 1)).frames, ...(await dragRegionEdge(page, -1)).frames];
  log('dragged');
  const samples = Object.fromEntries(EDIT_KINDS.map((kind) => [kind, [] as number[]])) as Record<EditKind, number[]>;
  const timeEdit = async (kind: EditKind, done: string, act: () => Promise<void>) => {
    await hooks?.before(kind);
    const ms = await timeInputToPaint(page, done, act);
    await hooks?.after(kind);
    samples[kind].push(ms);
  };
  const toolbar = page.locator('.editor-toolbar');
  let host = hostName;
  // Edits happen mid-file; the view scrolls down from there until a host turn is in view.
  await page.evaluate(() => {
    const scroller = window.__bench.scroller()!;
    scroller.scrollTop = scroller.scrollHeight / 2;
  });
  let searches = 0;
  for (let round = 0; round < rounds; round++) {
    // A turn of the host in the middle of the view, long enough to split.
    const entry = await page.evaluate((name) => {
      const scroller = window.__bench.scroller()!;
      const box = scroller.getBoundingClientRect();
      const rows = [...document.querySelectorAll<HTMLElement>('article[data-entry-index]')].filter((row) => {
        const rect = row.getBoundingClientRect();
        return rect.top > box.top + 10 && rect.top < box.bottom - 150 && row.querySelector('.turn__speaker')?.textContent === name && row.querySelectorAll('.word').length >= 6;
      });
      return rows[0]?.dataset.entryIndex ?? null;
    }, host);
    if (entry === null) {
      if (++searches > 80) throw new Error(`no turn of ${host} with six words in view`);
      await page.waitForTimeout(100);
      // Down from the middle; from the top again once the end is reached.
      await page.evaluate(() => {
        const scroller = window.__bench.scroller()!;
        scroller.scrollTop = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1 ? 0 : scroller.scrollTop + 200;
      });
      round--;
      continue;
    }
    log(`round ${round}: turn ${entry}`);
    const row = `document.querySelector('article[data-entry-index="${entry}"]')`;
    const word = page.locator(`article[data-entry-index="${entry}"] .word`).nth(2);
    await timeEdit('select', `${row}?.dataset.selected === 'true' && !!${row}.querySelector('.turn-editor')`, () => word.click());
    await timeEdit('F2', `!!document.querySelector('textarea[aria-label="Turn text"]')`, () => page.keyboard.press('F2'));
    // F2 does not always leave the caret in the text (issue 9 is fixing that); focusing it is not the measured input.
    await page.locator('textarea[aria-label="Turn text"]').focus();
    log(`select ${samples.select.at(-1)?.toFixed(0)} ms, F2 ${samples.F2.at(-1)?.toFixed(0)} ms`);
    const length = await page.evaluate(() => (document.activeElement as HTMLTextAreaElement).value.length);
    await timeEdit('type', `document.activeElement.value.length === ${length + 1}`, () => page.keyboard.type('x'));
    // The caret goes to the middle of the text; that is not the measured input. The split then
    // leaves `first` words in this turn's row, merging puts back all `total` (the rows are
    // virtualized, so counting words of the row is what shows each step on screen).
    const { first, total } = await page.evaluate(() => {
      const area = document.activeElement as HTMLTextAreaElement;
      const after = area.value.indexOf(' ', area.value.length >> 1);
      const middle = after > 0 ? after : area.value.lastIndexOf(' ');
      area.setSelectionRange(middle, middle);
      const words = (text: string) => text.split(/\s+/u).filter(Boolean).length;
      return { first: words(area.value.slice(0, middle)), total: words(area.value) };
    });
    const wordsInRow = (count: number) => `${row}?.querySelectorAll('.word').length === ${count}`;
    await timeEdit('split', wordsInRow(first), () => page.keyboard.press('Control+Enter'));
    const merge = page.locator(`article[data-entry-index="${entry}"] .turn-editor`).getByRole('button', { name: 'Merge with next' });
    if ((await merge.count()) === 0) await word.click();
    await timeEdit('merge', wordsInRow(total), () => merge.click());
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await timeEdit('undo', wordsInRow(first), () => page.keyboard.press('Control+z'));
    await timeEdit('redo', wordsInRow(total), () => page.keyboard.press('Control+Shift+z'));

    log('text edits done');
    // Rename the host (≈ a quarter of all turns) and back on the next round.
    const [from, to] = round % 2 === 0 ? [hostName, `${hostName} Jr`] : [`${hostName} Jr`, hostName];
    await toolbar.getByRole('button', { name: 'Speakers…' }).click();
    const input = page.getByLabel(`Name of ${from}`);
    await input.click();
    await page.keyboard.press('End');
    if (to.length > from.length) await page.keyboard.type(to.slice(from.length));
    else for (let i = 0; i < from.length - to.length; i++) await page.keyboard.press('Backspace');
    await timeEdit('renameSpeaker', `[...document.querySelectorAll('.turn__speaker')].some((el) => el.textContent === ${JSON.stringify(to)})`, () => page.keyboard.press('Enter'));
    await toolbar.getByRole('button', { name: 'Speakers…' }).click();
    host = to;

    log('renamed');
    // Replace a common word everywhere (whole words), and back on the next round.
    const [find, replace] = round % 2 === 0 ? [commonWord, `${commonWord}e`] : [`${commonWord}e`, commonWord];
    await toolbar.getByRole('button', { name: 'Find & replace…' }).click();
    const panel = page.getByRole('region', { name: 'Find and replace' });
    await panel.getByLabel('Whole words').check();
    await panel.getByLabel('Find', { exact: true }).click();
    await page.keyboard.type(find);
    await panel.getByLabel('Replace with', { exact: true }).click();
    await page.keyboard.type(replace);
    await timeEdit('replaceAll', `[...document.querySelectorAll('.notice__text')].some((el) => el.textContent.startsWith('Replaced'))`, () =>
      panel.getByRole('button', { name: 'Replace all' }).click(),
    );
    // The docked panel closes with Esc (its × sits outside the find region); focus is still inside it.
    await page.keyboard.press('Escape');
    await page.evaluate(() => document.querySelectorAll<HTMLButtonElement>('.notice__close').forEach((button) => button.click()));
  }
  return {
    editorEnterMs: entered.ms,
    dragP95FrameMs: percentile(frames, 0.95),
    editMs: Object.fromEntries(EDIT_KINDS.map((kind) => [kind, percentile(samples[kind], 0.95)])) as Record<EditKind, number>,
  };
}
