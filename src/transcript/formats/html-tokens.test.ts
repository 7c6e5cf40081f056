import { describe, expect, it } from 'vitest';
import { hasClass, lineLocator, tokenizeHtml } from './html-tokens.ts';

describe('tokenizeHtml', () => {
  it('reads tags, attributes in every quoting style, and decodes entities', () => {
    const html = `<P Class="a b" data-m='12' data-d=3 hidden>Tom &amp; Jerry&nbsp;&#x21;</p><br/>`;
    expect(tokenizeHtml(html)).toEqual([
      { kind: 'open', name: 'p', attributes: { class: 'a b', 'data-m': '12', 'data-d': '3', hidden: '' }, selfClosing: false, offset: 0 },
      { kind: 'text', text: 'Tom & Jerry\u00a0!', offset: html.indexOf('Tom') },
      { kind: 'close', name: 'p', offset: html.indexOf('</p>') },
      { kind: 'open', name: 'br', attributes: {}, selfClosing: true, offset: html.indexOf('<br/>') },
    ]);
  });

  it('skips comments, doctypes and the content of script and style', () => {
    const tokens = tokenizeHtml('<!DOCTYPE html><!-- <p>no</p> --><script>if (a < b) "</p>"</script><style>p{}</style>yes');
    expect(tokens.filter((token) => token.kind === 'text').map((token) => token.kind === 'text' && token.text)).toEqual(['yes']);
  });

  it('keeps a lone < as text and survives unterminated constructs', () => {
    expect(tokenizeHtml('a < b')).toEqual([{ kind: 'text', text: 'a < b', offset: 0 }]);
    // A tag cut off by the end of the input is dropped, as browsers drop it.
    expect(tokenizeHtml('ok<p class="open')).toEqual([{ kind: 'text', text: 'ok', offset: 0 }]);
    expect(tokenizeHtml('<p>one</p></b><p>two')).toMatchObject([{ name: 'p' }, { text: 'one' }, { kind: 'close', name: 'p' }, { name: 'p' }, { text: 'two' }]);
    expect(tokenizeHtml('x<!-- never closed')).toEqual([{ kind: 'text', text: 'x', offset: 0 }]);
    expect(tokenizeHtml('<script>never closed')).toHaveLength(1);
  });

  it('finds class names', () => {
    expect(hasClass({ class: 'word speaker' }, 'speaker')).toBe(true);
    expect(hasClass({ class: 'speakers' }, 'speaker')).toBe(false);
    expect(hasClass({}, 'speaker')).toBe(false);
  });
});

describe('lineLocator', () => {
  it('maps offsets to 1-based lines', () => {
    const lineOf = lineLocator('a\nbc\n\nd');
    expect([0, 1, 2, 4, 5, 6].map(lineOf)).toEqual([1, 1, 2, 2, 3, 4]);
  });
});
