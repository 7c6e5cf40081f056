import { createContext, useContext } from 'react';
import type { EditorCommands } from '../editor/editor-commands.ts';

export const EditorContext = createContext<EditorCommands | null>(null);

/** Editor commands; null until the app has created them. Tests pass their own. */
export function useEditorCommands(): EditorCommands | null {
  return useContext(EditorContext);
}
