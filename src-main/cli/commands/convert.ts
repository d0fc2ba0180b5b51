import type { Command } from 'commander';
import { exportCassette, type ExportFormat } from '../../../proxy/cassette/formats/export-formats';
import { readCassetteFile } from '../../../proxy/cassette/formats/registry';
import { CliError } from '../cli-error';
import type { CliIo } from '../cli-io';
import { exportFormatOption, writeOutput } from './export';

/** The export format an output file name implies. */
export function formatOfOutput(file: string): ExportFormat {
  const lower = file.toLowerCase().replace(/\.gz$/, '');
  if (lower.endsWith('.har')) return 'har';
  if (lower.endsWith('.msgpack')) return 'msgpack';
  if (lower.endsWith('.json')) return 'native';
  throw new CliError(`cannot tell the format of "${file}" from its name: give --format`);
}

export function registerConvert(program: Command, io: CliIo): void {
  program
    .command('convert')
    .description('convert a cassette file from any known format to another file')
    .argument('<input>', 'cassette, HAR, VCR or Talkback file')
    .argument('<output>', 'file to write ("-" for standard output)')
    .option('--format <format>', 'output format (default: from the output file name)')
    .option('--gzip', 'compress the output (default: when the output name ends in .gz)')
    .action(async (input: string, output: string, options: { format?: string; gzip?: boolean }) => {
      const format =
        options.format === undefined ? formatOfOutput(output) : exportFormatOption(options.format);
      const { cassette, format: from } = await readCassetteFile(input);
      const gzip = options.gzip ?? output.toLowerCase().endsWith('.gz');
      const written = await writeOutput(
        io,
        output,
        exportCassette(cassette, format, { gzip }).bytes,
      );
      if (output !== '-') {
        io.out(
          `converted ${input} (${from}) to ${written} (${format}, ${cassette.interactions.length} interactions)\n`,
        );
      }
    });
}
