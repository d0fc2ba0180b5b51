import type { Interaction } from './cassette.store';

/** A WebSocket session's messages in order: direction, time since open, text or binary. */
export function WebSocketTimeline({ interaction }: { interaction: Interaction }) {
  const messages = interaction.websocketMessages ?? [];
  return (
    <div className="stack">
      {messages.length === 0 ? <p className="muted">No messages.</p> : null}
      <ol className="ws-timeline" aria-label="WebSocket messages">
        {messages.map((message, index) => (
          <li key={index} className={`ws-message ws-${message.direction.toLowerCase()}`}>
            <span
              className="ws-direction"
              aria-label={
                message.direction === 'Sent' ? 'Sent by the client' : 'Received from the server'
              }
            >
              {message.direction === 'Sent' ? '↑ sent' : '↓ received'}
            </span>
            <span className="muted ws-time">+{message.timestampMs} ms</span>
            <span className="badge">{message.type.toLowerCase()}</span>
            <code className="ws-data">
              {message.type === 'Text' ? message.data : `${message.data.slice(0, 120)} (base64)`}
            </code>
          </li>
        ))}
      </ol>
      {interaction.websocketClose === null ? null : (
        <p className="muted">
          Closed with {interaction.websocketClose.code}
          {interaction.websocketClose.reason === ''
            ? ''
            : ` (${interaction.websocketClose.reason})`}
        </p>
      )}
    </div>
  );
}
