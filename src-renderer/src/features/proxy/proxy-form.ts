/** The proxy form's fields, checked and turned into the API's start input. */
import type { ProxyMode, StartProxyInput } from '../../api/generated/graphql';

export interface ProxyDraft {
  mode: ProxyMode;
  /** As typed; '' uses the default port. */
  port: string;
  /** As typed; '' for a forward proxy. */
  target: string;
  /** As typed; '' keeps the current cassette. */
  cassette: string;
}

export type ProxyInputCheck = { input: StartProxyInput } | { problem: string };

export function startInput(draft: ProxyDraft): ProxyInputCheck {
  const input: StartProxyInput = { mode: draft.mode };
  const port = draft.port.trim();
  if (port !== '') {
    const value = Number(port);
    if (!/^\d+$/.test(port) || value > 65535) {
      return { problem: 'The port is a whole number from 0 to 65535 (0 picks a free one).' };
    }
    input.port = value;
  }
  const target = draft.target.trim();
  if (target !== '') {
    let url: URL | undefined;
    try {
      url = new URL(target);
    } catch {
      url = undefined;
    }
    if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      return { problem: 'The reverse target is an http:// or https:// address, or empty.' };
    }
    input.target = target;
  }
  const cassette = draft.cassette.trim();
  if (cassette !== '') input.cassetteName = cassette;
  return { input };
}
