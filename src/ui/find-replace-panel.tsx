import { useId, useMemo, useState } from 'react';
import { findError, findMatches, findReplace, type FindOptions } from '../transcript/edit/find-replace.ts';
import { useStoreApi, useAppStore } from './app-context.ts';
import { useEditorCommands } from './editor-context.ts';

/** Find and replace across the transcript; "Replace all" is one undo step and keeps word times. */
export function FindReplacePanel() {
  const appStore = useStoreApi();
  const transcript = useAppStore((state) => state.transcript);
  const commands = useEditorCommands();
  const [find, setFind] = useState('');
  const [replace, setReplace] = useState('');
  const [options, setOptions] = useState<FindOptions>({ caseSensitive: false, wholeWord: false, regex: false });
  const [cursor, setCursor] = useState(0);
  const id = useId();
  const error = find ? findError(find, options) : undefined;
  const matches = useMemo(() => (find && !error ? findMatches(transcript, find, options) : []), [transcript, find, options, error]);

  const go = (direction: 1 | -1) => {
    if (matches.length === 0) return;
    const next = (cursor + direction + matches.length) % matches.length;
    setCursor(next);
    appStore.getState().select(matches[next]!.entryIndex);
  };
  const replaceAll = () => {
    if (!commands || matches.length === 0) return;
    let count = 0;
    commands.edit((t) => {
      const result = findReplace(t, find, replace, options);
      count = result.count;
      return result.transcript;
    });
    appStore.getState().notify('info', `Replaced ${count} match${count === 1 ? '' : 'es'}.`);
  };
  const toggle = (key: keyof FindOptions) => setOptions((current) => ({ ...current, [key]: !current[key] }));

  return (
    <section className="panel" aria-label="Find and replace">
      <div className="panel__row">
        <label htmlFor={`${id}-find`}>Find</label>
        <input
          id={`${id}-find`}
          autoFocus
          value={find}
          aria-invalid={error ? true : undefined}
          onChange={(event) => {
            setFind(event.target.value);
            setCursor(0);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') go(event.shiftKey ? -1 : 1);
          }}
        />
        <label htmlFor={`${id}-replace`}>Replace with</label>
        <input id={`${id}-replace`} value={replace} onChange={(event) => setReplace(event.target.value)} />
        <span className="panel__count" aria-live="polite">
          {error ? `Invalid pattern: ${error}` : find ? `${matches.length} match${matches.length === 1 ? '' : 'es'}` : ''}
        </span>
      </div>
      <div className="panel__row">
        <label className="check">
          <input type="checkbox" checked={!!options.caseSensitive} onChange={() => toggle('caseSensitive')} /> Match case
        </label>
        <label className="check">
          <input type="checkbox" checked={!!options.wholeWord} onChange={() => toggle('wholeWord')} /> Whole words
        </label>
        <label className="check">
          <input type="checkbox" checked={!!options.regex} onChange={() => toggle('regex')} /> Regular expression
        </label>
        <button type="button" className="mini-button" onClick={() => go(-1)} disabled={matches.length === 0}>
          Previous
        </button>
        <button type="button" className="mini-button" onClick={() => go(1)} disabled={matches.length === 0}>
          Next
        </button>
        <button type="button" className="mini-button mini-button--primary" onClick={replaceAll} disabled={matches.length === 0}>
          Replace all
        </button>
      </div>
    </section>
  );
}
