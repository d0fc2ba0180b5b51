/** The root types, the scalars and the small types several modules share. */
import { GraphQLError, Kind, valueFromASTUntyped, type ValueNode } from '../graphql-js';

export const typeDefs = /* GraphQL */ `
  """
  An instant as an ISO 8601 / RFC 3339 string with a time zone, such as
  "2025-06-02T12:00:00.000Z". Values read from cassettes are returned as written.
  """
  scalar DateTime

  """
  Any JSON value: header maps (names in lower case, a repeated header as a list of values),
  settings, sample data.
  """
  scalar JSON

  """
  Reads: cassettes, statistics, templates and the proxy's state.
  """
  type Query

  """
  Writes: cassettes, interactions, templates, imports and exports, and the proxy.
  """
  type Mutation

  """
  Live updates over WebSocket (graphql-ws) or the desktop app's message port.
  """
  type Subscription

  """
  Why one item of a bulk operation failed.
  """
  type ItemError {
    "A stable code, the same as \`extensions.code\` of GraphQL errors (CASSETTE_NOT_FOUND…)."
    code: String!
    "What went wrong, in words a user can act on."
    message: String!
  }

  """
  The outcome of a bulk operation for one cassette.
  """
  type BulkItemResult {
    "The cassette the item is about."
    name: String!
    "Whether the operation succeeded for this cassette."
    ok: Boolean!
    "Why it failed; null when it succeeded."
    error: ItemError
  }

  """
  Per-item outcomes of a bulk operation: each cassette succeeds or fails on its own.
  """
  type BulkResult {
    "One result per distinct name, in the order given."
    results: [BulkItemResult!]!
    "How many items succeeded."
    succeeded: Int!
    "How many items failed."
    failed: Int!
  }

  """
  A value and how often it occurs (a host, a method).
  """
  type CountEntry {
    "The value counted."
    value: String!
    "How many interactions have it."
    count: Int!
  }

  """
  An HTTP status code and how often it occurs.
  """
  type StatusCount {
    "The status code."
    status: Int!
    "How many responses have it."
    count: Int!
  }
`;

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Input date-times must be complete ISO 8601 strings with a zone. */
function parseDateTime(value: unknown): string {
  if (typeof value === 'string' && ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))) {
    return value;
  }
  throw new GraphQLError(
    `Expected an ISO 8601 date-time with a zone, got ${JSON.stringify(value)}.`,
    {
      extensions: { code: 'BAD_USER_INPUT' },
    },
  );
}

/** Output date-times are passed as stored (cassettes keep the precision they were written with). */
function serializeDateTime(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return value;
  throw new GraphQLError(`A DateTime must be a string, got ${typeof value}.`);
}

/** Scalar behaviour only: the names and descriptions come from the SDL above. */
const DateTime = {
  serialize: serializeDateTime,
  parseValue: parseDateTime,
  parseLiteral: (ast: ValueNode) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
};

const JSONScalar = {
  serialize: (value: unknown) => value,
  parseValue: (value: unknown) => value,
  parseLiteral: (ast: ValueNode, variables?: Record<string, unknown> | null) =>
    valueFromASTUntyped(ast, variables) as unknown,
};

export function resolvers(): Record<string, unknown> {
  return { DateTime, JSON: JSONScalar };
}
