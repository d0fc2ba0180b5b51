import { describe, expect, it } from 'vitest';
import { parseMatchingOptions } from '../../../proxy/matching/matching-options';
import { formatNearMissReport } from '../../../proxy/matching/near-miss';
import { RequestMatcher } from '../../../proxy/matching/request-matcher';
import { DEFAULT_REDACTION_OPTIONS } from '../../../proxy/redaction/redaction-options';
import { redactInteraction } from '../../../proxy/redaction/redactor';
import { http, request, webSocket } from './interactions';

const matching = parseMatchingOptions({ headers: ['authorization'], body: 'json' });
const login = http('POST', 'https://api.example.com/login?api_key=OLD-KEY&page=2', {
  headers: { authorization: 'Bearer OLD-TOKEN', 'content-type': 'application/json' },
  body: '{"user":"ann","password":"old-password"}',
});
const incoming = request('POST', 'https://api.example.com/login?page=2&api_key=NEW-KEY', {
  headers: { authorization: 'Bearer NEW-TOKEN', 'content-type': 'application/json' },
  body: '{"password":"new-password","user":"ann"}',
});

describe('matching with the cassette redaction', () => {
  it('matches a redacted recording whatever secrets the request carries', () => {
    const recorded = redactInteraction(login, DEFAULT_REDACTION_OPTIONS);
    expect(new RequestMatcher([recorded], matching).match(incoming).kind).toBe('miss');
    const matcher = new RequestMatcher([recorded], matching, DEFAULT_REDACTION_OPTIONS);
    expect(matcher.match(incoming)).toMatchObject({ kind: 'hit', index: 0 });
  });

  it('redacts recordings made before redaction was set up the same way', () => {
    const matcher = new RequestMatcher([login], matching, DEFAULT_REDACTION_OPTIONS);
    expect(matcher.match(incoming)).toMatchObject({ kind: 'hit', index: 0 });
  });

  it('still tells apart what is not secret, and reports no secret on a miss', () => {
    const matcher = new RequestMatcher([login], matching, DEFAULT_REDACTION_OPTIONS);
    const other = request('POST', 'https://api.example.com/login?page=3&api_key=NEW-KEY', {
      headers: { authorization: 'Bearer NEW-TOKEN' },
      body: '{"user":"bob","password":"new-password"}',
    });
    const result = matcher.match(other);
    expect(result.kind).toBe('miss');
    if (result.kind !== 'miss') return;
    const report = formatNearMissReport(result.nearMisses, {
      method: 'POST',
      url: 'https://api.example.com/login?page=3',
    });
    expect(report).toContain('query parameter "page": expected "2", got "3"');
    expect(report).toContain('body field $.user: expected "ann", got "bob"');
    expect(JSON.stringify(result.nearMisses.map((n) => n.differences))).not.toMatch(
      /OLD-|NEW-|old-password|new-password/,
    );
  });

  it('applies to WebSocket URLs and handshake headers too', () => {
    const matcher = new RequestMatcher(
      [
        webSocket('wss://chat.example.com/socket?token=OLD&room=1'),
        webSocket('wss://chat.example.com/private', { authorization: 'Bearer OLD' }),
      ],
      matching,
      DEFAULT_REDACTION_OPTIONS,
    );
    expect(
      matcher.matchWebSocket('wss://chat.example.com/private', { authorization: 'Bearer NEW' }),
    ).toMatchObject({ kind: 'hit', index: 1 });
    expect(
      matcher.matchWebSocket('wss://chat.example.com/socket?room=1&token=NEW', {}),
    ).toMatchObject({
      kind: 'hit',
      index: 0,
    });
  });
});
