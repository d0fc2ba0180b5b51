/** Which operation the in-app playground sends, and over which pipe. */
import { describe, expect, it } from 'vitest';
import { resolveOperation } from '../../../src-renderer/src/features/playground/studio-fetcher';

describe('playground operations', () => {
  it('tells subscriptions from queries and mutations', () => {
    expect(resolveOperation({ query: 'subscription S { proxyTraffic { id } }' }).subscription).toBe(
      true,
    );
    expect(resolveOperation({ query: '{ proxyStatus { running } }' }).subscription).toBe(false);
    const query =
      'query A { globalStats { totalCassettes } } subscription B { proxyTraffic { id } }';
    expect(resolveOperation({ query, operationName: 'B' })).toEqual({
      request: { query, operationName: 'B' },
      subscription: true,
    });
    expect(resolveOperation({ query, operationName: 'A' }).subscription).toBe(false);
  });

  it('runs the only operation when the name sent is one the document no longer has', () => {
    const query = '{ proxyStatus { running } }';
    expect(resolveOperation({ query, operationName: 'Overview' })).toEqual({
      request: { query, operationName: null },
      subscription: false,
    });
    const named = 'subscription Changes { cassetteUpdated { name } }';
    expect(resolveOperation({ query: named, operationName: 'Overview' })).toEqual({
      request: { query: named, operationName: 'Changes' },
      subscription: true,
    });
  });

  it('leaves what it cannot read for the server to explain', () => {
    expect(resolveOperation({ query: '{ nope', operationName: 'X' })).toEqual({
      request: { query: '{ nope', operationName: 'X' },
      subscription: false,
    });
    const two = 'query A { a } query B { b }';
    expect(resolveOperation({ query: two, operationName: 'C' }).request.operationName).toBe('C');
  });
});
