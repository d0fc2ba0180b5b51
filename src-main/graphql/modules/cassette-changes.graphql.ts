/** The change feed: every created, updated, renamed, deleted or broken cassette, live. */
import type { LibraryChange } from '../../library/library.model';
import type { StudioServices } from '../../services/studio-services';

export const typeDefs = /* GraphQL */ `
  """
  What happened to a cassette.
  """
  enum ChangeType {
    "It was created."
    Created
    "Its content or metadata changed."
    Updated
    "It was deleted."
    Deleted
    "It was renamed (previousName is the old name)."
    Renamed
    "Its file can no longer be read."
    Broken
  }

  """
  Where a change came from.
  """
  enum ChangeSource {
    "A write through the studio (API, UI, proxy)."
    App
    "A file changed in the folder by another program."
    Disk
  }

  """
  A change to one cassette.
  """
  type CassetteChange {
    "What happened."
    type: ChangeType!
    "The cassette's name (after a rename, the new one)."
    name: String!
    "For renames, the name before."
    previousName: String
    "Where the change came from."
    source: ChangeSource!
    "When it happened."
    at: DateTime!
    "The cassette as it is now; null when it was deleted."
    cassette: Cassette
  }

  extend type Subscription {
    "Every change to the cassettes (or to the one named), including files edited on disk."
    cassetteUpdated(
      "Only changes to this cassette (by its old or new name)."
      name: String
    ): CassetteChange!
  }
`;

export function resolvers(services: StudioServices): Record<string, unknown> {
  const { cassettes } = services;
  return {
    ChangeType: {
      Created: 'created',
      Updated: 'updated',
      Deleted: 'deleted',
      Renamed: 'renamed',
      Broken: 'broken',
    },
    ChangeSource: { App: 'app', Disk: 'disk' },
    Subscription: {
      cassetteUpdated: {
        subscribe: (_: unknown, args: { name?: string | null }) =>
          cassettes.changes(args.name ?? undefined),
        resolve: (change: LibraryChange) => change,
      },
    },
    CassetteChange: {
      cassette: (change: LibraryChange) =>
        change.type === 'deleted' ? null : cassettes.find(change.name),
    },
  };
}
