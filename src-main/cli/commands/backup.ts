import path from 'node:path';
import type { Command } from 'commander';
import { createBackup, describeContents } from '../../library/backup';
import { formatBytes, printJson, type CliIo } from '../cli-io';
import { studioConfigOf } from '../global-options';

export function registerBackup(program: Command, io: CliIo): void {
  program
    .command('backup')
    .description(
      'write the library (cassettes, index, custom helpers, templates) to one zip archive; safe while the studio runs',
    )
    .argument('<file>', 'the archive to write (replaced if it exists)')
    .option('--json', 'print JSON')
    .action(async (file: string, options: { json?: boolean }, command: Command) => {
      const config = studioConfigOf(command, io);
      const summary = await createBackup(config, path.resolve(io.cwd, file));
      if (options.json === true) return printJson(io, summary);
      io.out(
        `backed up ${describeContents(summary)} to ${summary.file} (${formatBytes(summary.bytes)})\n`,
      );
    });
}
