/**
 * Bidirectional-text isolation for names and text shown inline with other text.
 *
 * A speaker name like `Bob\u202E` (right-to-left override) would otherwise reorder the text after
 * it, so one name could pose as another. Where markup can isolate (`unicode-bidi: isolate`, `<bdi>`)
 * the UI uses that; plain-text places (an `<option>`, a caption line, a tooltip) use this.
 */
const FIRST_STRONG_ISOLATE = '\u2068';
const POP_DIRECTIONAL_ISOLATE = '\u2069';

/** Embeddings, overrides, isolates and marks, and the scripts written right to left. */
const NEEDS_ISOLATION = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;

/** The text wrapped in an isolate when it could affect or be affected by its neighbours; otherwise as it is. */
export function isolateBidi(text: string): string {
  return NEEDS_ISOLATION.test(text) ? `${FIRST_STRONG_ISOLATE}${text}${POP_DIRECTIONAL_ISOLATE}` : text;
}
