/** The proxy page's pure parts: the form's checks, client snippets and trust instructions. */
import { describe, expect, it } from 'vitest';
import { clientSnippets } from '../../../src-renderer/src/features/proxy/client-snippets';
import { startInput } from '../../../src-renderer/src/features/proxy/proxy-form';
import { trustInstructions } from '../../../src-renderer/src/features/proxy/trust-instructions';

const draft = { mode: 'REPLAY' as const, port: '', target: '', cassette: '' };

describe('proxy form', () => {
  it('turns the fields into a start input, leaving out what is empty', () => {
    expect(startInput(draft)).toEqual({ input: { mode: 'REPLAY' } });
    expect(
      startInput({ ...draft, port: ' 8080 ', target: 'https://api.example.com', cassette: ' c ' }),
    ).toEqual({
      input: { mode: 'REPLAY', port: 8080, target: 'https://api.example.com', cassetteName: 'c' },
    });
    expect(startInput({ ...draft, port: '0' })).toEqual({ input: { mode: 'REPLAY', port: 0 } });
  });

  it('refuses ports and targets the proxy cannot use', () => {
    for (const port of ['-1', '65536', '80.5', 'http']) {
      expect(startInput({ ...draft, port })).toEqual({ problem: expect.stringMatching(/port/) });
    }
    for (const target of ['api.example.com', 'ftp://x.example.com', 'http//x']) {
      expect(startInput({ ...draft, target })).toEqual({
        problem: expect.stringMatching(/reverse target/),
      });
    }
  });
});

describe('client snippets', () => {
  it('sets clients up for a forward proxy, with the leaf fingerprint for Chromium', () => {
    const snippets = clientSnippets({ host: '127.0.0.1', port: 8888, target: null }, 'LEAF=');
    expect(snippets.map((snippet) => snippet.id)).toEqual(['env', 'node', 'curl', 'playwright']);
    const code = Object.fromEntries(snippets.map((snippet) => [snippet.id, snippet.code]));
    expect(code.env).toContain('export HTTPS_PROXY=http://127.0.0.1:8888');
    expect(code.env).toContain('NODE_EXTRA_CA_CERTS="$PWD/magneto-ca.pem"');
    expect(code.curl).toBe(
      'curl --proxy http://127.0.0.1:8888 --cacert magneto-ca.pem https://api.example.com/',
    );
    expect(code.playwright).toContain("'--ignore-certificate-errors-spki-list=LEAF='");
    expect(code.playwright).toContain("'--proxy-bypass-list=<-loopback>'");
  });

  it('gives a base URL instead for a reverse proxy, and a placeholder for a port not chosen yet', () => {
    const snippets = clientSnippets(
      { host: '127.0.0.1', port: undefined, target: 'https://api.example.com' },
      'LEAF=',
    );
    expect(snippets[0]?.code).toBe('export API_BASE_URL=http://127.0.0.1:<port>');
    expect(snippets.map((snippet) => snippet.code).join('\n')).not.toContain('LEAF=');
  });

  it('has trust steps for every system and client, Chromium with the leaf fingerprint', () => {
    const steps = trustInstructions('http://127.0.0.1:8888', 'LEAF=');
    expect(steps.map((step) => step.label)).toEqual([
      'Linux',
      'macOS',
      'Windows',
      'Node.js',
      'curl',
      'Chromium',
    ]);
    expect(steps.find((step) => step.id === 'chromium')?.code).toContain(
      '--ignore-certificate-errors-spki-list=LEAF=',
    );
  });
});
