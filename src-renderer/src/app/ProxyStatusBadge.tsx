import { useEffect } from 'react';
import { useConnection } from '../api';
import { useProxyStatus, watchProxyStatus } from './proxy-status.store';

function describe(status: ReturnType<typeof useProxyStatus.getState>['status']): string {
  if (status === undefined) return 'Proxy: …';
  if (!status.available) return 'Proxy: not available';
  if (!status.running) return `Proxy: stopped (${status.mode.toLowerCase()})`;
  const cassette = status.cassette === null ? '' : ` → ${status.cassette}`;
  return `Proxy: ${status.effectiveMode.toLowerCase()} on ${status.host}:${status.port ?? '?'}${cassette}`;
}

/** The proxy's state in the footer. */
export function ProxyStatusBadge() {
  const status = useProxyStatus((state) => state.status);
  const failed = useProxyStatus((state) => state.failed);
  const epoch = useConnection((state) => state.epoch);
  useEffect(() => watchProxyStatus(), []);
  useEffect(() => {
    if (epoch > 1) void useProxyStatus.getState().refresh();
  }, [epoch]);
  const running = status?.running === true;
  return (
    <span className="proxy-status" data-testid="proxy-status" data-running={running}>
      <span className={`proxy-dot ${running ? 'on' : 'off'}`} aria-hidden="true" />
      {failed ? 'Proxy: unknown' : describe(status)}
    </span>
  );
}
