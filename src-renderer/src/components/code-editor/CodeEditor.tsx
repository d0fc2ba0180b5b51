/**
 * The app's code editor: Monaco, loaded on first use (a placeholder of the same size shows while it
 * loads), in the app's light or dark theme.
 */
import './code-editor.css';
import type * as Monaco from 'monaco-editor';
import { useEffect, useState } from 'react';
import { Failure, Loading } from '../PageState';
import type { CodeEditorProps } from './code-editor.types';
import { loadMonaco } from './monaco-loader';
import { MonacoEditorHost } from './MonacoEditorHost';

export type { CodeEditorMarker, CodeEditorProps } from './code-editor.types';

export function CodeEditor(props: CodeEditorProps) {
  const { height = '20rem', ...hostProps } = props;
  const [monacoApi, setMonacoApi] = useState<typeof Monaco>();
  const [failure, setFailure] = useState<unknown>();
  useEffect(() => {
    let live = true;
    loadMonaco().then(
      (loaded) => {
        if (live) setMonacoApi(() => loaded);
      },
      (error: unknown) => {
        if (live) setFailure(error);
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return (
    <div className="code-editor" style={{ height }}>
      {failure !== undefined ? (
        <Failure error={failure} />
      ) : monacoApi === undefined ? (
        <Loading label="Loading the editor…" />
      ) : (
        <MonacoEditorHost {...hostProps} monacoApi={monacoApi} />
      )}
    </div>
  );
}
