/** Which operations read the library alone: over the real schema, and one extended elsewhere. */
import { makeExecutableSchema } from '@graphql-tools/schema';
import { describe, expect, it } from 'vitest';
import { parse } from '../../../src-main/graphql/graphql-js';
import { libraryReadChecker } from '../../../src-main/graphql/library-reads';
import { createSchemaShape } from '../../../src-main/graphql/schema';
import { printSchema } from '../../../src-main/graphql/graphql-js';

const checker = libraryReadChecker(createSchemaShape());
const reads = (query: string, variables?: Record<string, unknown>, operationName?: string) =>
  checker(parse(query), operationName, variables);

describe('libraryReadChecker', () => {
  it('accepts library queries, with fragments, aliases and __typename', () => {
    expect(reads('{ globalStats { totalCassettes topHosts { value count } } }')).toBe(true);
    expect(
      reads(`
        query Page { list: cassettes(limit: 5) { items { ...Row } totalCount __typename } }
        fragment Row on Cassette {
          name metadata { tags sizeBytes } stats { hosts { value } }
          interactions(limit: 1) { ... on Interaction { id kind response { status hasTemplates } } }
        }`),
    ).toBe(true);
    expect(reads('{ searchCassettes(query: "user") { score cassette { name } } }')).toBe(true);
    expect(reads('{ cassette(name: "a") { interactions { websocketMessages { data } } } }')).toBe(
      true,
    );
  });

  it('refuses mutations, subscriptions and every field beyond the library', () => {
    expect(reads('mutation { deleteCassette(name: "a") }')).toBe(false);
    expect(reads('subscription { globalStatsUpdated { totalCassettes } }')).toBe(false);
    expect(reads('{ proxyStatus { running } }')).toBe(false);
    expect(reads('{ globalStats { totalCassettes } caCertificate { pem } }')).toBe(false);
    expect(reads('{ activity(days: 3) { from } }')).toBe(false);
    expect(reads('{ templateHelpers { name } }')).toBe(false);
    expect(reads('{ __schema { queryType { name } } }')).toBe(false);
  });

  it('refuses age filters, given inline, through a variable or a variable default', () => {
    expect(reads('{ cassettes(filter: { maxAgeDays: 2 }) { totalCount } }')).toBe(false);
    expect(reads('{ cassettes(filter: { minAgeDays: null, tags: ["a"] }) { totalCount } }')).toBe(
      true,
    );
    const byVariable = 'query($f: CassetteFilterInput) { cassettes(filter: $f) { totalCount } }';
    expect(reads(byVariable, { f: { minAgeDays: 1 } })).toBe(false);
    expect(reads(byVariable, { f: { tags: ['a'], maxAgeDays: null } })).toBe(true);
    expect(reads(byVariable, {})).toBe(true);
    expect(
      reads(
        'query($f: CassetteFilterInput = { tags: ["a"] }) { cassettes(filter: $f) { totalCount } }',
      ),
    ).toBe(false);
    expect(
      reads('query($d: Float) { cassettes(filter: { minAgeDays: $d }) { totalCount } }', {}),
    ).toBe(false);
  });

  it('judges the operation named in a document of several', () => {
    const document = 'query A { globalStats { totalCassettes } } query B { proxyStatus { port } }';
    expect(reads(document, undefined, 'A')).toBe(true);
    expect(reads(document, undefined, 'B')).toBe(false);
    expect(reads(document)).toBe(false);
  });

  it('refuses a field another module adds to a library type', () => {
    const extended = makeExecutableSchema({
      typeDefs: [
        printSchema(createSchemaShape()),
        'extend type Cassette { beingRecorded: Boolean! }',
      ],
    });
    const check = libraryReadChecker(extended);
    expect(check(parse('{ cassettes { items { name } } }'), undefined, undefined)).toBe(true);
    expect(check(parse('{ cassettes { items { beingRecorded } } }'), undefined, undefined)).toBe(
      false,
    );
  });
});
