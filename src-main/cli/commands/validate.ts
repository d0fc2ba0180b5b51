import fs from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { readCassetteFile } from '../../../proxy/cassette/formats/registry';
import { CliError } from '../cli-error';
import { printJson, type CliIo } from '../cli-io';
import { errorMessage } from '../error-message';
import { withLibrary } from '../global-options';

interface Verdict {
  target: string;
  valid: boolean;
  format?: string;
  interactions?: number;
  error?: string;
}

async function isFile(file: string): Promise<boolean> {
  return fs.stat(file).then(
    (stat) => stat.isFile(),
    () => false,
  );
}

export function registerValidate(program: Command, io: CliIo): void {
  program
    .command('validate')
    .description('check cassette files (or library cassettes by name) and report every problem')
    .argument('<targets...>', 'files, or names of cassettes in the library')
    .option('--json', 'print JSON')
    .action(async (targets: string[], options: { json?: boolean }, command: Command) => {
      const verdicts: Verdict[] = [];
      const names: string[] = [];
      for (const target of targets) {
        if (!(await isFile(path.resolve(io.cwd, target)))) {
          names.push(target);
          continue;
        }
        try {
          const { cassette, format } = await readCassetteFile(path.resolve(io.cwd, target));
          verdicts.push({
            target,
            valid: true,
            format,
            interactions: cassette.interactions.length,
          });
        } catch (error) {
          verdicts.push({ target, valid: false, error: errorMessage(error) });
        }
      }
      if (names.length > 0) {
        await withLibrary(command, io, async (library) => {
          for (const name of names) {
            try {
              const { cassette, summary } = await library.get(name);
              verdicts.push({
                target: name,
                valid: true,
                format: summary.format ?? undefined,
                interactions: cassette.interactions.length,
              });
            } catch (error) {
              verdicts.push({ target: name, valid: false, error: errorMessage(error) });
            }
          }
        });
      }
      if (options.json === true) printJson(io, verdicts);
      else {
        for (const verdict of verdicts) {
          if (verdict.valid)
            io.out(
              `ok       ${verdict.target} (${verdict.format}, ${verdict.interactions} interactions)\n`,
            );
          else io.out(`invalid  ${verdict.target}: ${verdict.error}\n`);
        }
      }
      const invalid = verdicts.filter((verdict) => !verdict.valid).length;
      if (invalid > 0) throw new CliError(`${invalid} of ${verdicts.length} invalid`, 1, true);
    });
}
