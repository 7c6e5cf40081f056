import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { serveBuiltApp } from './built-app.ts';
import { blocking, describeViolations, runAxe } from './axe.ts';

const app = serveBuiltApp();

interface View {
  name: string;
  /** Brings the page into the view; returns the selector to check, or undefined for the whole page. */
  open(page: Page): Promise<string | undefined>;
}

const editorMode = async (page: Page) => {
  await page.getByTestId('editor-toggle').click();
  await page.waitForSelector('[data-mode="edit"]');
};

const VIEWS: View[] = [
  { name: 'player', open: async () => undefined },
  {
    name: 'player, playing',
    open: async (page) => {
      await page.getByTestId('play-pause').click();
      await page.waitForSelector('.word[aria-current="true"]');
      await page.getByTestId('play-pause').click();
      return undefined;
    },
  },
  {
    name: 'editor mode, a turn selected',
    open: async (page) => {
      await editorMode(page);
      await page.keyboard.press('ArrowDown');
      return undefined;
    },
  },
  {
    name: 'editor mode, text editor open',
    open: async (page) => {
      await editorMode(page);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('F2');
      await page.waitForSelector('.turn textarea, .turn-editor textarea');
      return undefined;
    },
  },
  {
    name: 'speakers panel',
    open: async (page) => {
      await editorMode(page);
      await page.getByRole('button', { name: /^Speakers/u }).click();
      return undefined;
    },
  },
  {
    name: 'find and replace',
    open: async (page) => {
      await editorMode(page);
      await page.getByRole('button', { name: /^Find/u }).click();
      return undefined;
    },
  },
  {
    name: 'keyboard shortcuts dialog',
    open: async (page) => {
      await page.keyboard.press('?');
      await page.waitForSelector('dialog[open]');
      return 'dialog[open]';
    },
  },
  {
    name: 'paste dialog',
    open: async (page) => {
      await page.getByRole('button', { name: /^Paste/u }).click();
      await page.waitForSelector('dialog[open]');
      return 'dialog[open]';
    },
  },
  {
    name: 'podcast feed dialog',
    open: async (page) => {
      await page.getByRole('button', { name: /^Podcast/u }).click();
      await page.waitForSelector('dialog[open]');
      return 'dialog[open]';
    },
  },
  {
    name: 'recent projects menu',
    open: async (page) => {
      await page.getByTestId('recent-button').click();
      return undefined;
    },
  },
  {
    name: 'export menu',
    open: async (page) => {
      await page.getByTestId('export-button').click();
      return undefined;
    },
  },
  {
    name: 'phone: the More menu open',
    open: async (page) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByTestId('more-button').click();
      await page.waitForSelector('[role="menu"]');
      return undefined;
    },
  },
  {
    name: 'phone: editor mode with Find open below the transcript',
    open: async (page) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await editorMode(page);
      await page.getByRole('button', { name: /^Find/u }).click();
      return undefined;
    },
  },
  {
    name: 'waveform placeholder',
    open: async (page) => {
      // Reload with the audio held back, so the placeholder is what is on screen.
      await page.route('**/demo/seed.opus', () => undefined);
      await page.reload();
      await page.getByTestId('waveform-placeholder').waitFor();
      return undefined;
    },
  },
];

describe('accessibility (axe-core)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`has no critical or serious violations in any view, ${scheme} theme`, async () => {
      const context = await app.browser.newContext({ colorScheme: scheme, bypassCSP: true, viewport: { width: 1366, height: 768 } });
      const failures: string[] = [];
      for (const view of VIEWS) {
        const page = await context.newPage();
        await page.goto(app.url);
        await page.waitForSelector('[data-turn-index]');
        await page.waitForFunction(() => (document.querySelector('audio')?.readyState ?? 0) >= 1);
        let include: string | undefined;
        try {
          include = await view.open(page);
        } catch (error) {
          failures.push(`${view.name}: could not be opened (${(error as Error).message.split('\n')[0]})`);
          await page.close();
          continue;
        }
        const violations = await runAxe(page, include);
        console.log(`# axe ${scheme} · ${view.name}: ${describeViolations(violations)}`);
        if (process.env.AXE_DETAIL) console.log(JSON.stringify(violations, null, 1));
        for (const violation of blocking(violations)) {
          failures.push(`${view.name}: ${violation.id} (${violation.impact}) ${violation.help} — ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join('; ')}`);
        }
        await page.close();
      }
      await context.close();
      assert.deepEqual(failures, []);
    });
  }
});
