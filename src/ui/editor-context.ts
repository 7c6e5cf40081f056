import { useContext } from 'react';
import type { EditorCommands } from '../editor/editor-commands.ts';
import { AppContext } from './app-context.ts';

/** Editor commands: the only way components change the transcript, selection and mode. */
export function useEditorCommands(): EditorCommands | null {
  return useContext(AppContext)?.commands ?? null;
}
