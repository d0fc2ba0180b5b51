import type * as Monaco from 'monaco-editor';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { CodeEditorProps } from './code-editor.types';
import { MARKER_OWNER, toMarkerData } from './editor-markers';

type HostProps = Omit<CodeEditorProps, 'height'> & { monacoApi: typeof Monaco };

/** One Monaco editor in a div that CodeEditor sizes; kept in step with its props. */
export function MonacoEditorHost(props: HostProps) {
  const { monacoApi, value, language, readOnly = false, markers, ariaLabel } = props;
  const container = useRef<HTMLDivElement>(null);
  const [editor, setEditor] = useState<Monaco.editor.IStandaloneCodeEditor>();
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });

  useEffect(() => {
    const element = container.current;
    if (element === null) return;
    const { value: initial, language: initialLanguage, readOnly: initialReadOnly } = latest.current;
    const created = monacoApi.editor.create(element, {
      value: initial,
      language: initialLanguage,
      readOnly: initialReadOnly === true,
      // Tab moves the focus out of a read-only editor (it types nothing there).
      tabFocusMode: initialReadOnly === true,
      ariaLabel: latest.current.ariaLabel,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 13,
      lineNumbersMinChars: 3,
      tabSize: 2,
      wordWrap: 'on',
      renderLineHighlight: 'line',
    });
    const subscription = created.onDidChangeModelContent(() => {
      const text = created.getValue();
      if (text !== latest.current.value) latest.current.onChange?.(text);
    });
    setEditor(created);
    latest.current.onMount?.(created, monacoApi);
    return () => {
      subscription.dispose();
      created.dispose();
      setEditor(undefined);
    };
  }, [monacoApi]);

  useEffect(() => {
    if (editor === undefined || editor.getValue() === value) return;
    const model = editor.getModel();
    if (model === null) return;
    // An edit rather than setValue, so it can be undone; on the model, so read-only editors take it.
    model.pushEditOperations([], [{ range: model.getFullModelRange(), text: value }], () => null);
    model.pushStackElement();
  }, [editor, value]);

  useEffect(() => {
    const model = editor?.getModel();
    if (model !== null && model !== undefined) monacoApi.editor.setModelLanguage(model, language);
  }, [editor, monacoApi, language]);

  useEffect(() => {
    editor?.updateOptions({ readOnly, tabFocusMode: readOnly, ariaLabel });
  }, [editor, readOnly, ariaLabel]);

  useEffect(() => {
    const model = editor?.getModel();
    if (model === null || model === undefined) return;
    monacoApi.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      toMarkerData(monacoApi, model, markers ?? []),
    );
  }, [editor, monacoApi, markers, value]);

  return <div ref={container} className="code-editor-host" data-testid="code-editor" />;
}
