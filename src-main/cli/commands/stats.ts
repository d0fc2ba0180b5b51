import type { Command } from 'commander';
import type { CountEntry, InteractionCounts, StatusCount } from '../../library/library.model';
import { formatBytes, printJson, type CliIo } from '../cli-io';
import { withLibrary } from '../global-options';

function countsLine(counts: InteractionCounts): string {
  return `${counts.total} (${counts.http} HTTP, ${counts.httpError} errors, ${counts.webSocket} WebSocket)`;
}

function topLine(entries: ReadonlyArray<CountEntry | StatusCount>): string {
  if (entries.length === 0) return '-';
  return entries
    .map((entry) => `${'value' in entry ? entry.value : entry.status} ×${entry.count}`)
    .join(', ');
}

export function registerStats(program: Command, io: CliIo): void {
  program
    .command('stats')
    .description('print statistics of the library, or of one cassette')
    .argument('[name]', 'cassette name')
    .option('--json', 'print JSON')
    .action(async (name: string | undefined, options: { json?: boolean }, command: Command) => {
      await withLibrary(command, io, async (library) => {
        if (name !== undefined) {
          const stats = library.cassetteStats(name);
          if (options.json === true) return printJson(io, stats);
          io.out(`cassette      ${stats.name}\n`);
          io.out(`interactions  ${countsLine(stats.interactions)}\n`);
          io.out(
            `size          ${formatBytes(stats.sizeBytes)} (bodies ${formatBytes(stats.bodyBytes)})\n`,
          );
          io.out(`hosts         ${topLine(stats.hosts)}\n`);
          io.out(`methods       ${topLine(stats.methods)}\n`);
          io.out(`statuses      ${topLine(stats.statusCodes)}\n`);
          return;
        }
        const stats = library.stats();
        if (options.json === true) return printJson(io, stats);
        io.out(`cassettes     ${stats.cassettes} (${stats.broken} broken)\n`);
        io.out(`interactions  ${countsLine(stats.interactions)}\n`);
        io.out(
          `size          ${formatBytes(stats.sizeBytes)} (bodies ${formatBytes(stats.bodyBytes)})\n`,
        );
        io.out(`top hosts     ${topLine(stats.topHosts)}\n`);
        io.out(`methods       ${topLine(stats.topMethods)}\n`);
        io.out(`statuses      ${topLine(stats.topStatusCodes)}\n`);
        const largest = stats.largest.map(
          (entry) => `${entry.name} ${formatBytes(entry.sizeBytes)}`,
        );
        io.out(`largest       ${largest.join(', ') || '-'}\n`);
      });
    });
}
