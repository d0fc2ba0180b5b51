import fs from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import {
  EXPORT_FORMATS,
  exportCassette,
  isExportFormat,
  zipExports,
  type ExportFormat,
} from '../../../proxy/cassette/formats/export-formats';
import { CliError } from '../cli-error';
import type { CliIo } from '../cli-io';
import { withLibrary } from '../global-options';

export function exportFormatOption(value: string): ExportFormat {
  if (!isExportFormat(value)) {
    throw new CliError(`--format must be one of ${EXPORT_FORMATS.join(', ')}, got "${value}"`);
  }
  return value;
}

/** Writes bytes to a file, or to standard output for `-`. */
export async function writeOutput(io: CliIo, out: string, bytes: Uint8Array): Promise<string> {
  if (out === '-') {
    io.out(bytes);
    return 'standard output';
  }
  const target = path.resolve(io.cwd, out);
  await fs.writeFile(target, bytes);
  return target;
}

interface ExportOptions {
  format: string;
  out?: string;
  gzip?: boolean;
}

export function registerExport(program: Command, io: CliIo): void {
  program
    .command('export')
    .description(
      'export cassettes as native JSON, MessagePack, Magneto-Serge 1.0 or HAR (several: one zip)',
    )
    .argument('<names...>', 'cassette names')
    .requiredOption('--format <format>', `${EXPORT_FORMATS.join(', ')}`)
    .option(
      '--out <file>',
      'output file ("-" for standard output); default: a file named after the cassette',
    )
    .option('--gzip', 'compress each exported cassette with gzip')
    .action(async (names: string[], options: ExportOptions, command: Command) => {
      const format = exportFormatOption(options.format);
      const files = await withLibrary(command, io, async (library) =>
        Promise.all(
          names.map(async (name) =>
            exportCassette((await library.get(name)).cassette, format, { gzip: options.gzip }),
          ),
        ),
      );
      const [single] = files;
      const written =
        files.length === 1 && single !== undefined
          ? await writeOutput(io, options.out ?? single.fileName, single.bytes)
          : await writeOutput(io, options.out ?? 'cassettes.zip', zipExports(files));
      if (options.out !== '-') io.out(`exported ${names.length} cassette(s) to ${written}\n`);
    });
}
