/** Cassette writes: create, update, duplicate, rename, delete, and the bulk operations. */
import type { StorageFormat } from '../../../proxy/cassette/formats/format';
import type { InteractionDraft } from '../../services/interaction-draft';
import type { StudioServices } from '../../services/studio-services';
import { withoutNulls } from '../arguments';

export const typeDefs = /* GraphQL */ `
  """
  A new cassette.
  """
  input CreateCassetteInput {
    "Its name: letters, digits, spaces, dots, dashes and underscores; unique in the library."
    name: String!
    "A free description."
    description: String
    "Tags."
    tags: [String!]
    "How the file is stored."
    format: CassetteFormat = Json
    "Whether the file is gzip-compressed."
    compressed: Boolean = false
    "Interactions to start with; each gets an id from the library."
    interactions: [InteractionInput!]
  }

  """
  Changes to a cassette's metadata; fields left out keep their value.
  """
  input UpdateCassetteInput {
    "The new tags (replacing the old ones)."
    tags: [String!]
    "The new description."
    description: String
    "The new settings (replacing the old ones)."
    settings: JSON
  }

  extend type Mutation {
    "Creates a cassette. Fails with CASSETTE_EXISTS or BAD_USER_INPUT (invalid name)."
    createCassette("The new cassette." input: CreateCassetteInput!): Cassette!
    "Changes a cassette's tags, description or settings."
    updateCassette(
      "The cassette's name."
      name: String!
      "The changes."
      input: UpdateCassetteInput!
    ): Cassette!
    "Deletes a cassette's file. True when deleted."
    deleteCassette("The cassette's name." name: String!): Boolean!
    "Copies a cassette under a new name."
    duplicateCassette(
      "The cassette to copy."
      name: String!
      "The copy's name."
      newName: String!
    ): Cassette!
    "Renames a cassette (and its file)."
    renameCassette("The current name." name: String!, "The new name." newName: String!): Cassette!
    "Deletes several cassettes; each succeeds or fails on its own."
    deleteCassettes("The cassettes to delete." names: [String!]!): BulkResult!
    "Adds and removes tags on several cassettes, keeping their other tags."
    tagCassettes(
      "The cassettes to tag."
      names: [String!]!
      "Tags to add."
      add: [String!]
      "Tags to remove."
      remove: [String!]
    ): BulkResult!
  }
`;

const STORAGE: Record<'json' | 'msgpack', Record<'plain' | 'gzip', StorageFormat>> = {
  json: { plain: 'json', gzip: 'json.gz' },
  msgpack: { plain: 'msgpack', gzip: 'msgpack.gz' },
};

interface CreateArgs {
  input: {
    name: string;
    description?: string | null;
    tags?: string[] | null;
    format: 'json' | 'msgpack';
    compressed: boolean;
    interactions?: InteractionDraft[] | null;
  };
}

export function resolvers(services: StudioServices): Record<string, unknown> {
  const { cassettes } = services;
  return {
    Mutation: {
      createCassette: (_: unknown, { input: { format, compressed, ...input } }: CreateArgs) =>
        cassettes.create({
          ...withoutNulls(input),
          storage: STORAGE[format][compressed ? 'gzip' : 'plain'],
        }),
      updateCassette: (_: unknown, args: { name: string; input: Record<string, unknown> }) =>
        cassettes.update(args.name, withoutNulls(args.input)),
      deleteCassette: (_: unknown, args: { name: string }) => cassettes.delete(args.name),
      duplicateCassette: (_: unknown, args: { name: string; newName: string }) =>
        cassettes.duplicate(args.name, args.newName),
      renameCassette: (_: unknown, args: { name: string; newName: string }) =>
        cassettes.rename(args.name, args.newName),
      deleteCassettes: (_: unknown, args: { names: string[] }) => cassettes.deleteMany(args.names),
      tagCassettes: (_: unknown, args: { names: string[]; add?: string[]; remove?: string[] }) =>
        cassettes.tagMany(args.names, withoutNulls({ add: args.add, remove: args.remove })),
    },
  };
}
