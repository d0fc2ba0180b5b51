/** The GraphiQL page served at /graphql/playground, bundled at build time (no CDN). */
import { GraphiQL } from 'graphiql';
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createRoot } from 'react-dom/client';
import { playgroundFetcher } from './playground-fetcher';

const DEFAULT_QUERY = `# Magneto Studio: cassettes, stats, templates and the proxy. Docs in the side panel.
query Library {
  cassettes(limit: 10, sort: [{ sortBy: Modified, order: Desc }]) {
    totalCount
    items {
      name
      interactionCount
      metadata {
        modifiedAt
        tags
      }
    }
  }
}
`;

const root = document.getElementById('playground');
if (root !== null) {
  createRoot(root).render(
    <GraphiQL fetcher={playgroundFetcher(window.location) as never} defaultQuery={DEFAULT_QUERY} />,
  );
}
