import { describe, expect, it } from 'vitest';
import { readCassetteFileSync } from '../../../proxy/cassette/formats/registry';
import { RequestMatcher } from '../../../proxy/matching/request-matcher';
import { magnetoFixture } from '../../support/fixtures';
import { request } from './interactions';

describe('matching real Magneto-Serge cassettes', () => {
  it('matches each request of http-basic.json, the query in any order', () => {
    const { cassette } = readCassetteFileSync(magnetoFixture('http-basic.json'));
    const matcher = new RequestMatcher(cassette.interactions);
    cassette.interactions.forEach((interaction, index) => {
      if (interaction.type !== 'Http') throw new Error('http-basic holds HTTP interactions');
      const { method, url, headers } = interaction.request;
      expect(matcher.match(request(method, url, { headers }))).toMatchObject({
        kind: 'hit',
        index,
      });
    });
    expect(
      matcher.match(request('GET', 'https://api.example.com/v1/search?a=1&b=2')),
    ).toMatchObject({ kind: 'hit', index: 2, repeat: true });
  });

  it('matches the WebSockets of websocket-chat.json by URL', () => {
    const { cassette } = readCassetteFileSync(magnetoFixture('websocket-chat.json'));
    const matcher = new RequestMatcher(cassette.interactions);
    expect(
      matcher.matchWebSocket('wss://stream.example.com/ticker?symbols=BTC-EUR', {}),
    ).toMatchObject({ kind: 'hit', index: 1 });
    const miss = matcher.matchWebSocket('wss://chat.example.com/socket?room=random', {});
    expect(miss.kind === 'miss' && miss.nearMisses[0]).toMatchObject({
      index: 0,
      differences: [{ field: 'query', name: 'room', expected: 'general', actual: 'random' }],
    });
  });
});
