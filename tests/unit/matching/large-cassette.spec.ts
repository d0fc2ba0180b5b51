import { describe, expect, it } from 'vitest';
import { RequestMatcher } from '../../../proxy/matching';
import { syntheticCassette } from '../../support/synthetic-cassettes';
import { request } from './interactions';

describe('a 100,000-interaction cassette', () => {
  const { interactions } = syntheticCassette('large', { interactions: 100_000, bodySize: 0 });
  const matcher = new RequestMatcher(interactions);

  it('matches every probed request to its own interaction', () => {
    expect(matcher.size).toBe(100_000);
    for (const index of [0, 1, 4_242, 54_321, 99_999]) {
      const recorded = interactions[index];
      if (recorded?.type !== 'Http') throw new Error('synthetic interactions are HTTP');
      const result = matcher.match(request(recorded.request.method, recorded.request.url));
      expect(result).toMatchObject({ kind: 'hit', index, repeat: false });
    }
  });

  it('finds the near miss that differs by one query parameter', () => {
    const recorded = interactions[54_321];
    if (recorded?.type !== 'Http') throw new Error('synthetic interactions are HTTP');
    expect(recorded.request.url).toBe('https://auth.example.com/api/items/54321?page=1');
    const result = matcher.match(
      request(recorded.request.method, 'https://auth.example.com/api/items/54321?page=2'),
    );
    expect(result.kind).toBe('miss');
    if (result.kind !== 'miss') return;
    expect(result.nearMisses).toHaveLength(3);
    expect(result.nearMisses[0]).toMatchObject({
      index: 54_321,
      differences: [{ field: 'query', name: 'page', expected: '1', actual: '2' }],
    });
  });
});
