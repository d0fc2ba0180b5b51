import { useEffect, useState } from 'react';
import { api } from '../../api';
import { ExportCassettesDocument } from '../../api/generated/graphql';
import { CodeEditor } from '../../components/code-editor/CodeEditor';
import { CopyButton } from '../../components/CopyButton';
import { Failure, Loading } from '../../components/PageState';
import { base64ToText } from '../../lib/base64';

/**
 * The cassette's document as stored (native JSON), read-only in the code editor, with a copy button.
 * A new version replaces the text in place.
 */
export function RawJsonTab({ name, version }: { name: string; version: string }) {
  const [shown, setShown] = useState<{ name: string; text: string } | undefined>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    api
      .mutate(ExportCassettesDocument, { names: [name], format: 'Native' })
      .then(({ exportCassettes }) => {
        const json = base64ToText(exportCassettes.base64) ?? '';
        setShown({ name, text: JSON.stringify(JSON.parse(json), null, 2) });
        setError(undefined);
      })
      .catch(setError);
  }, [name, version]);
  if (error !== undefined) return <Failure error={error} />;
  if (shown === undefined || shown.name !== name) {
    return <Loading label="Loading the document…" />;
  }
  const { text } = shown;
  return (
    <div className="stack">
      <div className="row">
        <CopyButton text={text} what="the cassette JSON" />
        <span className="muted">Read-only · {text.length.toLocaleString('en-US')} characters</span>
      </div>
      <div className="raw-json" data-testid="raw-json">
        <CodeEditor value={text} language="json" readOnly ariaLabel="Cassette JSON" height="100%" />
      </div>
    </div>
  );
}
