/** Small builders for the matching tests. */
import type {
  Headers,
  HttpInteraction,
  WebSocketInteraction,
} from '../../../proxy/cassette/cassette.model';
import type { IncomingRequestSummary } from '../../../proxy/matching/matching.model';

let counter = 0;

export function http(
  method: string,
  url: string,
  extra: { headers?: Headers; body?: string; status?: number; answer?: string } = {},
): HttpInteraction {
  counter++;
  return {
    type: 'Http',
    id: `t${counter}`,
    recordedAt: '2025-06-02T12:00:00Z',
    request: {
      method,
      url,
      headers: extra.headers ?? {},
      body: extra.body === undefined ? null : { kind: 'text', text: extra.body },
    },
    response: {
      status: extra.status ?? 200,
      headers: {},
      body: extra.answer === undefined ? null : { kind: 'text', text: extra.answer },
    },
  };
}

export function webSocket(url: string, requestHeaders?: Headers): WebSocketInteraction {
  counter++;
  return {
    type: 'WebSocket',
    id: `w${counter}`,
    recordedAt: '2025-06-02T12:00:00Z',
    url,
    ...(requestHeaders === undefined ? {} : { requestHeaders }),
    messages: [],
    closeFrame: null,
  };
}

export function request(
  method: string,
  url: string,
  extra: { headers?: Headers; body?: string | Uint8Array } = {},
): IncomingRequestSummary {
  const body = extra.body;
  return {
    method,
    url,
    headers: extra.headers ?? {},
    body:
      body === undefined ? null : typeof body === 'string' ? new TextEncoder().encode(body) : body,
  };
}
