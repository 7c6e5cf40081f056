import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core (WCAG 2.0–2.2 A/AA rules plus best practices) on the page as it is now. */
export async function runAxe(page: Page, include?: string): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async (context) => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(context ? { include: [context] } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map(({ id, impact, help, nodes }) => ({ id, impact: impact ?? null, help, nodes: nodes.map((node) => ({ target: node.target as string[] })) }));
  }, include);
}

/** `critical 0 · serious 1 (color-contrast ×2) · …` */
export function describeViolations(violations: readonly AxeViolation[]): string {
  const impacts = ['critical', 'serious', 'moderate', 'minor'];
  return impacts
    .map((impact) => {
      const found = violations.filter((violation) => violation.impact === impact);
      const detail = found.map((violation) => `${violation.id} ×${violation.nodes.length}`).join(', ');
      return `${impact} ${found.length}${detail ? ` (${detail})` : ''}`;
    })
    .join(' · ');
}

export function blocking(violations: readonly AxeViolation[]): AxeViolation[] {
  return violations.filter((violation) => violation.impact === 'critical' || violation.impact === 'serious');
}
