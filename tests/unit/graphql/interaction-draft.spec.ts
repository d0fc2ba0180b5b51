import { describe, expect, it } from 'vitest';
import { interactionInputOf } from '../../../src-main/services/interaction-draft';
import { ServiceError } from '../../../src-main/services/service-error';

describe('interaction drafts', () => {
  it('converts an HTTP draft: upper-case method, lower-case repeated headers, text and base64 bodies', () => {
    expect(
      interactionInputOf({
        kind: 'Http',
        request: {
          method: 'post',
          url: 'https://a/',
          headers: { 'Set-Cookie': 'a=1', 'set-cookie': ['b=2'] },
          body: 'AQ==',
          bodyEncoding: 'base64',
        },
        response: { status: 204 },
      }),
    ).toEqual({
      type: 'Http',
      request: {
        method: 'POST',
        url: 'https://a/',
        headers: { 'set-cookie': ['a=1', 'b=2'] },
        body: { kind: 'binary', base64: 'AQ==' },
      },
      response: { status: 204, headers: {}, body: null },
    });
  });

  it('converts WebSocket and HTTP error drafts', () => {
    expect(
      interactionInputOf({
        kind: 'WebSocket',
        websocketUrl: 'wss://a/',
        websocketMessages: [{ direction: 'Received', timestampMs: 3, type: 'Text', data: 'hi' }],
      }),
    ).toEqual({
      type: 'WebSocket',
      url: 'wss://a/',
      messages: [{ direction: 'Received', timestampMs: 3, msgType: 'Text', data: 'hi' }],
      closeFrame: null,
    });
    expect(
      interactionInputOf({
        kind: 'HttpError',
        request: { method: 'GET', url: 'https://a/' },
        error: { type: 'TooManyRedirects', message: 'loop', redirectCount: 10 },
        responseTimeMs: 4,
      }),
    ).toMatchObject({
      type: 'HttpError',
      responseTimeMs: 4,
      error: { errorType: 'TooManyRedirects', message: 'loop', redirectCount: 10 },
    });
  });

  it('refuses drafts with unknown fields or missing parts, saying what is wrong', () => {
    expect(() =>
      interactionInputOf({ kind: 'Http', request: { method: 'GET', url: 'x' } }),
    ).toThrow(/needs "response"/);
    expect(() => interactionInputOf({ kind: 'Http', extra: 1 })).toThrow(ServiceError);
    expect(() => interactionInputOf({ kind: 'Smoke' })).toThrow(/Invalid interaction/);
  });
});
