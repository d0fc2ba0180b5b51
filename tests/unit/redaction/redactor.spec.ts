import { describe, expect, it } from 'vitest';
import type {
  Cassette,
  HttpErrorInteraction,
  HttpInteraction,
  Interaction,
  WebSocketInteraction,
} from '../../../proxy/cassette/cassette.model';
import { readCassetteFileSync } from '../../../proxy/cassette/formats/registry';
import { parseRedactionOptions, redactCassette, redactInteraction } from '../../../proxy/redaction';
import { magnetoFixture } from '../../support/fixtures';

const options = parseRedactionOptions({
  headers: ['X-Custom-Secret'],
  bodyFields: [
    'password',
    'access_token',
    'refresh_token',
    'client_secret',
    'token',
    '$.meta.note',
    '$.items[*].card',
  ],
});

const prettyRequestBody = `{
  "user": {
    "name": "ann",
    "credentials": {
      "password": "SECRET-NESTED-1",
      "hint": "pet name"
    }
  },
  "tokens": [
    { "access_token": "SECRET-ARRAY-1", "scope": "read" },
    { "access_token": "SECRET-ARRAY-2", "scope": "write" }
  ],
  "items": [{ "sku": "A", "card": "SECRET-PATH-1" }, { "sku": "B", "card": "SECRET-PATH-2" }],
  "meta": { "note": "SECRET-PATH-3", "trace": "t-1" }
}
`;

const compactResponseBody =
  '{"accessToken":"SECRET-RESP-1","refresh_token":"SECRET-RESP-2","expires_in":3600}';

function seededHttp(): HttpInteraction {
  return {
    type: 'Http',
    id: 'h1',
    recordedAt: '2025-06-02T12:00:00Z',
    request: {
      method: 'POST',
      url: 'https://ann:SECRET-USERINFO@api.example.com/v1/login?api_key=SECRET-QUERY-1&page=2&accessToken=SECRET-QUERY-2#top',
      headers: {
        authorization: 'Bearer SECRET-AUTH-1',
        cookie: 'session=SECRET-COOKIE-1; theme=SECRET-COOKIE-2',
        'x-api-key': 'SECRET-XKEY',
        'x-custom-secret': 'SECRET-CUSTOM',
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(prettyRequestBody)),
        accept: 'application/json',
      },
      body: { kind: 'text', text: prettyRequestBody },
    },
    response: {
      status: 200,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-encoding': 'gzip',
        'set-cookie': [
          'sid=SECRET-SETCOOKIE-1; Path=/; HttpOnly',
          'csrf=SECRET-SETCOOKIE-2; Secure; SameSite=Lax',
          'old=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT',
        ],
        location: 'https://app.example.com/callback?token=SECRET-LOCATION&state=xyz',
      },
      body: {
        kind: 'text',
        text: compactResponseBody,
        contentEncoding: 'gzip',
        wireBase64: Buffer.from(`gzip bytes of ${compactResponseBody}`).toString('base64'),
      },
    },
  };
}

function seededForm(): HttpInteraction {
  return {
    type: 'Http',
    id: 'h2',
    recordedAt: '2025-06-02T12:00:01Z',
    request: {
      method: 'POST',
      url: 'https://auth.example.com/oauth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: {
        kind: 'text',
        text: 'grant_type=password&username=ann&password=SECRET-FORM-1&client_secret=SECRET-FORM-2&flag',
      },
    },
    response: {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: {
        kind: 'text',
        text: '{"user":"ann","refresh_token":"SECRET-TRUNCATED-1","access_token":"SECRET-TRUN',
        truncated: true,
        originalSize: 4000,
      },
    },
  };
}

function seededError(): HttpErrorInteraction {
  return {
    type: 'HttpError',
    id: 'e1',
    recordedAt: '2025-06-02T12:00:02Z',
    request: {
      method: 'GET',
      url: 'https://down.example.com/v1/status?token=SECRET-ERROR-1',
      headers: { authorization: 'SECRET-AUTH-2' },
      body: null,
    },
    error: {
      errorType: 'ConnectionRefused',
      message:
        'error sending request for url (https://down.example.com/v1/status?token=SECRET-ERROR-1): connection refused',
    },
  };
}

function seededWebSocket(): WebSocketInteraction {
  return {
    type: 'WebSocket',
    id: 'w1',
    recordedAt: '2025-06-02T12:00:03Z',
    url: 'wss://chat.example.com/socket?room=general&access_token=SECRET-WS-URL',
    requestHeaders: { cookie: 'sid=SECRET-WS-COOKIE', 'sec-websocket-protocol': 'chat' },
    responseHeaders: { 'set-cookie': 'sid=SECRET-WS-SETCOOKIE; Path=/' },
    messages: [
      {
        direction: 'Sent',
        timestampMs: 0,
        msgType: 'Text',
        data: '{"type":"auth","token":"SECRET-WS-MESSAGE","room":"general"}',
      },
      { direction: 'Received', timestampMs: 5, msgType: 'Text', data: 'hello, token' },
      { direction: 'Received', timestampMs: 6, msgType: 'Binary', data: 'AAECAw==' },
    ],
    closeFrame: { code: 1000, reason: 'bye' },
  };
}

function seededCassette(): Cassette {
  return {
    version: '2.0',
    name: 'seeded',
    recordedAt: '2025-06-02T12:00:00Z',
    cookies: [
      {
        name: 'sid',
        value: 'SECRET-JAR-1',
        domain: 'example.com',
        path: '/',
        expires: null,
        maxAge: null,
        secure: true,
        httpOnly: true,
        sameSite: 'Lax',
        createdAt: '2025-06-02T12:00:00Z',
      },
    ],
    interactions: [seededHttp(), seededForm(), seededError(), seededWebSocket()],
    metadata: {
      createdAt: '2025-06-02T12:00:00Z',
      modifiedAt: '2025-06-02T12:00:00Z',
      tags: ['auth'],
      description: 'login flow',
      settings: { redaction: { placeholder: '[REDACTED]' } },
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}

function expectNoSecret(result: unknown): void {
  const text = JSON.stringify(result);
  expect(text.match(/SECRET[\w-]*/g) ?? []).toEqual([]);
}

describe('redactCassette', () => {
  it('hides every seeded secret, anywhere, without touching the input', () => {
    const input = deepFreeze(seededCassette());
    const before = structuredClone(input);
    const result = redactCassette(input, options);
    expectNoSecret(result);
    expect(input).toEqual(before);
    expect(result).not.toBe(input);
    expect(result.metadata).toEqual(input.metadata);
    expect(result.metadata).not.toBe(input.metadata);
    expect(result.cookies).toEqual([{ ...before.cookies?.[0], value: '[REDACTED]' }]);
  });
});

describe('redactInteraction', () => {
  it('keeps headers useful: cookie names, Set-Cookie attributes, the auth scheme', () => {
    const result = redactInteraction(seededHttp(), options) as HttpInteraction;
    expect(result.request.headers).toEqual({
      authorization: 'Bearer [REDACTED]',
      cookie: 'session=[REDACTED]; theme=[REDACTED]',
      'x-api-key': '[REDACTED]',
      'x-custom-secret': '[REDACTED]',
      'content-type': 'application/json',
      'content-length': expect.any(String),
      accept: 'application/json',
    });
    expect(result.response.headers['set-cookie']).toEqual([
      'sid=[REDACTED]; Path=/; HttpOnly',
      'csrf=[REDACTED]; Secure; SameSite=Lax',
      'old=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT',
    ]);
    expect(result.response.headers.location).toBe(
      'https://app.example.com/callback?token=[REDACTED]&state=xyz',
    );
  });

  it('hides query values and user info, keeping the rest of the URL as written', () => {
    const result = redactInteraction(seededHttp(), options) as HttpInteraction;
    expect(result.request.url).toBe(
      'https://ann:%5BREDACTED%5D@api.example.com/v1/login?api_key=[REDACTED]&page=2&accessToken=[REDACTED]#top',
    );
  });

  it('keeps pretty JSON pretty, down to spacing, and updates Content-Length', () => {
    const result = redactInteraction(seededHttp(), options) as HttpInteraction;
    const expected = prettyRequestBody
      .replace('"SECRET-NESTED-1"', '"[REDACTED]"')
      .replace('"SECRET-ARRAY-1"', '"[REDACTED]"')
      .replace('"SECRET-ARRAY-2"', '"[REDACTED]"')
      .replace('"SECRET-PATH-1"', '"[REDACTED]"')
      .replace('"SECRET-PATH-2"', '"[REDACTED]"')
      .replace('"SECRET-PATH-3"', '"[REDACTED]"');
    expect(result.request.body).toEqual({ kind: 'text', text: expected });
    expect(result.request.headers['content-length']).toBe(String(Buffer.byteLength(expected)));
  });

  it('keeps compact JSON compact and drops the stale wire bytes of a changed body', () => {
    const result = redactInteraction(seededHttp(), options) as HttpInteraction;
    expect(result.response.body).toEqual({
      kind: 'text',
      text: '{"accessToken":"[REDACTED]","refresh_token":"[REDACTED]","expires_in":3600}',
      contentEncoding: 'gzip',
    });
  });

  it('hides form fields and fields of cut-short JSON', () => {
    const result = redactInteraction(seededForm(), options) as HttpInteraction;
    expect(result.request.body).toEqual({
      kind: 'text',
      text: 'grant_type=password&username=ann&password=[REDACTED]&client_secret=[REDACTED]&flag',
    });
    expect(result.response.body).toEqual({
      kind: 'text',
      text: '{"user":"ann","refresh_token":"[REDACTED]","access_token":"[REDACTED]"',
      truncated: true,
      originalSize: 4000,
    });
  });

  it('hides URLs in error messages', () => {
    const result = redactInteraction(seededError(), options) as HttpErrorInteraction;
    expect(result.error.message).toBe(
      'error sending request for url (https://down.example.com/v1/status?token=[REDACTED]): connection refused',
    );
    expect(result.request.headers.authorization).toBe('[REDACTED]');
  });

  it('hides WebSocket URL, handshake and JSON message secrets, leaving other messages', () => {
    const input = seededWebSocket();
    const result = redactInteraction(input, options) as WebSocketInteraction;
    expect(result.url).toBe('wss://chat.example.com/socket?room=general&access_token=[REDACTED]');
    expect(result.requestHeaders).toEqual({
      cookie: 'sid=[REDACTED]',
      'sec-websocket-protocol': 'chat',
    });
    expect(result.responseHeaders).toEqual({ 'set-cookie': 'sid=[REDACTED]; Path=/' });
    expect(result.messages.map((message) => message.data)).toEqual([
      '{"type":"auth","token":"[REDACTED]","room":"general"}',
      'hello, token',
      'AAECAw==',
    ]);
    expect(result.closeFrame).toEqual(input.closeFrame);
  });

  it('returns equal but separate objects when there is nothing to hide', () => {
    const plain: Interaction = {
      type: 'Http',
      id: 'p',
      recordedAt: '2025-06-02T12:00:00Z',
      request: { method: 'GET', url: 'https://x.example.com/a?b=1', headers: {}, body: null },
      response: {
        status: 200,
        headers: { 'content-type': 'application/json', 'content-length': '9' },
        body: { kind: 'text', text: '{"a": [1]}', wireBase64: 'AAAA', contentEncoding: 'br' },
      },
    };
    const result = redactInteraction(plain, options);
    expect(result).toEqual(plain);
    expect(result.type === 'Http' && result.response.body).not.toBe(plain.response.body);
  });

  it('compares field names ignoring case, dashes and underscores, and uses the placeholder', () => {
    const result = redactInteraction(
      {
        ...seededWebSocket(),
        url: 'wss://x.example.com/?API-KEY=1&Api_Key=2&apikey=3&monkey=4',
        messages: [
          {
            direction: 'Sent',
            timestampMs: 0,
            msgType: 'Text',
            data: '{"Client-Secret":"a","clientSecret":"b","secretary":"c"}',
          },
        ],
      },
      parseRedactionOptions({ placeholder: '***' }),
    ) as WebSocketInteraction;
    expect(result.url).toBe('wss://x.example.com/?API-KEY=***&Api_Key=***&apikey=***&monkey=4');
    expect(result.messages[0]?.data).toBe(
      '{"Client-Secret":"***","clientSecret":"***","secretary":"c"}',
    );
  });

  it('hides JSON in server-sent events line by line', () => {
    const events = 'event: token\ndata: {"token":"abc","n":1}\n\ndata: not json\n\n';
    const result = redactInteraction(
      {
        type: 'Http',
        id: 's',
        recordedAt: '2025-06-02T12:00:00Z',
        request: { method: 'GET', url: 'https://x.example.com/events', headers: {}, body: null },
        response: {
          status: 200,
          headers: { 'content-type': 'text/event-stream' },
          body: { kind: 'text', text: events },
          eventOffsetsMs: [0, 10],
        },
      },
      options,
    ) as HttpInteraction;
    expect(result.response.body).toEqual({
      kind: 'text',
      text: 'event: token\ndata: {"token":"[REDACTED]","n":1}\n\ndata: not json\n\n',
    });
    expect(result.response.eventOffsetsMs).toEqual([0, 10]);
  });
});

describe('redaction of a real Magneto-Serge cassette', () => {
  it('hides the session, CSRF token and password of mixed-with-cookies.json', () => {
    const { cassette } = readCassetteFileSync(magnetoFixture('mixed-with-cookies.json'));
    const secrets = ['9f86d081884c7d65', 'c5f2e0b1a9d84e7f', 'correct-horse-battery-staple'];
    const before = JSON.stringify(cassette);
    for (const secret of secrets) expect(before).toContain(secret);

    const result = redactCassette(cassette, parseRedactionOptions(undefined));
    const after = JSON.stringify(result);
    for (const secret of secrets) expect(after).not.toContain(secret);
    expect(JSON.stringify(cassette)).toBe(before);

    const [login, profile, live, logout] = result.interactions;
    expect(login?.type === 'Http' && login.request.body).toEqual({
      kind: 'text',
      text: '{"username":"alice","password":"[REDACTED]"}',
    });
    expect(login?.type === 'Http' && login.request.headers['content-length']).toBe('44');
    expect(login?.type === 'Http' && login.response).toEqual(
      cassette.interactions[0]?.type === 'Http' && {
        ...cassette.interactions[0].response,
        headers: {
          ...cassette.interactions[0].response.headers,
          'set-cookie':
            'csrf_token=[REDACTED]; Domain=.example.com; Path=/api; Expires=Sat, 02 Jun 2035 14:40:01 GMT; Max-Age=315360000; Secure; SameSite=Strict',
        },
      },
    );
    expect(profile?.type === 'Http' && profile.response).toEqual(
      cassette.interactions[1]?.type === 'Http' && cassette.interactions[1].response,
    );
    expect(live?.type === 'WebSocket' && live.messages[0]?.data).toBe(
      '{"type":"auth","csrf":"[REDACTED]"}',
    );
    expect(logout?.type === 'Http' && logout.response.headers['set-cookie']).toBe(
      'session_id=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Secure; HttpOnly; SameSite=Lax',
    );
  });
});
