/** Options every command shares, and the library they open. */
import type { Command } from 'commander';
import { CassetteLibrary } from '../library/library';
import { resolveStudioConfig, type StudioConfig } from '../config/studio-config';
import type { CliIo } from './cli-io';

export interface GlobalOptions {
  cassetteDir?: string;
  dataDir?: string;
}

export function studioConfigOf(command: Command, io: CliIo): StudioConfig {
  const options = command.optsWithGlobals<
    GlobalOptions & { proxyPort?: string; apiPort?: string }
  >();
  return resolveStudioConfig(options, io.env, io.cwd);
}

/** Opens the library for one command and always closes it. */
export async function withLibrary<T>(
  command: Command,
  io: CliIo,
  work: (library: CassetteLibrary, config: StudioConfig) => Promise<T>,
): Promise<T> {
  const config = studioConfigOf(command, io);
  const library = await CassetteLibrary.open({
    cassetteDir: config.cassetteDir,
    dataDir: config.dataDir,
  });
  try {
    return await work(library, config);
  } finally {
    await library.close();
  }
}
