/** Cassettes: reading one, listing pages, full-text search. */
import type { CassetteSummary, SearchHit } from '../../library/library.model';
import type { StudioServices } from '../../services/studio-services';
import { withoutNulls } from '../arguments';
import { loadOnce, type GraphQLContext } from '../graphql-context';

export const typeDefs = /* GraphQL */ `
  """
  How a cassette file is laid out: JSON text or MessagePack bytes (either may be gzip-compressed).
  """
  enum CassetteFormat {
    "JSON text."
    Json
    "MessagePack bytes."
    MessagePack
  }

  """
  What a cassette list is sorted by.
  """
  enum SortBy {
    "The cassette's name."
    Name
    "The file's size."
    Size
    "Time since the cassette was recorded (ascending: youngest first)."
    Age
    "The number of interactions."
    Interactions
    "When the cassette was last modified."
    Modified
  }

  """
  A sort direction.
  """
  enum SortOrder {
    "Smallest, first or oldest first."
    Asc
    "Largest, last or newest first."
    Desc
  }

  """
  A cassette: recorded HTTP exchanges, HTTP errors and WebSocket sessions, with the studio's
  metadata. A file in the cassette folder; its name is its identity.
  """
  type Cassette {
    "The cassette's name (its identity in the library, so the same as name)."
    id: ID!
    "The cassette's name, which is also its file name without extension."
    name: String!
    "The format version of the document (2.0 for native, 1.0 for Magneto-Serge); null when the file cannot be read."
    version: String
    "When the recording started; null when the file cannot be read."
    recordedAt: DateTime
    "The interactions, in recorded order, optionally only those of one kind, paged."
    interactions(
      "Only interactions of this kind."
      kind: InteractionKind
      "At most this many."
      limit: Int
      "Skip this many first."
      offset: Int = 0
    ): [Interaction!]!
    "One interaction by id; null when the cassette has none with that id."
    interaction("The interaction's id." id: ID!): Interaction
    "How many interactions the cassette holds."
    interactionCount: Int!
    "File and studio metadata."
    metadata: CassetteMetadata!
    "Counts by kind, host, method and status."
    stats: CassetteStats!
    "True when the file cannot be read (see error); the other fields then come from the file."
    broken: Boolean!
    "Why the file cannot be read, when broken."
    error: String
  }

  """
  What the studio and the file system know about a cassette.
  """
  type CassetteMetadata {
    "When the cassette was created; null when the file cannot be read."
    createdAt: DateTime
    "When the cassette's content last changed; null when the file cannot be read."
    modifiedAt: DateTime
    "When the file last changed on disk."
    fileModifiedAt: DateTime!
    "The file's size in bytes."
    sizeBytes: Int!
    "JSON or MessagePack; null when the file cannot be read."
    format: CassetteFormat
    "Whether the file is gzip-compressed."
    compressed: Boolean!
    "The file's name in the cassette folder, such as login.json."
    fileName: String!
    "The document format the file is written in (native, magneto-v1, har, vcr, talkback)."
    sourceFormat: String
    "Tags, trimmed and without duplicates."
    tags: [String!]!
    "A free description."
    description: String!
    "Per-cassette settings: mode, matching and redaction (see the studio's documentation)."
    settings: JSON!
  }

  """
  Counts of a cassette's interactions and bodies.
  """
  type CassetteStats {
    "All interactions."
    interactionCount: Int!
    "HTTP exchanges."
    httpCount: Int!
    "Recorded upstream failures."
    httpErrorCount: Int!
    "WebSocket sessions."
    websocketCount: Int!
    "The file's size in bytes."
    totalSizeBytes: Int!
    "Decoded size of every request, response and WebSocket message body."
    bodyBytes: Int!
    "Hosts by number of interactions."
    hosts: [CountEntry!]!
    "Request methods by number of interactions."
    methods: [CountEntry!]!
    "Response status codes by number of responses."
    statusCodes: [StatusCount!]!
  }

  """
  One page of a cassette list.
  """
  type CassettePage {
    "The cassettes of this page."
    items: [Cassette!]!
    "How many cassettes match the filter, whatever the page."
    totalCount: Int!
    "Pass as after to get the next page; null on the last page."
    nextCursor: String
    "Whether another page follows."
    hasNextPage: Boolean!
  }

  """
  Which cassettes to list. Every given criterion must hold.
  """
  input CassetteFilterInput {
    "Case-insensitive part of the name."
    nameContains: String
    "Words to find (as prefixes) in names, descriptions, tags, URLs and text bodies."
    text: String
    "Recorded at least this many days ago."
    minAgeDays: Float
    "Recorded at most this many days ago."
    maxAgeDays: Float
    "Files of at least this many bytes."
    minSizeBytes: Int
    "Files of at most this many bytes."
    maxSizeBytes: Int
    "Cassettes having every one of these tags."
    tags: [String!]
    "At least this many interactions."
    minInteractions: Int
    "At most this many interactions."
    maxInteractions: Int
    "Cassettes with at least one interaction of this kind."
    kind: InteractionKind
    "Only broken (true) or only readable (false) files."
    broken: Boolean
  }

  """
  One sort key.
  """
  input SortInput {
    "What to sort by."
    sortBy: SortBy!
    "The direction."
    order: SortOrder = Asc
  }

  """
  A search result: a cassette and where the words were found.
  """
  type SearchHit {
    "The cassette found."
    cassette: Cassette!
    "Relevance; higher is better."
    score: Float!
    "Text around the match."
    snippet: String!
    "Where the matched words are in snippet."
    highlights: [TextRange!]!
  }

  """
  A range of characters in a text.
  """
  type TextRange {
    "Index of the first character."
    start: Int!
    "Index after the last character."
    end: Int!
  }

  extend type Query {
    "One cassette by name. Fails with CASSETTE_NOT_FOUND (extensions.name) when there is none."
    cassette("The cassette's name." name: String!): Cassette!
    "A page of cassettes: filtered, sorted (ties by name), paged by offset or by cursor."
    cassettes(
      "Which cassettes."
      filter: CassetteFilterInput
      "Sort keys, applied in order; default name ascending."
      sort: [SortInput!]
      "Page size, 0 to 10,000; default every matching cassette."
      limit: Int
      "Rows to skip (after the cursor, when both are given)."
      offset: Int
      "The nextCursor of the previous page (same filter and sort)."
      after: String
    ): CassettePage!
    "Full-text search over names, descriptions, tags, URLs and text bodies, best first."
    searchCassettes(
      "Words to find; each must match (as a prefix)."
      query: String!
      "At most this many hits (default 20, at most 500)."
      limit: Int
    ): [SearchHit!]!
  }
`;

export function resolvers(services: StudioServices): Record<string, unknown> {
  const { cassettes } = services;
  return {
    CassetteFormat: { Json: 'json', MessagePack: 'msgpack' },
    SortBy: {
      Name: 'name',
      Size: 'size',
      Age: 'age',
      Interactions: 'interactions',
      Modified: 'modified',
    },
    SortOrder: { Asc: 'asc', Desc: 'desc' },
    Query: {
      cassette: (_: unknown, args: { name: string }) => cassettes.summary(args.name),
      cassettes: (_: unknown, args: Record<string, unknown>) => cassettes.page(withoutNulls(args)),
      searchCassettes: (_: unknown, args: { query: string; limit?: number | null }) =>
        cassettes.search(args.query, args.limit ?? undefined),
    },
    Cassette: {
      id: (summary: CassetteSummary) => summary.name,
      interactions: async (
        summary: CassetteSummary,
        args: { kind?: string | null; limit?: number | null; offset: number },
        context: GraphQLContext,
      ) => {
        const { cassette } = await loadOnce(context, summary.name);
        const kept = cassette.interactions.filter(
          (item) => args.kind == null || item.type === args.kind,
        );
        return kept.slice(args.offset, args.limit == null ? undefined : args.offset + args.limit);
      },
      interaction: async (
        summary: CassetteSummary,
        args: { id: string },
        context: GraphQLContext,
      ) =>
        (await loadOnce(context, summary.name)).cassette.interactions.find(
          (item) => item.id === args.id,
        ) ?? null,
      interactionCount: (summary: CassetteSummary) => summary.interactions.total,
      metadata: (summary: CassetteSummary) => summary,
      stats: (summary: CassetteSummary) => services.stats.cassette(summary.name),
    },
    CassetteMetadata: {
      format: (summary: CassetteSummary) =>
        summary.storage.startsWith('msgpack') ? 'msgpack' : 'json',
      compressed: (summary: CassetteSummary) => summary.storage.endsWith('.gz'),
      sourceFormat: (summary: CassetteSummary) => summary.format,
      sizeBytes: (summary: CassetteSummary) => summary.sizeBytes,
      settings: async (summary: CassetteSummary, _: unknown, context: GraphQLContext) =>
        summary.broken ? {} : (await loadOnce(context, summary.name)).cassette.metadata.settings,
    },
    CassetteStats: {
      interactionCount: (stats: { interactions: { total: number } }) => stats.interactions.total,
      httpCount: (stats: { interactions: { http: number } }) => stats.interactions.http,
      httpErrorCount: (stats: { interactions: { httpError: number } }) =>
        stats.interactions.httpError,
      websocketCount: (stats: { interactions: { webSocket: number } }) =>
        stats.interactions.webSocket,
      totalSizeBytes: (stats: { sizeBytes: number }) => stats.sizeBytes,
    },
    CassettePage: {
      hasNextPage: (page: { nextCursor: string | null }) => page.nextCursor !== null,
    },
    SearchHit: {
      cassette: (hit: SearchHit) => hit.summary,
      snippet: (hit: SearchHit) => hit.snippet.text,
      highlights: (hit: SearchHit) => hit.snippet.highlights,
    },
  };
}
