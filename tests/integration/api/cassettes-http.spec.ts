/** Cassette queries and mutations over real HTTP, on a real library in a temporary folder. */
import { describe, expect, it } from 'vitest';
import { type Data, type Studio, gql, gqlData, startStudio } from './api-harness';

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateCassetteInput!) {
    createCassette(input: $input) {
      id
      name
      version
      interactionCount
      metadata {
        format
        compressed
        tags
        description
        sourceFormat
        fileName
      }
    }
  }
`;

async function create(studio: Studio, input: Record<string, unknown>): Promise<Data> {
  return (await gqlData(studio.url, CREATE, { input })).createCassette;
}

const GET_INTERACTION = {
  kind: 'Http',
  request: {
    method: 'get',
    url: 'https://api.example.com/users/42',
    headers: { Accept: 'application/json' },
  },
  response: {
    status: 200,
    headers: { 'Content-Type': 'application/json' },
    body: '{"id":42,"name":"Ada"}',
  },
};

describe('cassette queries and mutations over HTTP', () => {
  it('creates a cassette and reads it back with its interactions, metadata and stats', async () => {
    const studio = await startStudio();
    const created = await create(studio, {
      name: 'users',
      description: 'User API',
      tags: ['api', ' api ', 'smoke'],
      format: 'MessagePack',
      compressed: true,
      interactions: [GET_INTERACTION],
    });
    expect(created).toMatchObject({
      id: 'users',
      name: 'users',
      version: '2.0',
      interactionCount: 1,
      metadata: {
        format: 'MessagePack',
        compressed: true,
        tags: ['api', 'smoke'],
        description: 'User API',
        sourceFormat: 'native',
        fileName: 'users.msgpack.gz',
      },
    });
    const { cassette } = await gqlData(
      studio.url,
      /* GraphQL */ `
        query {
          cassette(name: "users") {
            recordedAt
            interactions {
              id
              kind
              request {
                method
                url
                headers
                body
                bodyEncoding
                bodySize
              }
              response {
                status
                headers
                body
                hasTemplates
              }
            }
            stats {
              interactionCount
              httpCount
              hosts {
                value
                count
              }
              methods {
                value
                count
              }
              statusCodes {
                status
                count
              }
            }
            metadata {
              createdAt
              modifiedAt
              sizeBytes
              settings
            }
          }
        }
      `,
    );
    expect(cassette.interactions).toHaveLength(1);
    const [interaction] = cassette.interactions;
    expect(interaction.id).toMatch(/^[\w-]{8}$/);
    expect(interaction).toMatchObject({
      kind: 'Http',
      request: {
        method: 'GET',
        headers: { accept: 'application/json' },
        body: null,
        bodyEncoding: null,
        bodySize: 0,
      },
      response: { status: 200, body: '{"id":42,"name":"Ada"}', hasTemplates: false },
    });
    expect(cassette.stats).toMatchObject({
      interactionCount: 1,
      httpCount: 1,
      hosts: [{ value: 'api.example.com', count: 1 }],
      methods: [{ value: 'GET', count: 1 }],
      statusCodes: [{ status: 200, count: 1 }],
    });
    expect(cassette.metadata.sizeBytes).toBeGreaterThan(0);
    expect(cassette.metadata.settings).toEqual({});
  });

  it('reports a missing cassette as CASSETTE_NOT_FOUND with its name, and no stack trace', async () => {
    const studio = await startStudio();
    const result = await gql(studio.url, '{ cassette(name: "ghost") { name } }');
    expect(result.data).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]).toMatchObject({
      message: 'No cassette named "ghost" in the library.',
      path: ['cassette'],
      extensions: { code: 'CASSETTE_NOT_FOUND', name: 'ghost' },
    });
    expect(JSON.stringify(result)).not.toMatch(/stack|\bat .*\.ts:\d+/);
  });

  it('refuses invalid and taken names with BAD_USER_INPUT and CASSETTE_EXISTS', async () => {
    const studio = await startStudio();
    await create(studio, { name: 'taken' });
    const invalid = await gql(studio.url, CREATE, { input: { name: '../escape' } });
    expect(invalid.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      name: '../escape',
    });
    const taken = await gql(studio.url, CREATE, { input: { name: 'taken' } });
    expect(taken.errors?.[0]?.extensions).toMatchObject({ code: 'CASSETTE_EXISTS', name: 'taken' });
  });

  it('lists with filters, multi-key sort, offset and cursor pages', async () => {
    const studio = await startStudio();
    for (const [index, name] of ['alpha', 'beta', 'gamma', 'delta', 'epsilon'].entries()) {
      await create(studio, {
        name,
        tags: index % 2 === 0 ? ['even'] : ['odd'],
        interactions: Array.from({ length: index }, () => GET_INTERACTION),
      });
    }
    const query = /* GraphQL */ `
      query List(
        $filter: CassetteFilterInput
        $sort: [SortInput!]
        $limit: Int
        $offset: Int
        $after: String
      ) {
        cassettes(filter: $filter, sort: $sort, limit: $limit, offset: $offset, after: $after) {
          totalCount
          nextCursor
          hasNextPage
          items {
            name
            interactionCount
          }
        }
      }
    `;
    const even = await gqlData(studio.url, query, {
      filter: { tags: ['even'], minInteractions: 1 },
      sort: [{ sortBy: 'Interactions', order: 'Desc' }],
    });
    expect(even.cassettes.items.map((item: { name: string }) => item.name)).toEqual([
      'epsilon',
      'gamma',
    ]);
    expect(even.cassettes).toMatchObject({ totalCount: 2, hasNextPage: false, nextCursor: null });

    const first = await gqlData(studio.url, query, { sort: [{ sortBy: 'Name' }], limit: 2 });
    expect(first.cassettes.items.map((item: { name: string }) => item.name)).toEqual([
      'alpha',
      'beta',
    ]);
    expect(first.cassettes.hasNextPage).toBe(true);
    const second = await gqlData(studio.url, query, {
      sort: [{ sortBy: 'Name' }],
      limit: 2,
      after: first.cassettes.nextCursor,
    });
    expect(second.cassettes.items.map((item: { name: string }) => item.name)).toEqual([
      'delta',
      'epsilon',
    ]);
    const skipped = await gqlData(studio.url, query, {
      sort: [{ sortBy: 'Name' }],
      limit: 1,
      offset: 4,
    });
    expect(skipped.cassettes.items.map((item: { name: string }) => item.name)).toEqual(['gamma']);

    const bad = await gql(studio.url, query, { limit: -1 });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('searches full text and returns hits with snippets', async () => {
    const studio = await startStudio();
    await create(studio, { name: 'billing', description: 'Invoices and refunds' });
    await create(studio, { name: 'users', interactions: [GET_INTERACTION] });
    const { searchCassettes } = await gqlData(
      studio.url,
      '{ searchCassettes(query: "refund") { cassette { name } score snippet highlights { start end } } }',
    );
    expect(searchCassettes).toHaveLength(1);
    expect(searchCassettes[0].cassette.name).toBe('billing');
    expect(searchCassettes[0].highlights.length).toBeGreaterThan(0);
    const byBody = await gqlData(
      studio.url,
      '{ searchCassettes(query: "Ada", limit: 5) { cassette { name } } }',
    );
    expect(
      byBody.searchCassettes.map((hit: { cassette: { name: string } }) => hit.cassette.name),
    ).toEqual(['users']);
  });

  it('updates, duplicates, renames and deletes', async () => {
    const studio = await startStudio();
    await create(studio, { name: 'orig', interactions: [GET_INTERACTION] });
    const { updateCassette } = await gqlData(
      studio.url,
      'mutation { updateCassette(name: "orig", input: { tags: ["b", "a"], description: "d", settings: { mode: "replay" } }) { metadata { tags description settings } } }',
    );
    expect(updateCassette.metadata).toEqual({
      tags: ['b', 'a'],
      description: 'd',
      settings: { mode: 'replay' },
    });
    const { duplicateCassette } = await gqlData(
      studio.url,
      'mutation { duplicateCassette(name: "orig", newName: "copy") { name interactionCount metadata { tags } } }',
    );
    expect(duplicateCassette).toEqual({
      name: 'copy',
      interactionCount: 1,
      metadata: { tags: ['b', 'a'] },
    });
    const { renameCassette } = await gqlData(
      studio.url,
      'mutation { renameCassette(name: "copy", newName: "renamed") { name } }',
    );
    expect(renameCassette.name).toBe('renamed');
    expect(await gqlData(studio.url, 'mutation { deleteCassette(name: "renamed") }')).toEqual({
      deleteCassette: true,
    });
    const { cassettes } = await gqlData(studio.url, '{ cassettes { items { name } } }');
    expect(cassettes.items).toEqual([{ name: 'orig' }]);
  });

  it('deletes and tags in bulk with a result per cassette', async () => {
    const studio = await startStudio();
    for (const name of ['a', 'b', 'c']) await create(studio, { name, tags: ['old', 'keep'] });
    const { tagCassettes } = await gqlData(
      studio.url,
      'mutation { tagCassettes(names: ["a", "missing", "b"], add: ["new"], remove: ["old"]) { succeeded failed results { name ok error { code message } } } }',
    );
    expect(tagCassettes).toEqual({
      succeeded: 2,
      failed: 1,
      results: [
        { name: 'a', ok: true, error: null },
        {
          name: 'missing',
          ok: false,
          error: {
            code: 'CASSETTE_NOT_FOUND',
            message: 'No cassette named "missing" in the library.',
          },
        },
        { name: 'b', ok: true, error: null },
      ],
    });
    const { cassette } = await gqlData(studio.url, '{ cassette(name: "a") { metadata { tags } } }');
    expect(cassette.metadata.tags).toEqual(['keep', 'new']);
    const { deleteCassettes } = await gqlData(
      studio.url,
      'mutation { deleteCassettes(names: ["a", "c", "a", "nope"]) { succeeded failed results { name ok } } }',
    );
    expect(deleteCassettes).toEqual({
      succeeded: 2,
      failed: 1,
      results: [
        { name: 'a', ok: true },
        { name: 'c', ok: true },
        { name: 'nope', ok: false },
      ],
    });
  });

  it('reports global stats and the activity of the last days', async () => {
    const studio = await startStudio();
    await create(studio, { name: 'one', interactions: [GET_INTERACTION, GET_INTERACTION] });
    await create(studio, { name: 'two' });
    const data = await gqlData(
      studio.url,
      /* GraphQL */ `
        {
          globalStats {
            totalCassettes
            brokenCassettes
            totalInteractions
            httpCount
            httpErrorCount
            websocketCount
            totalSizeBytes
            bodyBytes
            topHosts {
              value
              count
            }
            topMethods {
              value
              count
            }
            topStatusCodes {
              status
              count
            }
            largest {
              name
              sizeBytes
            }
          }
          activity(days: 7) {
            from
            to
            days {
              date
              total
              created
              updated
              deleted
              renamed
              broken
            }
            hours {
              date
              hour
              count
            }
          }
        }
      `,
    );
    expect(data.globalStats).toMatchObject({
      totalCassettes: 2,
      brokenCassettes: 0,
      totalInteractions: 2,
      httpCount: 2,
      topHosts: [{ value: 'api.example.com', count: 2 }],
    });
    expect(data.activity.days).toHaveLength(7);
    const today = data.activity.days.at(-1);
    expect(today).toMatchObject({ date: data.activity.to, created: 2, total: 2 });
    expect(
      data.activity.hours.reduce((sum: number, cell: { count: number }) => sum + cell.count, 0),
    ).toBe(2);
    const invalid = await gql(studio.url, '{ activity(days: 0) { from } }');
    expect(invalid.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('accepts GET for queries and refuses mutations over GET', async () => {
    const studio = await startStudio();
    const query = encodeURIComponent('{ globalStats { totalCassettes } }');
    const ok = await fetch(`${studio.url}/graphql?query=${query}`, {
      headers: { accept: 'application/json' },
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ data: { globalStats: { totalCassettes: 0 } } });
    const mutation = encodeURIComponent('mutation { deleteCassette(name: "x") }');
    const refused = await fetch(`${studio.url}/graphql?query=${mutation}`, {
      headers: { accept: 'application/json' },
    });
    expect(refused.status).toBe(405);
  });
});
