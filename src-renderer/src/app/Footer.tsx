import { version } from '../../../package.json';
import { LiveIndicator } from './LiveIndicator';
import { ProxyStatusBadge } from './ProxyStatusBadge';

/** The status bar: proxy, version and whether live updates flow. */
export function Footer() {
  return (
    <footer className="app-footer">
      <ProxyStatusBadge />
      <span className="footer-spacer" />
      <span className="muted">v{version}</span>
      <LiveIndicator />
    </footer>
  );
}
