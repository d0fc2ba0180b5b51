/** graphql-http's own GraphQL-over-HTTP audit suite, run against the real server: every audit passes. */
import { serverAudits } from 'graphql-http';
import { describe, expect, it } from 'vitest';
import { startStudio } from './api-harness';

describe('GraphQL over HTTP audit', () => {
  let url = '';
  const audits = serverAudits({ url: () => `${url}/graphql`, fetchFn: fetch });

  it('has audits to run', () => {
    expect(audits.length).toBeGreaterThan(30);
  });

  for (const audit of audits) {
    it(`${audit.id} ${audit.name}`, async () => {
      url = (await startStudio()).url;
      const result = await audit.fn();
      expect(result.status, 'reason' in result ? result.reason : '').toBe('ok');
    });
  }
});
