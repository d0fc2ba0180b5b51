import { useMemo } from 'react';
import { scanJson } from '../../components/code-editor/json-locations';
import { CopyButton } from '../../components/CopyButton';
import { Empty, Failure, Loading } from '../../components/PageState';
import { useTemplateStudio, type Validation } from './template-studio.store';

/** A validation: its problems, the request data the template reads, the rendered output. */
function PreviewResult({ validation }: { validation: Validation }) {
  return (
    <>
      {validation.errors.length === 0 ? null : (
        <ul className="preview-errors" aria-label="Problems" data-testid="template-errors">
          {validation.errors.map((problem, index) => (
            <li key={index} data-kind={problem.kind}>
              <span className="badge badge-danger">{problem.kind}</span>{' '}
              <span>
                {problem.origin === 'template' ? 'Line' : 'Output line'} {problem.line}, column{' '}
                {problem.column}: {problem.message}
              </span>
            </li>
          ))}
        </ul>
      )}
      <div className="stack preview-variables">
        <h3>Request data used</h3>
        {validation.usedVariables.length === 0 ? (
          <p className="muted">None.</p>
        ) : (
          <ul className="variable-chips" data-testid="used-variables">
            {validation.usedVariables.map((variable) => (
              <li key={variable}>
                <mark className="variable-chip">{variable}</mark>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="stack">
        <div className="row">
          <h3>Output</h3>
          <CopyButton text={validation.preview} what="the rendered output" small />
        </div>
        <pre
          className="preview-output"
          tabIndex={0}
          aria-label="Rendered output"
          data-testid="template-preview"
        >
          {validation.preview === '' ? ' ' : validation.preview}
        </pre>
      </div>
    </>
  );
}

/** What the preview shows now: an API failure, the result, a sample to fix, or a wait. */
function PreviewBody() {
  const validation = useTemplateStudio((state) => state.validation);
  const error = useTemplateStudio((state) => state.validationError);
  const sample = useTemplateStudio((state) => state.sample);
  const sampleIsJson = useMemo(() => scanJson(sample).ok, [sample]);
  if (error !== undefined) return <Failure error={error} />;
  if (validation !== undefined) return <PreviewResult validation={validation} />;
  if (!sampleIsJson) {
    return <Empty title="The sample request is not JSON: fix it to see the preview." />;
  }
  return <Loading label="Rendering…" />;
}

/** The template rendered for the sample request, with whether it is valid. */
export function TemplatePreview() {
  const validation = useTemplateStudio((state) => state.validation);
  const validating = useTemplateStudio((state) => state.validating);
  return (
    <section
      className="studio-preview stack"
      aria-labelledby="preview-title"
      aria-busy={validating}
    >
      <div className="row">
        <h2 id="preview-title">Preview</h2>
        {validation === undefined ? null : validation.valid ? (
          <span className="badge badge-success" data-testid="template-valid">
            valid
          </span>
        ) : (
          <span className="badge badge-danger" data-testid="template-valid">
            {validation.errors.length} problem(s)
          </span>
        )}
        {validating ? <span className="muted">updating…</span> : null}
      </div>
      <PreviewBody />
    </section>
  );
}
