import { PLAYER_CSS } from '../transcript/writers/player-css.ts';

export { PLAYER_CSS };

let sheet: CSSStyleSheet | undefined;

/**
 * Adds the stylesheet to the document once. A constructed sheet, not a `<style>`
 * element, so the exported page's Content-Security-Policy needs no style allowance.
 */
export function adoptPlayerStyles(doc: Document): void {
  sheet ??= new CSSStyleSheet();
  if (sheet.cssRules.length === 0) sheet.replaceSync(PLAYER_CSS);
  if (!doc.adoptedStyleSheets.includes(sheet)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}
