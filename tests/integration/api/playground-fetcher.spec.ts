/** The playground page's fetcher, against the real server (queries; the token from the URL). */
import { describe, expect, it } from 'vitest';
import { playgroundFetcher } from '../../../src-main/server/playground/playground-fetcher';
import { startStudio } from './api-harness';

describe('playground fetcher', () => {
  it('sends queries to the page origin with the token given in the URL fragment', async () => {
    const token = 'playground-token-0123456789';
    const studio = await startStudio({ token });
    const withToken = playgroundFetcher({
      origin: studio.url,
      hash: `#token=${token}`,
    } as Location);
    expect(await withToken({ query: '{ globalStats { totalCassettes } }' })).toEqual({
      data: { globalStats: { totalCassettes: 0 } },
    });
    const withoutToken = playgroundFetcher({ origin: studio.url, hash: '' } as Location);
    expect(
      await withoutToken({
        query: 'query Stats { globalStats { totalCassettes } }',
        operationName: 'Stats',
      }),
    ).toMatchObject({
      error: { code: 'UNAUTHENTICATED' },
    });
  });
});
