/**
 * The player's stylesheet, scoped under `verbatim-player` (light DOM, so the page's
 * fonts apply and its scripts can find the DOM hooks). Everything a publisher
 * would theme is a custom property; `theme="light|dark"` overrides the system choice.
 * Colours keep WCAG AA contrast in both themes.
 */
export const PLAYER_CSS = `
:where(verbatim-player){--vp-font:inherit;--vp-size:1rem;--vp-height:28rem;--vp-radius:8px;
--vp-bg:#fff;--vp-fg:#1d1d1f;--vp-muted:#5c5c66;--vp-border:#d0d0d7;--vp-accent:#1d4ed8;
--vp-word:#ffe58a;--vp-word-fg:#1d1d1f;--vp-turn:#f3f6ff;--vp-passage:#d7e6ff;--vp-focus:#2563eb;
--vp-hover:#eef0ff;--vp-low:#b45309}
verbatim-player{display:block;font-family:var(--vp-font);font-size:var(--vp-size);color:var(--vp-fg);background:var(--vp-bg);
border:1px solid var(--vp-border);border-radius:var(--vp-radius);overflow:hidden;position:relative}
:where(verbatim-player[theme=dark]){--vp-bg:#17171a;--vp-fg:#e8e8ea;--vp-muted:#b4b4bb;--vp-border:#3a3a44;--vp-accent:#8ab4ff;
--vp-word:#6b5a10;--vp-word-fg:#fff;--vp-turn:#1f2433;--vp-passage:#23365c;--vp-focus:#8ab4ff;--vp-hover:#2a2a40;--vp-low:#fbbf24}
@media (prefers-color-scheme:dark){:where(verbatim-player:not([theme=light])){--vp-bg:#17171a;--vp-fg:#e8e8ea;--vp-muted:#b4b4bb;
--vp-border:#3a3a44;--vp-accent:#8ab4ff;--vp-word:#6b5a10;--vp-word-fg:#fff;--vp-turn:#1f2433;--vp-passage:#23365c;
--vp-focus:#8ab4ff;--vp-hover:#2a2a40;--vp-low:#fbbf24}}
verbatim-player .vp-bar{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem;padding:.5rem .75rem;border-bottom:1px solid var(--vp-border)}
verbatim-player audio{flex:1 1 16rem;min-width:12rem;height:2.25rem;color-scheme:light dark}
verbatim-player .vp-bar label{color:var(--vp-muted);font-size:.875em}
verbatim-player select,verbatim-player .vp-button{font:inherit;font-size:.875em;color:var(--vp-fg);background:var(--vp-bg);
border:1px solid var(--vp-border);border-radius:6px;padding:.25rem .5rem;cursor:pointer}
verbatim-player .vp-button:hover{background:var(--vp-hover)}
verbatim-player .vp-button[hidden]{display:none}
verbatim-player .vp-status{flex-basis:100%;color:var(--vp-muted);font-size:.875em;min-height:0}
verbatim-player .vp-status:empty{display:none}
verbatim-player .vp-wave{display:block;width:100%;height:48px;cursor:pointer}
verbatim-player .vp-scroller{max-height:var(--vp-height);overflow-y:auto;padding:.5rem .75rem 2rem;overscroll-behavior:contain}
verbatim-player .vp-back{position:absolute;right:1rem;bottom:1rem;box-shadow:0 2px 8px #0003}
verbatim-player .vp-turn,verbatim-player .vp-event{margin:0 0 .75rem;padding:.25rem .5rem;border-radius:6px;line-height:1.6;
content-visibility:auto;contain-intrinsic-size:auto 5rem}
verbatim-player .vp-event{color:var(--vp-muted);font-style:italic}
verbatim-player .vp-turn[aria-current=true]{background:var(--vp-turn)}
verbatim-player .vp-head{display:block;font-size:.875em}
verbatim-player .vp-name{font-weight:700;color:hsl(var(--vp-h,0) var(--vp-s,0%) var(--vp-l,32%))}
verbatim-player .vp-seek{font:inherit;font-variant-numeric:tabular-nums;color:var(--vp-muted);background:none;border:0;padding:0 .25rem 0 0;cursor:pointer}
verbatim-player .vp-seek:hover{color:var(--vp-accent);text-decoration:underline}
verbatim-player .vp-word{cursor:pointer;border-radius:3px}
verbatim-player .vp-word[data-start]:hover{background:var(--vp-hover)}
verbatim-player .vp-word.vp-passage{background:var(--vp-passage)}
verbatim-player .vp-word[aria-current=true]{background:var(--vp-word);color:var(--vp-word-fg)}
verbatim-player .vp-low{text-decoration:underline dotted var(--vp-low);text-underline-offset:3px}
verbatim-player .vp-para{display:block;height:.5em}
verbatim-player :focus-visible{outline:3px solid var(--vp-focus);outline-offset:2px}
${[212, 28, 140, 330, 265, 180, 55, 0]
  .map((hue, index) => `verbatim-player .vp-hue${index}{--vp-h:${hue};--vp-s:70%}`)
  .join('')}
:where(verbatim-player[theme=dark]){--vp-l:78%}
@media (prefers-color-scheme:dark){:where(verbatim-player:not([theme=light])){--vp-l:78%}}
`;
