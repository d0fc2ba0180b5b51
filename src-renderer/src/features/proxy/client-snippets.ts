/** Copyable client settings for the proxy as it is (or will be) listening. */

export interface ProxyEndpoint {
  host: string;
  /** The port, or undefined when a free one will be picked at start. */
  port: number | undefined;
  /** Reverse-proxy target, or null for a forward proxy. */
  target: string | null;
}

export interface Snippet {
  id: string;
  title: string;
  code: string;
  note?: string;
}

/** The file name the CA certificate downloads as (and the snippets refer to). */
export const CA_FILE_NAME = 'magneto-ca.pem';

export function proxyUrl({ host, port }: ProxyEndpoint): string {
  return `http://${host}:${port ?? '<port>'}`;
}

function forwardSnippets(url: string, leafSpki: string): Snippet[] {
  return [
    {
      id: 'env',
      title: 'Environment (most HTTP clients)',
      code: [
        `export HTTP_PROXY=${url}`,
        `export HTTPS_PROXY=${url}`,
        `export NODE_EXTRA_CA_CERTS="$PWD/${CA_FILE_NAME}"`,
      ].join('\n'),
    },
    {
      id: 'node',
      title: 'Node.js',
      code: `NODE_EXTRA_CA_CERTS=${CA_FILE_NAME} HTTPS_PROXY=${url} HTTP_PROXY=${url} npm test`,
      note: 'Clients that honour HTTP(S)_PROXY use the proxy; NODE_EXTRA_CA_CERTS trusts its CA.',
    },
    {
      id: 'curl',
      title: 'curl',
      code: `curl --proxy ${url} --cacert ${CA_FILE_NAME} https://api.example.com/`,
    },
    {
      id: 'playwright',
      title: 'Playwright (Chromium)',
      code: [
        "import { chromium } from 'playwright';",
        '',
        '// The SPKI flag is honoured only with a profile folder (a persistent context).',
        "const context = await chromium.launchPersistentContext('/tmp/magneto-profile', {",
        '  args: [',
        `    '--proxy-server=${url}',`,
        "    '--proxy-bypass-list=<-loopback>',",
        `    '--ignore-certificate-errors-spki-list=${leafSpki}',`,
        '  ],',
        '});',
      ].join('\n'),
      note: 'The fingerprint is the key of the proxy’s host certificates (not the CA’s); it lasts as long as the CA.',
    },
  ];
}

function reverseSnippets(url: string, target: string): Snippet[] {
  return [
    {
      id: 'env',
      title: 'Base URL',
      code: `export API_BASE_URL=${url}`,
      note: `Requests to ${url} are answered as ${target} would answer them.`,
    },
    { id: 'curl', title: 'curl', code: `curl ${url}/` },
    {
      id: 'playwright',
      title: 'Playwright',
      code: [
        "import { defineConfig } from '@playwright/test';",
        '',
        `export default defineConfig({ use: { baseURL: '${url}' } });`,
      ].join('\n'),
    },
  ];
}

export function clientSnippets(endpoint: ProxyEndpoint, leafSpki: string): Snippet[] {
  const url = proxyUrl(endpoint);
  return endpoint.target === null
    ? forwardSnippets(url, leafSpki)
    : reverseSnippets(url, endpoint.target);
}
