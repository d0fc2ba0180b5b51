import { useEffect, type ReactNode } from 'react';
import { useConnection } from '../../api';
import { PageHeader } from '../../app/PageHeader';
import { Failure, Loading } from '../../components/PageState';
import { CaCertificatePanel } from './CaCertificatePanel';
import { ClientSnippets } from './ClientSnippets';
import { ProxyControls } from './ProxyControls';
import { ProxySummary } from './ProxySummary';
import { proxyUrl, type ProxyEndpoint } from './client-snippets';
import { useProxyPage, watchProxyPage } from './proxy.store';
import './proxy.css';

function Panel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="card proxy-panel" aria-labelledby={`${id}-title`} data-panel={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

/** Start and stop the proxy, choose how it works, and set clients up to use it. */
export function ProxyPage() {
  const status = useProxyPage((state) => state.status);
  const ca = useProxyPage((state) => state.ca);
  const error = useProxyPage((state) => state.error);
  const epoch = useConnection((state) => state.epoch);
  useEffect(() => watchProxyPage(), []);
  useEffect(() => {
    if (epoch > 1) void useProxyPage.getState().load();
  }, [epoch]);

  const header = <PageHeader crumbs={[{ label: 'Proxy' }]} />;
  if (status === undefined || ca === undefined) {
    return (
      <>
        {header}
        {error === undefined ? (
          <Loading label="Loading the proxy…" />
        ) : (
          <Failure error={error} retry={() => void useProxyPage.getState().load()} />
        )}
      </>
    );
  }
  const endpoint: ProxyEndpoint = {
    host: status.host,
    port: status.running ? (status.port ?? undefined) : status.defaultPort || undefined,
    target: status.target,
  };
  return (
    <>
      {header}
      <div className="proxy-grid" data-testid="proxy-page">
        <Panel id="proxy-control" title="Control">
          <ProxySummary status={status} />
          <ProxyControls status={status} />
        </Panel>
        <Panel id="proxy-ca" title="CA certificate">
          <CaCertificatePanel ca={ca} proxyUrl={proxyUrl(endpoint)} />
        </Panel>
        <Panel id="proxy-clients" title="Client settings">
          <ClientSnippets endpoint={endpoint} leafSpki={ca.leafSpkiFingerprintSha256Base64} />
        </Panel>
      </div>
    </>
  );
}
