import { useMemo } from 'react';
import { CodeEditor, type CodeEditorMarker } from '../../components/code-editor/CodeEditor';
import { TEMPLATE_LANGUAGE } from './handlebars-language';
import { setTemplateEditor } from './template-editor';
import { useTemplateStudio } from './template-studio.store';

/** The template in Monaco, with the validation's errors marked where they are. */
export function TemplateEditorPane() {
  const body = useTemplateStudio((state) => state.body);
  const setBody = useTemplateStudio((state) => state.setBody);
  const validation = useTemplateStudio((state) => state.validation);
  const markers = useMemo<CodeEditorMarker[]>(
    () =>
      (validation?.errors ?? [])
        .filter((error) => error.origin === 'template')
        .map((error) => ({ message: error.message, line: error.line, column: error.column })),
    [validation],
  );
  return (
    <section className="studio-editor" aria-label="Template">
      <CodeEditor
        value={body}
        language={TEMPLATE_LANGUAGE}
        onChange={setBody}
        markers={markers}
        height="100%"
        ariaLabel="Template body"
        onMount={(editor) => {
          setTemplateEditor(editor);
          editor.onDidDispose(() => setTemplateEditor(undefined));
        }}
      />
    </section>
  );
}
