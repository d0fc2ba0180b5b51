/** Library-wide statistics, the dashboard's activity report, and live stats. */
import type { ActivityDay, LibraryStats } from '../../library/library.model';
import type { StudioServices } from '../../services/studio-services';

export const typeDefs = /* GraphQL */ `
  """
  Figures over the whole library.
  """
  type GlobalStats {
    "How many cassettes there are (broken ones included)."
    totalCassettes: Int!
    "How many cassette files cannot be read."
    brokenCassettes: Int!
    "Interactions in every cassette."
    totalInteractions: Int!
    "HTTP exchanges."
    httpCount: Int!
    "Recorded upstream failures."
    httpErrorCount: Int!
    "WebSocket sessions."
    websocketCount: Int!
    "Size of every cassette file in bytes (a Float, so totals past 2 GiB fit)."
    totalSizeBytes: Float!
    "Decoded size of every body in bytes (a Float, so totals past 2 GiB fit)."
    bodyBytes: Float!
    "The ten most frequent hosts."
    topHosts: [CountEntry!]!
    "The most frequent request methods."
    topMethods: [CountEntry!]!
    "The most frequent response status codes."
    topStatusCodes: [StatusCount!]!
    "The five largest cassette files."
    largest: [CassetteSize!]!
  }

  """
  A cassette and its file size.
  """
  type CassetteSize {
    "The cassette's name."
    name: String!
    "Its file's size in bytes."
    sizeBytes: Int!
  }

  """
  Changes to the library per day and per hour, for the dashboard's charts.
  """
  type ActivityReport {
    "The first day, YYYY-MM-DD."
    from: String!
    "The last day (today), YYYY-MM-DD."
    to: String!
    "Every day of the range, oldest first, days without changes included."
    days: [ActivityDay!]!
    "Day-and-hour buckets that saw at least one change, for a heatmap."
    hours: [ActivityHour!]!
  }

  """
  The changes of one day.
  """
  type ActivityDay {
    "The day, YYYY-MM-DD in the requested time zone."
    date: String!
    "Every change of the day."
    total: Int!
    "Cassettes created."
    created: Int!
    "Cassettes changed."
    updated: Int!
    "Cassettes deleted."
    deleted: Int!
    "Cassettes renamed."
    renamed: Int!
    "Files found unreadable."
    broken: Int!
  }

  """
  The changes of one hour of one day.
  """
  type ActivityHour {
    "The day, YYYY-MM-DD."
    date: String!
    "The hour, 0 to 23."
    hour: Int!
    "How many changes."
    count: Int!
  }

  extend type Query {
    "Figures over the whole library."
    globalStats: GlobalStats!
    "Changes per day and per hour over the last days, for the dashboard."
    activity(
      "How many days back, today included (1 to 3660)."
      days: Int! = 30
      "Offset of the wanted time zone from UTC, in minutes."
      utcOffsetMinutes: Int = 0
    ): ActivityReport!
  }

  extend type Subscription {
    "The current figures at once, then fresh ones after library changes, at most once per interval."
    globalStatsUpdated(
      "The shortest time between two updates, 100 to 60,000 ms (changes in between are coalesced)."
      intervalMs: Int = 1000
    ): GlobalStats!
  }
`;

export function resolvers(services: StudioServices): Record<string, unknown> {
  const { stats } = services;
  return {
    Query: {
      globalStats: () => stats.global(),
      activity: (_: unknown, args: { days: number; utcOffsetMinutes?: number | null }) =>
        stats.activity({ days: args.days, utcOffsetMinutes: args.utcOffsetMinutes ?? 0 }),
    },
    Subscription: {
      globalStatsUpdated: {
        subscribe: (_: unknown, args: { intervalMs?: number | null }) =>
          stats.updates(args.intervalMs ?? undefined),
        resolve: (payload: LibraryStats) => payload,
      },
    },
    GlobalStats: {
      totalCassettes: (value: LibraryStats) => value.cassettes,
      brokenCassettes: (value: LibraryStats) => value.broken,
      totalInteractions: (value: LibraryStats) => value.interactions.total,
      httpCount: (value: LibraryStats) => value.interactions.http,
      httpErrorCount: (value: LibraryStats) => value.interactions.httpError,
      websocketCount: (value: LibraryStats) => value.interactions.webSocket,
      totalSizeBytes: (value: LibraryStats) => value.sizeBytes,
    },
    ActivityDay: {
      created: (day: ActivityDay) => day.byType.created,
      updated: (day: ActivityDay) => day.byType.updated,
      deleted: (day: ActivityDay) => day.byType.deleted,
      renamed: (day: ActivityDay) => day.byType.renamed,
      broken: (day: ActivityDay) => day.byType.broken,
    },
  };
}
