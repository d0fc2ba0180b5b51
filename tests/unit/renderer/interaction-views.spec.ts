import { describe, expect, it } from 'vitest';
import { bodyView, hexDump } from '../../../src-renderer/src/features/cassette/body-view';
import { headerRows, headerValue } from '../../../src-renderer/src/features/cassette/header-rows';
import { filterInteractions } from '../../../src-renderer/src/features/cassette/interaction-search';
import {
  parseInteractionInput,
  toInteractionInput,
} from '../../../src-renderer/src/features/cassette/interaction-input';
import type { Interaction } from '../../../src-renderer/src/features/cassette/cassette.store';

const http: Interaction = {
  id: 'i0',
  kind: 'Http',
  recordedAt: '2025-06-02T12:00:00.000Z',
  responseTimeMs: 12,
  request: {
    method: 'GET',
    url: 'https://api.example.com/users/42',
    headers: { accept: 'application/json' },
    body: null,
    bodyEncoding: null,
    bodySize: 0,
  },
  response: {
    status: 200,
    headers: { 'content-type': 'application/json', 'set-cookie': ['a=1', 'b=2'] },
    body: '{"id":42,"name":"Ada"}',
    bodyEncoding: 'Text',
    bodySize: 22,
    hasTemplates: false,
  },
  error: null,
  websocketUrl: null,
  websocketMessages: null,
  websocketClose: null,
};

const websocket: Interaction = {
  ...http,
  id: 'i1',
  kind: 'WebSocket',
  request: null,
  response: null,
  responseTimeMs: null,
  websocketUrl: 'wss://chat.example.com/socket',
  websocketMessages: [{ direction: 'Sent', timestampMs: 0, type: 'Text', data: 'hello bob' }],
  websocketClose: { code: 1000, reason: '' },
};

describe('body view', () => {
  it('indents JSON, keeps text, shows images and dumps other bytes in hex', () => {
    expect(bodyView('{"a":1}', 'Text', 'application/json')).toEqual({
      kind: 'json',
      text: '{\n  "a": 1\n}',
    });
    expect(bodyView('{not json', 'Text', 'application/json')).toEqual({
      kind: 'text',
      text: '{not json',
    });
    expect(bodyView('hello', 'Text', 'text/plain')).toEqual({ kind: 'text', text: 'hello' });
    expect(bodyView('iVBORw0KGgo=', 'Base64', 'image/png; q=1')).toMatchObject({
      kind: 'image',
      dataUrl: 'data:image/png;base64,iVBORw0KGgo=',
    });
    expect(bodyView(Buffer.from('plain words').toString('base64'), 'Base64', undefined)).toEqual({
      kind: 'text',
      text: 'plain words',
    });
    const binary = bodyView(
      Buffer.from([0, 1, 0xff, 0x41]).toString('base64'),
      'Base64',
      'application/octet-stream',
    );
    expect(binary).toEqual({
      kind: 'hex',
      text: `00000000  ${'00 01 ff 41'.padEnd(47)}  ...A`,
      truncated: false,
    });
    expect(bodyView(null, null, undefined)).toEqual({ kind: 'none' });
  });

  it('dumps 16 bytes a line with offsets, up to a limit', () => {
    const dump = hexDump(new Uint8Array(40).fill(0x61), 32);
    expect(dump.split('\n')).toHaveLength(2);
    expect(dump.split('\n')[1]).toMatch(/^00000010 {2}61 61/);
  });
});

describe('headers', () => {
  it('lists a repeated header once per value and finds values ignoring case', () => {
    expect(headerRows(http.response?.headers)).toEqual([
      ['content-type', 'application/json'],
      ['set-cookie', 'a=1'],
      ['set-cookie', 'b=2'],
    ]);
    expect(headerValue(http.response?.headers, 'Content-Type')).toBe('application/json');
    expect(headerRows(null)).toEqual([]);
  });
});

describe('interaction search', () => {
  it('filters by kind and by every word in URLs, headers and bodies', () => {
    const all = [http, websocket];
    expect(filterInteractions(all, 'All', '')).toHaveLength(2);
    expect(filterInteractions(all, 'WebSocket', '')).toEqual([websocket]);
    expect(filterInteractions(all, 'All', 'ADA users')).toEqual([http]);
    expect(filterInteractions(all, 'All', 'bob')).toEqual([websocket]);
    expect(filterInteractions(all, 'All', 'set-cookie')).toEqual([http]);
    expect(filterInteractions(all, 'Http', 'bob')).toEqual([]);
  });
});

describe('interaction input', () => {
  it('turns an interaction into the input that recreates it', () => {
    expect(toInteractionInput(http)).toEqual({
      kind: 'Http',
      recordedAt: http.recordedAt,
      responseTimeMs: 12,
      request: {
        method: 'GET',
        url: 'https://api.example.com/users/42',
        headers: { accept: 'application/json' },
      },
      response: {
        status: 200,
        headers: http.response?.headers,
        body: '{"id":42,"name":"Ada"}',
        bodyEncoding: 'Text',
      },
    });
    expect(toInteractionInput(websocket)).toMatchObject({
      kind: 'WebSocket',
      websocketUrl: 'wss://chat.example.com/socket',
      websocketClose: { code: 1000, reason: '' },
    });
  });

  it('accepts an edited interaction and says what is wrong with a bad one, and where', () => {
    const text = JSON.stringify(toInteractionInput(http), null, 2);
    expect(parseInteractionInput(text)).toEqual({ input: JSON.parse(text) });
    expect(parseInteractionInput('{\n  "kind": "Http",\n  "request": }')).toEqual({
      problem: { message: 'Not valid JSON: Unexpected "}"', line: 3, column: 14 },
    });
    expect(parseInteractionInput('{"kind":"Http","request":{"method":"GET","url":"x"}}')).toEqual({
      problem: { message: expect.stringMatching(/^response: /), line: 1, column: 1 },
    });
    const wrongStatus = JSON.stringify(
      { ...JSON.parse(text), response: { status: 'ok' } },
      null,
      2,
    ).split('\n');
    const statusLine = wrongStatus.findIndex((line) => line.includes('"status": "ok"'));
    expect(parseInteractionInput(wrongStatus.join('\n'))).toEqual({
      problem: {
        message: expect.stringMatching(/^response\.status: /),
        line: statusLine + 1,
        column: wrongStatus[statusLine]!.indexOf('"status"') + 1,
      },
    });
    expect(parseInteractionInput('{"kind":"Ftp"}')).toMatchObject({
      problem: { message: expect.stringMatching(/^kind: /), line: 1, column: 2 },
    });
  });
});
