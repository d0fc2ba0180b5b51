import '@graphiql/react/style.css';
import '@graphiql/plugin-doc-explorer/style.css';
import '@graphiql/plugin-history/style.css';
import { GraphiQL } from 'graphiql';
// graphiql/style.css would add Monaco's styles (the app's Monaco brings them) and fonts inlined as
// data: URLs, which the UI's CSP refuses; GraphiQL's own rules are enough.
import 'graphiql/graphiql.css';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../../api';
import { PageHeader } from '../../app/PageHeader';
import { useAppliedTheme } from '../../app/theme.store';
import { Failure, Loading } from '../../components/PageState';
import { addGraphQLWorker } from './graphql-worker';
import { studioFetcher } from './studio-fetcher';
import './playground.css';

const DEFAULT_QUERY = `# The studio's GraphQL API, on the app's own connection. Docs: the book icon.
query Overview {
  globalStats {
    totalCassettes
    totalInteractions
  }
  proxyStatus {
    running
    mode
    cassette
  }
}
`;

/** The editor themes components/code-editor defines, so GraphiQL's editors look like the app's. */
const EDITOR_THEMES = { light: 'magneto-light', dark: 'magneto-dark' };

/** GraphiQL on the studio's API, in the app. */
export function PlaygroundPage() {
  const theme = useAppliedTheme((state) => state.theme);
  const fetcher = useMemo(() => studioFetcher(api), []);
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    let live = true;
    addGraphQLWorker().then(
      () => live && setReady(true),
      (reason: unknown) => live && setError(reason),
    );
    return () => {
      live = false;
    };
  }, []);
  return (
    <div className="playground-page" data-testid="playground">
      <PageHeader crumbs={[{ label: 'API playground' }]} />
      {error !== undefined ? (
        <Failure error={error} />
      ) : !ready ? (
        <Loading label="Loading the playground…" />
      ) : (
        <GraphiQL
          fetcher={fetcher as never}
          defaultQuery={DEFAULT_QUERY}
          forcedTheme={theme}
          editorTheme={EDITOR_THEMES}
          isHeadersEditorEnabled={false}
          showPersistHeadersSettings={false}
        />
      )}
    </div>
  );
}
