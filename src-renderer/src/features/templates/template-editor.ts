/** The template editor, once mounted: what the palette and the toolbar insert into. */
import type * as Monaco from 'monaco-editor';

let current: Monaco.editor.IStandaloneCodeEditor | undefined;

export function setTemplateEditor(editor: Monaco.editor.IStandaloneCodeEditor | undefined): void {
  current = editor;
}

/** Replaces the selection (or inserts at the cursor) with `text`, then focuses the editor. */
export function insertAtCursor(text: string): boolean {
  const editor = current;
  const selection = editor?.getSelection();
  if (editor === undefined || selection === null || selection === undefined) return false;
  editor.executeEdits('template-studio', [{ range: selection, text, forceMoveMarkers: true }]);
  editor.pushUndoStop();
  editor.focus();
  return true;
}
