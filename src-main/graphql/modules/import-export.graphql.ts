/** Importing cassettes from other tools' files, exporting cassettes as files. */
import type { ImportResult } from '../../services/import-export-service';
import type { StudioServices } from '../../services/studio-services';
import { withoutNulls } from '../arguments';

export const typeDefs = /* GraphQL */ `
  """
  How file content is passed in a string.
  """
  enum ContentEncoding {
    "The content is the file's text."
    Text
    "The content is base64 of the file's bytes (MessagePack, gzip)."
    Base64
  }

  """
  Formats cassettes can be exported in.
  """
  enum ExportFormat {
    "Magneto Studio native JSON (2.0)."
    Native
    "Magneto Studio native MessagePack (2.0)."
    MessagePack
    "Magneto-Serge 1.0 JSON."
    MagnetoV1
    "HAR 1.2."
    Har
  }

  """
  A file's content to import. The container (JSON, JSON5, YAML, MessagePack, gzip) and the format
  (native, Magneto-Serge, HAR, VCR, Talkback) are detected from the content.
  """
  input ImportCassetteInput {
    "The file's content."
    content: String!
    "How content is written."
    encoding: ContentEncoding = Text
    "The cassette's name; default the one in the content, else one from fileName."
    name: String
    "The original file name, for messages and the default name."
    fileName: String
    "Replace the content of a cassette that has the name (else CASSETTE_EXISTS)."
    overwrite: Boolean = false
    "How a new cassette is stored."
    format: CassetteFormat = Json
  }

  """
  An imported cassette.
  """
  type ImportCassetteResult {
    "The cassette as stored."
    cassette: Cassette!
    "The format the content was in: native, magneto-v1, har, vcr or talkback."
    sourceFormat: String!
    "Whether an existing cassette was replaced."
    replaced: Boolean!
  }

  """
  Exported cassettes as one file: the cassette's own for one, a zip archive for several.
  """
  type ExportResult {
    "The file's suggested name."
    fileName: String!
    "Its media type."
    contentType: String!
    "Base64 of its bytes."
    base64: String!
    "Its size in bytes."
    byteLength: Int!
    "How many cassettes it holds."
    cassetteCount: Int!
  }

  extend type Mutation {
    "Imports a cassette from a file's content (HAR, VCR, Talkback, Magneto-Serge or native)."
    importCassette("The content and options." input: ImportCassetteInput!): ImportCassetteResult!
    "Exports cassettes in a format: one file for one cassette, a zip archive for several."
    exportCassettes(
      "The cassettes."
      names: [String!]!
      "The format."
      format: ExportFormat!
      "Compress each cassette with gzip."
      gzip: Boolean = false
    ): ExportResult!
  }
`;

interface ImportArgs {
  input: { format: 'json' | 'msgpack' } & Record<string, unknown>;
}

export function resolvers(services: StudioServices): Record<string, unknown> {
  const { importExport } = services;
  return {
    ContentEncoding: { Text: 'text', Base64: 'base64' },
    ExportFormat: { Native: 'native', MessagePack: 'msgpack', MagnetoV1: 'magneto-v1', Har: 'har' },
    Mutation: {
      importCassette: (_: unknown, { input: { format, ...input } }: ImportArgs) =>
        importExport.importCassette({ ...withoutNulls(input), storage: format } as never),
      exportCassettes: (_: unknown, args: { names: string[]; format: never; gzip: boolean }) =>
        importExport.exportCassettes(args),
    },
    ImportCassetteResult: {
      cassette: (result: ImportResult) => result.summary,
    },
    ExportResult: {
      cassetteCount: (result: { cassettes: number }) => result.cassettes,
    },
  };
}
