/**
 * A small, tolerant HTML tokenizer for the HTML transcript formats. Importers run in
 * Node and in workers, so there is no DOM to lean on. One left-to-right pass with
 * `indexOf` and sticky regular expressions: linear in the input, whatever it holds
 * (unclosed tags, quotes or comments simply run to the end of the text).
 */
import { decodeHTML, decodeHTMLAttribute } from 'entities';

export type HtmlToken =
  | { kind: 'open'; name: string; attributes: Record<string, string>; selfClosing: boolean; offset: number }
  | { kind: 'close'; name: string; offset: number }
  | { kind: 'text'; text: string; offset: number };

/** Elements whose content is not markup; their text is skipped. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'template']);

const TAG_NAME = /[A-Za-z][^\s/>]*/uy;
const ATTRIBUTE_NAME = /[^\s/>=][^\s/>=]*/uy;
const SPACE = /[\s/]*/uy;
const UNQUOTED_VALUE = /[^\s>]*/uy;

function matchAt(pattern: RegExp, text: string, at: number): string {
  pattern.lastIndex = at;
  const match = pattern.exec(text);
  return match ? match[0] : '';
}

export function tokenizeHtml(html: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  let at = 0;
  let textStart = 0;
  const flushText = (end: number): void => {
    if (end > textStart) tokens.push({ kind: 'text', text: decodeHTML(html.slice(textStart, end)), offset: textStart });
  };

  while (at < html.length) {
    const open = html.indexOf('<', at);
    if (open === -1) break;
    const next = html[open + 1] ?? '';

    if (html.startsWith('<!--', open)) {
      flushText(open);
      const close = html.indexOf('-->', open + 4);
      at = close === -1 ? html.length : close + 3;
      textStart = at;
      continue;
    }
    if (next === '!' || next === '?') {
      flushText(open);
      const close = html.indexOf('>', open + 2);
      at = close === -1 ? html.length : close + 1;
      textStart = at;
      continue;
    }
    if (next === '/') {
      const name = matchAt(TAG_NAME, html, open + 2);
      if (name.length === 0) {
        at = open + 1;
        continue;
      }
      flushText(open);
      const close = html.indexOf('>', open + 2 + name.length);
      tokens.push({ kind: 'close', name: name.toLowerCase(), offset: open });
      at = close === -1 ? html.length : close + 1;
      textStart = at;
      continue;
    }
    const name = matchAt(TAG_NAME, html, open + 1);
    if (name.length === 0) {
      at = open + 1;
      continue;
    }
    flushText(open);
    const attributes: Record<string, string> = {};
    let cursor = open + 1 + name.length;
    let selfClosing = false;
    for (;;) {
      cursor += matchAt(SPACE, html, cursor).length;
      if (cursor >= html.length) break;
      if (html[cursor] === '>') {
        selfClosing = html[cursor - 1] === '/';
        cursor += 1;
        break;
      }
      const attributeName = matchAt(ATTRIBUTE_NAME, html, cursor);
      if (attributeName.length === 0) {
        // A stray `=`: skip it so the loop always advances.
        cursor += 1;
        continue;
      }
      cursor += attributeName.length;
      let value = '';
      const afterName = cursor + matchAt(/\s*/uy, html, cursor).length;
      if (html[afterName] === '=') {
        cursor = afterName + 1;
        cursor += matchAt(/\s*/uy, html, cursor).length;
        const quote = html[cursor];
        if (quote === '"' || quote === "'") {
          const end = html.indexOf(quote, cursor + 1);
          const stop = end === -1 ? html.length : end;
          value = html.slice(cursor + 1, stop);
          cursor = end === -1 ? html.length : end + 1;
        } else {
          value = matchAt(UNQUOTED_VALUE, html, cursor);
          cursor += value.length;
        }
      }
      const key = attributeName.toLowerCase();
      if (!(key in attributes)) attributes[key] = decodeHTMLAttribute(value);
    }
    const lowerName = name.toLowerCase();
    tokens.push({ kind: 'open', name: lowerName, attributes, selfClosing, offset: open });
    at = cursor;
    textStart = at;
    if (RAW_TEXT.has(lowerName) && !selfClosing) {
      const closePattern = new RegExp(`</${lowerName}(?=[\\s/>]|$)`, 'giu');
      closePattern.lastIndex = at;
      const close = closePattern.exec(html);
      at = close ? close.index : html.length;
      textStart = at;
    }
  }
  flushText(html.length);
  return tokens;
}

/** Maps character offsets to 1-based lines with one precomputed index and binary search. */
export function lineLocator(text: string): (offset: number) => number {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}

/** True when the class attribute lists `name`. */
export function hasClass(attributes: Record<string, string>, name: string): boolean {
  return (attributes.class ?? '').split(/\s+/u).includes(name);
}
