import { describe, expect, it } from 'vitest';
import type { WebSocketMessage } from '../../../../proxy/cassette/cassette.model';
import { isSendableCloseCode, recordedData } from '../../../../proxy/engine/websocket/frames';
import {
  clientHandshake,
  extraHeaderLines,
  replayProtocol,
  upgradeResponseHeaders,
} from '../../../../proxy/engine/websocket/handshake-headers';
import { clientFrame, sameContent } from '../../../../proxy/engine/websocket/message-content';
import { SessionLog } from '../../../../proxy/engine/websocket/session-log';
import { DEFAULT_REDACTION_OPTIONS } from '../../../../proxy/redaction';
import { compileRules } from '../../../../proxy/redaction/redaction-rules';

const rules = compileRules(DEFAULT_REDACTION_OPTIONS);
const recorded = (msgType: WebSocketMessage['msgType'], data: string): WebSocketMessage => ({
  direction: 'Sent',
  timestampMs: 0,
  msgType,
  data,
});

describe('client message content', () => {
  it('matches equal text, equal JSON values and equal bytes, never across types', () => {
    const json = clientFrame(Buffer.from('{"b":[1,2],"a":{"x":null}}'), false, rules);
    expect(sameContent(recorded('Text', '{"a":{"x":null},"b":[1,2]}'), json)).toBe(true);
    expect(sameContent(recorded('Text', '{"a":{"x":null},"b":[2,1]}'), json)).toBe(false);
    expect(sameContent(recorded('Text', 'hi'), clientFrame(Buffer.from('hi'), false, rules))).toBe(
      true,
    );
    expect(sameContent(recorded('Text', 'hi'), clientFrame(Buffer.from('ho'), false, rules))).toBe(
      false,
    );
    const bytes = clientFrame(Buffer.from([0, 255]), true, rules);
    expect(bytes).toEqual({ msgType: 'Binary', data: 'AP8=' });
    expect(sameContent(recorded('Binary', 'AP8='), bytes)).toBe(true);
    expect(sameContent(recorded('Text', 'AP8='), bytes)).toBe(false);
  });

  it('redacts client text as recordings are, so a secret field still matches', () => {
    const frame = clientFrame(Buffer.from('{"token":"abc","q":1}'), false, rules);
    expect(frame.data).toBe('{"token":"[REDACTED]","q":1}');
    expect(sameContent(recorded('Text', '{"q":1,"token":"[REDACTED]"}'), frame)).toBe(true);
  });
});

describe('session log', () => {
  it('records each frame at its offset and keeps the first close frame', () => {
    let now = 1000;
    const log = new SessionLog(() => now);
    now = 1012.4;
    log.add('Received', 'Text', Buffer.from('héllo'));
    now = 1030.6;
    log.add('Sent', 'Ping', Buffer.from('p'));
    log.closed(4001, 'first');
    log.closed(1000, 'second');
    const handshake = {
      url: 'ws://h/x',
      recordedAt: '2025-01-01T00:00:00.000Z',
      requestHeaders: { host: 'h' },
      responseHeaders: {},
      responseTimeMs: 7,
    };
    const draft = log.draft(handshake);
    expect(draft).toEqual({
      type: 'WebSocket',
      recordedAt: '2025-01-01T00:00:00.000Z',
      url: 'ws://h/x',
      requestHeaders: { host: 'h' },
      responseHeaders: {},
      messages: [
        { direction: 'Received', timestampMs: 12, msgType: 'Text', data: 'héllo' },
        { direction: 'Sent', timestampMs: 31, msgType: 'Ping', data: 'cA==' },
      ],
      closeFrame: { code: 4001, reason: 'first' },
      responseTimeMs: 7,
    });
    expect(new SessionLog().draft(handshake).closeFrame).toBeNull();
  });

  it('knows which close codes can be sent', () => {
    expect([1000, 1001, 1011, 3000, 4999].every(isSendableCloseCode)).toBe(true);
    expect([999, 1004, 1005, 1006, 1015, 2000, 5000].some(isSendableCloseCode)).toBe(false);
    expect(recordedData('Pong', Buffer.from('x'))).toBe('eA==');
  });
});

describe('handshake headers', () => {
  const raw = [
    'Host',
    'proxy:8888',
    'Connection',
    'Upgrade',
    'Upgrade',
    'websocket',
    'Sec-WebSocket-Key',
    'dGhlIHNhbXBsZSBub25jZQ==',
    'Sec-WebSocket-Version',
    '13',
    'Sec-WebSocket-Extensions',
    'permessage-deflate',
    'Sec-WebSocket-Protocol',
    'chat.v2, chat.v1',
    'Authorization',
    'Bearer t',
    'Cookie',
    'a=1',
    'Cookie',
    'b=2',
    'Proxy-Authorization',
    'Basic x',
  ];

  it('forwards and records the end-to-end headers, not the per-connection ones', () => {
    const handshake = clientHandshake(raw, new URL('wss://api.test:8443/live'), '1.1 magneto-x');
    expect(handshake.headers).toEqual({
      host: 'api.test:8443',
      'sec-websocket-protocol': 'chat.v2, chat.v1',
      authorization: 'Bearer t',
      cookie: ['a=1', 'b=2'],
    });
    expect(handshake.forwarded).toEqual({
      authorization: 'Bearer t',
      cookie: 'a=1; b=2',
      via: '1.1 magneto-x',
    });
    expect(handshake.protocols).toEqual(['chat.v2', 'chat.v1']);
  });

  it("keeps the upstream's 101 headers, and passes on only safe ones to the client", () => {
    const headers = upgradeResponseHeaders([
      'Upgrade',
      'websocket',
      'Connection',
      'Upgrade',
      'Sec-WebSocket-Accept',
      'abc',
      'Sec-WebSocket-Protocol',
      'chat.v1',
      'Set-Cookie',
      's=1',
    ]);
    expect(headers).toEqual({ 'sec-websocket-protocol': 'chat.v1', 'set-cookie': 's=1' });
    expect(extraHeaderLines({ ...headers, 'x-bad': 'a\r\nInjected: 1', 'bad name': 'x' })).toEqual([
      'set-cookie: s=1',
    ]);
  });

  it('answers a replay with the recorded subprotocol when offered, else the first offered', () => {
    const offered = new Set(['chat.v2', 'chat.v1']);
    expect(replayProtocol(offered, { 'sec-websocket-protocol': 'chat.v1' })).toBe('chat.v1');
    expect(replayProtocol(offered, { 'sec-websocket-protocol': 'other' })).toBe('chat.v2');
    expect(replayProtocol(offered, undefined)).toBe('chat.v2');
    expect(replayProtocol(new Set(), undefined)).toBe(false);
  });
});
