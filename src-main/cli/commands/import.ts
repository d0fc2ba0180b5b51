import type { Command } from 'commander';
import { readCassetteFile, type StorageFormat } from '../../../proxy/cassette/formats/registry';
import type { CassetteLibrary } from '../../library/library';
import { LibraryError } from '../../library/library-errors';
import { CliError } from '../cli-error';
import { printJson, type CliIo } from '../cli-io';
import { withLibrary } from '../global-options';
import { errorMessage } from '../error-message';

const STORAGE_CHOICES: readonly StorageFormat[] = ['json', 'msgpack', 'json.gz', 'msgpack.gz'];

interface ImportOptions {
  name?: string;
  overwrite?: boolean;
  storage: string;
  json?: boolean;
}

async function deleteIfPresent(library: CassetteLibrary, name: string): Promise<void> {
  try {
    await library.delete(name);
  } catch (error) {
    if (!(error instanceof LibraryError && error.code === 'NOT_FOUND')) throw error;
  }
}

interface ImportResult {
  file: string;
  ok: boolean;
  name?: string;
  format?: string;
  interactions?: number;
  error?: string;
}

export function registerImport(program: Command, io: CliIo): void {
  program
    .command('import')
    .description(
      'import cassette files: native, Magneto-Serge, HAR, VCR (YAML) or Talkback (JSON5)',
    )
    .argument('<files...>', 'files to import')
    .option('--name <name>', 'cassette name (only with one file; default: from the file)')
    .option('--overwrite', 'replace a cassette that already has the name')
    .option('--storage <format>', `how to store it (${STORAGE_CHOICES.join(', ')})`, 'json')
    .option('--json', 'print JSON')
    .action(async (files: string[], options: ImportOptions, command: Command) => {
      if (options.name !== undefined && files.length > 1) {
        throw new CliError('--name can only be used when importing one file');
      }
      const storage = options.storage as StorageFormat;
      if (!STORAGE_CHOICES.includes(storage)) {
        throw new CliError(`--storage must be one of ${STORAGE_CHOICES.join(', ')}`);
      }
      const results = await withLibrary(command, io, async (library) => {
        const done: ImportResult[] = [];
        for (const file of files) {
          try {
            const { cassette, format } = await readCassetteFile(file);
            const name = options.name ?? cassette.name;
            if (options.overwrite === true) await deleteIfPresent(library, name);
            await library.create(name, { ...cassette, storage });
            done.push({ file, ok: true, name, format, interactions: cassette.interactions.length });
          } catch (error) {
            done.push({ file, ok: false, error: errorMessage(error) });
          }
        }
        return done;
      });
      if (options.json === true) printJson(io, results);
      else {
        for (const result of results) {
          if (result.ok) {
            io.out(
              `imported ${result.file} as "${result.name}" (${result.format}, ${result.interactions} interactions)\n`,
            );
          } else io.err(`magneto: cannot import ${result.file}: ${result.error}\n`);
        }
      }
      const failed = results.filter((result) => !result.ok).length;
      if (failed > 0)
        throw new CliError(`${failed} of ${results.length} files not imported`, 1, true);
    });
}
