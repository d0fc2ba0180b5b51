import type { Command } from 'commander';
import { printJson, type CliIo } from '../cli-io';
import { withLibrary } from '../global-options';

export function registerRebuildIndex(program: Command, io: CliIo): void {
  program
    .command('rebuild-index')
    .description('recreate the index from the cassette files')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      await withLibrary(command, io, async (library) => {
        const started = performance.now();
        await library.rebuild();
        const stats = library.stats();
        const result = {
          cassettes: stats.cassettes,
          broken: stats.broken,
          interactions: stats.interactions.total,
          ms: Math.round(performance.now() - started),
        };
        if (options.json === true) return printJson(io, result);
        io.out(
          `indexed ${result.cassettes} cassettes (${result.broken} broken, ${result.interactions} interactions) in ${result.ms} ms\n`,
        );
      });
    });
}
