import { BodyPanel } from './BodyPanel';
import { HeadersTable } from './HeadersTable';
import { StatusBadge } from './StatusBadge';
import { WebSocketTimeline } from './WebSocketTimeline';
import type { Interaction } from './cassette.store';
import { headerValue } from './header-rows';

/** An interaction in full: request and response (or failure), or the WebSocket messages. */
export function InteractionViewer({ interaction }: { interaction: Interaction }) {
  if (interaction.kind === 'WebSocket') return <WebSocketTimeline interaction={interaction} />;
  const { request, response, error } = interaction;
  return (
    <div className="viewer">
      {request === null ? null : (
        <section className="viewer-side" aria-label="Request">
          <h3>
            Request <span className="badge">{request.method}</span>
          </h3>
          <p className="mono url">{request.url}</p>
          <HeadersTable headers={request.headers} label="Request headers" />
          <BodyPanel
            body={request.body}
            encoding={request.bodyEncoding}
            contentType={headerValue(request.headers, 'content-type')}
            size={request.bodySize}
            label="Request body"
          />
        </section>
      )}
      {response === null ? null : (
        <section className="viewer-side" aria-label="Response">
          <h3 className="row">
            Response <StatusBadge status={response.status} />
            {response.hasTemplates ? <span className="badge badge-info">Has templates</span> : null}
          </h3>
          <HeadersTable headers={response.headers} label="Response headers" />
          <BodyPanel
            body={response.body}
            encoding={response.bodyEncoding}
            contentType={headerValue(response.headers, 'content-type')}
            size={response.bodySize}
            label="Response body"
          />
        </section>
      )}
      {error === null ? null : (
        <section className="viewer-side" aria-label="Failure">
          <h3>
            Upstream failure <span className="badge badge-danger">{error.type}</span>
          </h3>
          <p>{error.message}</p>
        </section>
      )}
    </div>
  );
}
