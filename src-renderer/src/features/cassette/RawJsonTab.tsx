import { useEffect, useState } from 'react';
import { api } from '../../api';
import { ExportCassettesDocument } from '../../api/generated/graphql';
import { toastError, toastSuccess } from '../../app/toast.store';
import { Failure, Loading } from '../../components/PageState';
import { base64ToText } from '../../lib/base64';

/**
 * The cassette's document as stored (native JSON), read-only, with a copy button. Interim: a plain
 * <pre> until Monaco arrives with the template studio.
 */
export function RawJsonTab({ name, version }: { name: string; version: string }) {
  const [text, setText] = useState<string | undefined>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    setText(undefined);
    api
      .mutate(ExportCassettesDocument, { names: [name], format: 'Native' })
      .then(({ exportCassettes }) => {
        const json = base64ToText(exportCassettes.base64) ?? '';
        setText(JSON.stringify(JSON.parse(json), null, 2));
      })
      .catch(setError);
  }, [name, version]);
  if (error !== undefined) return <Failure error={error} />;
  if (text === undefined) return <Loading label="Loading the document…" />;
  const copy = (): void => {
    navigator.clipboard.writeText(text).then(
      () => toastSuccess('Copied to the clipboard'),
      (reason: unknown) => toastError('Could not copy', reason),
    );
  };
  return (
    <div className="stack">
      <div className="row">
        <button type="button" className="btn" onClick={copy}>
          Copy to clipboard
        </button>
        <span className="muted">Read-only · {text.length.toLocaleString('en-US')} characters</span>
      </div>
      <pre className="code raw-json" tabIndex={0} aria-label="Cassette JSON" data-testid="raw-json">
        {text}
      </pre>
    </div>
  );
}
