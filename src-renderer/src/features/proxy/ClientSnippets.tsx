import { CodeSnippet } from './CodeSnippet';
import { clientSnippets, type ProxyEndpoint } from './client-snippets';

/** Settings to paste into clients, for the proxy as it listens (or will). */
export function ClientSnippets({
  endpoint,
  leafSpki,
}: {
  endpoint: ProxyEndpoint;
  leafSpki: string;
}) {
  return (
    <div className="stack">
      {clientSnippets(endpoint, leafSpki).map((snippet) => (
        <div key={snippet.id} className="stack snippet-block" data-snippet={snippet.id}>
          <h3>{snippet.title}</h3>
          <CodeSnippet code={snippet.code} title={snippet.title} />
          {snippet.note === undefined ? null : <p className="muted">{snippet.note}</p>}
        </div>
      ))}
    </div>
  );
}
