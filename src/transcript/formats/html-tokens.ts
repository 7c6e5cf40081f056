/**
 * HTML tokens for the HTML transcript formats, from htmlparser2's tokenizer and
 * parser (MIT, built on `entities`). Importers run in Node and in workers, so there
 * is no DOM to lean on; htmlparser2 is a streaming, spec-following tokenizer that
 * needs none and is linear in the input. This module only flattens its callbacks
 * into the token list the importers walk: tags the parser merely implies (auto-closed
 * paragraphs, a `</p>` with no `<p>`) are left out, as are the contents of raw-text
 * elements (script, style, textarea, title, template). Text is decoded; a tag still
 * open at the end of the input is dropped, as browsers do.
 *
 * Replaced a hand-written tokenizer in Dec 2026: same tokens on every HTML fixture,
 * about the same speed, +9 KB gzip in the main bundle (README, "Libraries").
 */
import { Parser } from 'htmlparser2';

export type HtmlToken =
  | { kind: 'open'; name: string; attributes: Record<string, string>; selfClosing: boolean; offset: number }
  | { kind: 'close'; name: string; offset: number }
  | { kind: 'text'; text: string; offset: number };

/** Elements whose content is not markup; their text is skipped. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'template']);

export function tokenizeHtml(html: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  let skipping: string | undefined;
  let text: { kind: 'text'; text: string; offset: number } | undefined;
  const flush = () => {
    if (text) tokens.push(text);
    text = undefined;
  };
  const parser: Parser = new Parser(
    {
      onopentag(name, attributes, isImplied) {
        if (isImplied || skipping !== undefined) return;
        flush();
        const selfClosing = html[parser.endIndex - 1] === '/';
        tokens.push({ kind: 'open', name, attributes, selfClosing, offset: parser.startIndex });
        if (RAW_TEXT.has(name) && !selfClosing) skipping = name;
      },
      onclosetag(name, isImplied) {
        if (skipping !== undefined) {
          if (name !== skipping) return;
          skipping = undefined;
        }
        if (isImplied) return;
        flush();
        tokens.push({ kind: 'close', name, offset: parser.startIndex });
      },
      ontext(data) {
        if (skipping !== undefined) return;
        if (text) text.text += data;
        else text = { kind: 'text', text: data, offset: parser.startIndex };
      },
      oncomment: flush,
      onprocessinginstruction: flush,
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.end(html);
  flush();
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
