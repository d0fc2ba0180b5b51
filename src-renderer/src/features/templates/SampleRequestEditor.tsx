import { useMemo } from 'react';
import { CodeEditor } from '../../components/code-editor/CodeEditor';
import { scanJson } from '../../components/code-editor/json-locations';
import { useTemplateStudio } from './template-studio.store';

/** The sample request (and extra variables) the preview renders with, as JSON. */
export function SampleRequestEditor() {
  const sample = useTemplateStudio((state) => state.sample);
  const setSample = useTemplateStudio((state) => state.setSample);
  const problem = useMemo(() => {
    const scan = scanJson(sample);
    return scan.ok ? undefined : scan;
  }, [sample]);
  return (
    <section className="studio-sample stack" aria-labelledby="sample-title">
      <div className="row">
        <h2 id="sample-title">Sample request</h2>
        <span className="muted">{'{ request: { method, url, headers, body }, variables }'}</span>
      </div>
      <CodeEditor
        value={sample}
        language="json"
        onChange={setSample}
        height={190}
        ariaLabel="Sample request JSON"
        markers={
          problem === undefined
            ? []
            : [
                {
                  message: problem.message,
                  line: problem.position.line,
                  column: problem.position.column,
                },
              ]
        }
      />
      {problem === undefined ? null : (
        <p className="studio-problem" role="alert" data-testid="sample-problem">
          Line {problem.position.line}, column {problem.position.column}: {problem.message}
        </p>
      )}
    </section>
  );
}
