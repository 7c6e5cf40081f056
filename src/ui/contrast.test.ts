import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { speakerHue } from './speaker-color.ts';

/**
 * WCAG contrast of the theme's colour pairs, in light and dark mode, read from
 * the stylesheet itself so a palette change cannot silently break legibility.
 */
const css = readFileSync(join(import.meta.dirname, 'styles.css'), 'utf8');

function variables(block: string): Map<string, string> {
  const vars = new Map<string, string>();
  for (const match of block.matchAll(/--([\w-]+):\s*([^;]+);/g)) vars.set(match[1]!, match[2]!.trim());
  return vars;
}

const light = variables(css.slice(css.indexOf(':root {'), css.indexOf('}', css.indexOf(':root {'))));
const darkStart = css.indexOf(':root {', css.indexOf('prefers-color-scheme: dark'));
const dark = new Map([...light, ...variables(css.slice(darkStart, css.indexOf('}', darkStart)))]);

type Rgb = [number, number, number];

function parseColor(value: string): Rgb {
  const hex = /^#([0-9a-f]{6})$/i.exec(value);
  if (hex) return [0, 2, 4].map((i) => parseInt(hex[1]!.slice(i, i + 2), 16)) as Rgb;
  const hsl = /^hsl\((\d+(?:\.\d+)?)\s+(\d+(?:\.\d+)?)%\s+(\d+(?:\.\d+)?)%\)$/.exec(value);
  if (hsl) return hslToRgb(Number(hsl[1]), Number(hsl[2]) / 100, Number(hsl[3]) / 100);
  throw new Error(`cannot read colour ${value}`);
}

function hslToRgb(h: number, s: number, l: number): Rgb {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}

function luminance([r, g, b]: Rgb): number {
  const channel = (c: number) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(parseColor(a)), luminance(parseColor(b))];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

const TEXT_PAIRS: [string, string][] = [
  ['text', 'bg'],
  ['text', 'surface'],
  ['text', 'active-bg'],
  ['text-muted', 'bg'],
  ['text-muted', 'surface'],
  ['text-muted', 'active-bg'],
  ['text-muted', 'surface-2'],
  ['accent-text', 'accent'],
  ['word-text', 'word-bg'],
  ['error-text', 'error-bg'],
  ['text', 'info-bg'],
];

describe.each([
  ['light', light],
  ['dark', dark],
])('%s theme', (_, vars) => {
  const color = (name: string) => {
    const value = vars.get(name);
    if (!value) throw new Error(`--${name} is not defined`);
    return value;
  };

  it.each(TEXT_PAIRS)('--%s on --%s meets WCAG AA (4.5:1)', (fg, bg) => {
    expect(contrast(color(fg), color(bg))).toBeGreaterThanOrEqual(4.5);
  });

  it('speaker names meet AA on the page and on the active turn', () => {
    const s = color('speaker-s');
    const l = color('speaker-l');
    for (let speaker = 0; speaker < 8; speaker++) {
      const name = `hsl(${speakerHue(speaker)} ${s} ${l})`;
      expect(contrast(name, color('bg')), `speaker ${speaker} on bg`).toBeGreaterThanOrEqual(4.5);
      expect(contrast(name, color('active-bg')), `speaker ${speaker} on active-bg`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('focus ring and active border stand out from the page (3:1)', () => {
    expect(contrast(color('focus'), color('bg'))).toBeGreaterThanOrEqual(3);
    expect(contrast(color('active-border'), color('active-bg'))).toBeGreaterThanOrEqual(1.5);
  });
});
