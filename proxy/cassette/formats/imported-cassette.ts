/** Assembling a model cassette from a format that carries no studio metadata (HAR, VCR, Talkback). */
import type { Cassette, Interaction } from '../cassette.model';
import { earliestDateTime } from './date-time';
import { defaultMetadata } from './default-metadata';
import type { DecodeContext, FormatId } from './format';

export interface ImportedCassetteParts {
  format: FormatId;
  /** The source's own version (HAR `log.version`, VCR.py `version`, …). */
  version: string;
  interactions: Interaction[];
  context: DecodeContext;
  /** A name the document itself carries (Polly's `_recordingName`), preferred to the file name. */
  documentName?: string;
  /** The name used when neither the context, the document nor the file gives one. */
  defaultName: string;
  description: string;
  /** When the import ran: the timestamp of a cassette without interactions. */
  now: string;
}

/** The file name without folders, `.gz` and its last extension: `a/b/login.har.gz` is `login`. */
export function baseNameOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  return base.replace(/\.gz$/i, '').replace(/\.[^.]*$/, '');
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * The cassette: named from the context, else the document, else the file, else the default; created
 * and modified at its earliest interaction; tagged `imported:<format>`.
 */
export function importedCassette(parts: ImportedCassetteParts): Cassette {
  const fromFile =
    parts.context.fileName === undefined ? undefined : baseNameOf(parts.context.fileName);
  const name =
    nonEmpty(parts.context.name) ??
    nonEmpty(parts.documentName) ??
    nonEmpty(fromFile) ??
    parts.defaultName;
  const recordedAt =
    earliestDateTime(parts.interactions.map((interaction) => interaction.recordedAt)) ?? parts.now;
  return {
    version: parts.version,
    name,
    recordedAt,
    interactions: parts.interactions,
    metadata: {
      ...defaultMetadata(recordedAt),
      tags: [`imported:${parts.format}`],
      description: parts.description,
    },
  };
}
