import { useConnection } from '../api';

const LABELS = { live: 'Live', connecting: 'Connecting…', offline: 'Offline, reconnecting…' };

/** Whether live updates flow (the subscription connection is up); it reconnects on its own. */
export function LiveIndicator() {
  const status = useConnection((state) => state.status);
  const lastError = useConnection((state) => state.lastError);
  return (
    <span
      className={`live live-${status}`}
      role="status"
      data-testid="live-indicator"
      data-status={status}
      title={lastError}
    >
      <span className="live-dot" aria-hidden="true" />
      {LABELS[status]}
    </span>
  );
}
