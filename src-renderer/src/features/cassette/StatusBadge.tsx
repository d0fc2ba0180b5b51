/** An HTTP status coloured by its class (2xx green, 3xx blue, 4xx amber, 5xx red). */
export function StatusBadge({ status }: { status: number }) {
  const kind =
    status >= 500 ? 'danger' : status >= 400 ? 'warning' : status >= 300 ? 'info' : 'success';
  return (
    <span className={`badge badge-${kind}`} data-status-class={`${Math.floor(status / 100)}xx`}>
      {status}
    </span>
  );
}
