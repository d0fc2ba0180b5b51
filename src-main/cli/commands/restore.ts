import path from 'node:path';
import type { Command } from 'commander';
import { describeContents, restoreBackup } from '../../library/backup';
import { printJson, type CliIo } from '../cli-io';
import { studioConfigOf } from '../global-options';

export function registerRestore(program: Command, io: CliIo): void {
  program
    .command('restore')
    .description(
      'replace the library with a backup archive, verified first (stop the studio before restoring)',
    )
    .argument('<file>', 'an archive written by `magneto backup`')
    .option('--force', 'replace a library that already has cassettes, helpers or templates')
    .option('--json', 'print JSON')
    .action(
      async (file: string, options: { force?: boolean; json?: boolean }, command: Command) => {
        const config = studioConfigOf(command, io);
        const summary = await restoreBackup(config, path.resolve(io.cwd, file), {
          force: options.force === true,
        });
        if (options.json === true) return printJson(io, summary);
        io.out(
          `restored ${describeContents(summary)} from ${summary.file} (backed up ${summary.createdAt})\n`,
        );
      },
    );
}
