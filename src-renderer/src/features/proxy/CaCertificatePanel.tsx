import { useState } from 'react';
import { Tabs } from '../../components/Tabs';
import { bytesToBase64 } from '../../lib/base64';
import { downloadBase64 } from '../../lib/download';
import { formatDateTime } from '../../lib/format';
import { CodeSnippet } from './CodeSnippet';
import { CA_FILE_NAME } from './client-snippets';
import type { CaCertificate } from './proxy.store';
import { trustInstructions } from './trust-instructions';

function downloadPem(pem: string): void {
  downloadBase64(
    CA_FILE_NAME,
    'application/x-pem-file',
    bytesToBase64(new TextEncoder().encode(pem)),
  );
}

/** The studio's CA: download, fingerprints, and how to trust it on each system. */
export function CaCertificatePanel({ ca, proxyUrl }: { ca: CaCertificate; proxyUrl: string }) {
  const instructions = trustInstructions(proxyUrl, ca.leafSpkiFingerprintSha256Base64);
  const [current, setCurrent] = useState(instructions[0]?.id ?? 'linux');
  const shown = instructions.find((instruction) => instruction.id === current);
  return (
    <div className="stack">
      <div className="row">
        <button type="button" className="btn btn-primary" onClick={() => downloadPem(ca.pem)}>
          Download {CA_FILE_NAME}
        </button>
        <span className="muted">
          {ca.commonName} · valid until {formatDateTime(ca.notAfter)}
        </span>
      </div>
      <dl className="proxy-facts fingerprints">
        <dt>SHA-256</dt>
        <dd className="mono" data-testid="ca-sha256">
          {ca.sha256Fingerprint}
        </dd>
        <dt>Host certificates’ SPKI</dt>
        <dd className="mono" data-testid="leaf-spki">
          {ca.leafSpkiFingerprintSha256Base64}
        </dd>
      </dl>
      <Tabs
        label="Trust the certificate on"
        tabs={instructions.map(({ id, label }) => ({ id, label }))}
        current={current}
        onSelect={setCurrent}
      >
        {shown === undefined ? null : (
          <div className="stack trust-step" data-testid={`trust-${shown.id}`}>
            <p>{shown.intro}</p>
            <CodeSnippet code={shown.code} title={`${shown.label} instructions`} />
            {shown.note === undefined ? null : <p className="muted">{shown.note}</p>}
          </div>
        )}
      </Tabs>
      <p className="muted">
        Trust it only on machines you test with, and remove it when you no longer need it.
      </p>
    </div>
  );
}
