import { describe, expect, it } from 'vitest';
import type { Cassette } from '../../../proxy/cassette/cassette.model';
import { readCassetteFileSync } from '../../../proxy/cassette/formats/registry';
import { cassetteFacts, MAX_INDEXED_BODY_BYTES } from '../../../src-main/library/index-record';
import { magnetoFixture } from '../../support/fixtures';
import { syntheticCassette } from '../../support/synthetic-cassettes';

function factsOf(fixture: string): ReturnType<typeof cassetteFacts> {
  const { cassette, format, container } = readCassetteFileSync(magnetoFixture(fixture));
  return cassetteFacts(cassette, format, container);
}

describe('index facts of a cassette', () => {
  it('counts HTTP interactions by host, method and status', () => {
    const facts = factsOf('http-basic.json');
    expect(facts.format).toBe('magneto-v1');
    expect(facts.container).toBe('json');
    expect(facts.version).toBe('1.0');
    expect(facts.recordedAt).toBe('2025-06-02T14:03:11.482913274Z');
    expect(facts.interactions).toEqual({ http: 5, httpError: 0, webSocket: 0, total: 5 });
    expect([...facts.hosts]).toEqual([['api.example.com', 5]]);
    expect(Object.fromEntries(facts.methods)).toEqual({ GET: 3, POST: 1, DELETE: 1 });
    expect(Object.fromEntries(facts.statuses)).toEqual({ 200: 2, 201: 1, 204: 1, 404: 1 });
    expect(facts.urls.split('\n')).toContain('https://api.example.com/v1/search?b=2&a=1');
  });

  it('counts errors (no status) and WebSocket sessions (no method)', () => {
    const errors = factsOf('http-errors.json');
    expect(errors.interactions).toEqual({ http: 0, httpError: 7, webSocket: 0, total: 7 });
    expect(errors.statuses.size).toBe(0);
    expect(errors.hosts.get('127.0.0.1:9')).toBe(1);

    const chat = factsOf('websocket-chat.msgpack');
    expect(chat.container).toBe('msgpack');
    expect(chat.interactions).toEqual({ http: 0, httpError: 0, webSocket: 2, total: 2 });
    expect(chat.methods.size).toBe(0);
    expect(chat.bodies).toContain('Hello, Bob!');
  });

  it('sums decoded body bytes, binary included, and indexes only text', () => {
    const facts = factsOf('http-binary.json');
    // a 70-byte PNG and 642 bytes of JSON once the gzip body is decoded
    expect(facts.bodyBytes).toBe(70 + 642);
    expect(Buffer.byteLength(facts.bodies)).toBe(642);
  });

  it('caps the body text indexed for search', () => {
    const facts = factsOf('large-1000.msgpack');
    expect(facts.bodyBytes).toBeGreaterThan(1_000_000);
    expect(Buffer.byteLength(facts.bodies)).toBeLessThanOrEqual(MAX_INDEXED_BODY_BYTES);
    expect(Buffer.byteLength(facts.bodies)).toBeGreaterThan(MAX_INDEXED_BODY_BYTES - 1100);
  });

  it('never splits a character at the cap', () => {
    const cassette: Cassette = syntheticCassette('wide', { interactions: 1 });
    const first = cassette.interactions[0];
    if (first?.type !== 'Http') throw new Error('synthetic cassette changed');
    first.response.body = { kind: 'text', text: 'é'.repeat(MAX_INDEXED_BODY_BYTES) };
    const facts = cassetteFacts(cassette, 'native', 'json');
    expect(facts.bodies).toMatch(/^é+$/u);
    expect(Buffer.byteLength(facts.bodies)).toBe(MAX_INDEXED_BODY_BYTES);
  });

  it('keeps the studio metadata', () => {
    const cassette = syntheticCassette('tagged', {
      interactions: 2,
      tags: ['smoke', 'auth'],
      description: 'Login flow',
    });
    const facts = cassetteFacts(cassette, 'native', 'json');
    expect(facts.tags).toEqual(['smoke', 'auth']);
    expect(facts.description).toBe('Login flow');
  });
});
