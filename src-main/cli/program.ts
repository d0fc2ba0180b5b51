/** The `magneto` command line: global options and one sub-command per file in ./commands. */
import { Command, CommanderError } from 'commander';
import { CliError } from './cli-error';
import type { CliIo } from './cli-io';
import { errorMessage } from './error-message';
import { registerBackup } from './commands/backup';
import { registerCa } from './commands/ca';
import { registerConvert } from './commands/convert';
import { registerExport } from './commands/export';
import { registerImport } from './commands/import';
import { registerList } from './commands/list';
import { registerRecord, registerReplay } from './commands/proxy-session';
import { registerRebuildIndex } from './commands/rebuild-index';
import { registerRestore } from './commands/restore';
import { registerSearch } from './commands/search';
import { registerServe } from './commands/serve';
import { registerShow } from './commands/show';
import { registerStats } from './commands/stats';
import { registerValidate } from './commands/validate';

export const CLI_VERSION = '0.1.0';

export function buildProgram(io: CliIo): Command {
  const program = new Command('magneto')
    .description('Magneto Studio: record and replay HTTP, HTTPS and WebSocket traffic as cassettes')
    .version(CLI_VERSION)
    .option('--cassette-dir <dir>', 'cassette folder (MAGNETO_CASSETTE_DIR, default ./cassettes)')
    .option('--data-dir <dir>', 'index, CA and settings folder (MAGNETO_DATA_DIR)')
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({ writeOut: (text) => io.out(text), writeErr: (text) => io.err(text) })
    .exitOverride();
  for (const register of [
    registerList,
    registerShow,
    registerStats,
    registerSearch,
    registerImport,
    registerExport,
    registerConvert,
    registerValidate,
    registerRebuildIndex,
    registerRecord,
    registerReplay,
    registerCa,
    registerServe,
    registerBackup,
    registerRestore,
  ]) {
    register(program, io);
  }
  for (const command of program.commands) command.exitOverride();
  return program;
}

/** Runs the CLI and returns the exit code; errors are printed as one line. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    await buildProgram(io).parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof CliError) {
      if (!error.reported) io.err(`magneto: ${error.message}\n`);
      return error.exitCode;
    }
    io.err(`magneto: ${errorMessage(error)}\n`);
    return 1;
  }
}
