import type { Command } from 'commander';
import { INTERACTION_TYPES, type InteractionType } from '../../../proxy/cassette/cassette.model';
import type { ListQuery, SortKey } from '../../library/library.model';
import { CliError } from '../cli-error';
import { formatBytes, printJson, printTable, type CliIo } from '../cli-io';
import { withLibrary } from '../global-options';
import { integerOption } from '../option-parsers';

const SORT_FIELDS = ['name', 'size', 'age', 'interactions', 'modified'] as const;

/** `size:desc,name` → sort keys. */
export function parseSort(value: string): SortKey[] {
  return value.split(',').map((part) => {
    const [by = '', order = 'asc'] = part.trim().split(':');
    if (!SORT_FIELDS.includes(by as SortKey['by'])) {
      throw new CliError(`--sort: unknown field "${by}" (use ${SORT_FIELDS.join(', ')})`);
    }
    if (order !== 'asc' && order !== 'desc') {
      throw new CliError(`--sort: order must be asc or desc, got "${order}"`);
    }
    return { by: by as SortKey['by'], order };
  });
}

interface ListOptions {
  name?: string;
  text?: string;
  tag: string[];
  kind?: string;
  minSize?: number;
  maxSize?: number;
  minAge?: number;
  maxAge?: number;
  minInteractions?: number;
  maxInteractions?: number;
  broken?: boolean;
  sort?: string;
  limit?: number;
  offset?: number;
  cursor?: string;
  json?: boolean;
}

function queryOf(options: ListOptions): ListQuery {
  if (options.kind !== undefined && !INTERACTION_TYPES.includes(options.kind as InteractionType)) {
    throw new CliError(`--kind must be one of ${INTERACTION_TYPES.join(', ')}`);
  }
  return {
    nameContains: options.name,
    text: options.text,
    tags: options.tag.length > 0 ? options.tag : undefined,
    kind: options.kind as InteractionType | undefined,
    minSizeBytes: options.minSize,
    maxSizeBytes: options.maxSize,
    minAgeDays: options.minAge,
    maxAgeDays: options.maxAge,
    minInteractions: options.minInteractions,
    maxInteractions: options.maxInteractions,
    broken: options.broken,
    sort: options.sort === undefined ? undefined : parseSort(options.sort),
    limit: options.limit,
    offset: options.offset,
    cursor: options.cursor,
  };
}

export function registerList(program: Command, io: CliIo): void {
  program
    .command('list')
    .description('list cassettes, with filters, sorting and pagination')
    .option('--name <text>', 'name contains this text')
    .option('--text <query>', 'full-text filter over names, tags, URLs and bodies')
    .option(
      '--tag <tag>',
      'has this tag (repeatable)',
      (tag: string, tags: string[]) => [...tags, tag],
      [],
    )
    .option('--kind <kind>', `has an interaction of this kind (${INTERACTION_TYPES.join(', ')})`)
    .option('--min-size <bytes>', 'file at least this large', integerOption('--min-size'))
    .option('--max-size <bytes>', 'file at most this large', integerOption('--max-size'))
    .option('--min-age <days>', 'recorded at least this many days ago', integerOption('--min-age'))
    .option('--max-age <days>', 'recorded at most this many days ago', integerOption('--max-age'))
    .option(
      '--min-interactions <n>',
      'at least this many interactions',
      integerOption('--min-interactions'),
    )
    .option(
      '--max-interactions <n>',
      'at most this many interactions',
      integerOption('--max-interactions'),
    )
    .option('--broken', 'only files that cannot be read')
    .option(
      '--sort <keys>',
      'sort keys, e.g. size:desc,name (name, size, age, interactions, modified)',
    )
    .option('--limit <n>', 'at most this many rows', integerOption('--limit'))
    .option('--offset <n>', 'skip this many rows', integerOption('--offset'))
    .option('--cursor <cursor>', 'continue after the page that printed this cursor')
    .option('--json', 'print JSON')
    .action(async (options: ListOptions, command: Command) => {
      await withLibrary(command, io, async (library) => {
        const page = library.list(queryOf(options));
        if (options.json === true) return printJson(io, page);
        printTable(
          io,
          ['NAME', 'SIZE', 'INTERACTIONS', 'RECORDED', 'TAGS'],
          page.items.map((item) => [
            item.broken ? `${item.name} (broken)` : item.name,
            formatBytes(item.sizeBytes),
            item.interactions.total,
            item.recordedAt?.slice(0, 10) ?? '-',
            item.tags.join(', '),
          ]),
        );
        io.out(`${page.items.length} of ${page.total} cassettes`);
        io.out(page.nextCursor === null ? '\n' : ` (next page: --cursor ${page.nextCursor})\n`);
      });
    });
}
