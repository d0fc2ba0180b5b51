import type * as Monaco from 'monaco-editor';

/** A problem shown in the editor: underlined in the text, listed in the gutter and on hover. */
export interface CodeEditorMarker {
  message: string;
  /** 1-based, as shown in the gutter. */
  line: number;
  /** 1-based. */
  column: number;
  endLine?: number;
  endColumn?: number;
  severity?: 'error' | 'warning';
}

export interface CodeEditorProps {
  value: string;
  /** A Monaco language id: 'json', 'javascript', 'handlebars', 'plaintext'… */
  language: string;
  readOnly?: boolean;
  onChange?(value: string): void;
  markers?: ReadonlyArray<CodeEditorMarker>;
  /** CSS height (a number is pixels); default 20rem. */
  height?: number | string;
  /** The editor's accessible name. */
  ariaLabel: string;
  /** Called once the editor exists, with it and the Monaco API (for actions, decorations…). */
  onMount?(editor: Monaco.editor.IStandaloneCodeEditor, monacoApi: typeof Monaco): void;
}
