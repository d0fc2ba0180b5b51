import type { Command } from 'commander';
import type { Snippet } from '../../library/library.model';
import { printJson, type CliIo } from '../cli-io';
import { withLibrary } from '../global-options';
import { integerOption } from '../option-parsers';

/** A snippet with its matched words in brackets. */
export function markSnippet(snippet: Snippet): string {
  let out = '';
  let at = 0;
  for (const { start, end } of snippet.highlights) {
    out += `${snippet.text.slice(at, start)}[${snippet.text.slice(start, end)}]`;
    at = end;
  }
  return (out + snippet.text.slice(at)).replace(/\s+/g, ' ');
}

export function registerSearch(program: Command, io: CliIo): void {
  program
    .command('search')
    .description('full-text search over names, descriptions, tags, URLs and text bodies')
    .argument('<query>', 'words to look for')
    .option('--limit <n>', 'at most this many results (default 20)', integerOption('--limit'))
    .option('--json', 'print JSON')
    .action(
      async (query: string, options: { limit?: number; json?: boolean }, command: Command) => {
        await withLibrary(command, io, async (library) => {
          const hits = library.search(query, { limit: options.limit });
          if (options.json === true) return printJson(io, hits);
          for (const hit of hits) io.out(`${hit.name}\t${markSnippet(hit.snippet)}\n`);
          io.out(`${hits.length} ${hits.length === 1 ? 'cassette' : 'cassettes'} found\n`);
        });
      },
    );
}
