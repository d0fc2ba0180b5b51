import type { Command } from 'commander';
import { CassetteLibrary } from '../../library/library';
import type { CliIo } from '../cli-io';
import { studioConfigOf } from '../global-options';

/** One JSON log line. */
function log(io: CliIo, fields: Record<string, unknown>): void {
  io.out(`${JSON.stringify({ time: new Date().toISOString(), ...fields })}\n`);
}

export function registerServe(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description(
      'run the studio headless: the cassette library, following changes on disk, until stopped',
    )
    .option('--proxy-port <port>', 'proxy port (MAGNETO_PROXY_PORT, default 8888)')
    .option('--api-port <port>', 'API port (MAGNETO_API_PORT, default 8889)')
    .action(async (_options: unknown, command: Command) => {
      const config = studioConfigOf(command, io);
      // Listen for the stop signal before anything else, so an early Ctrl-C still closes cleanly.
      const stopped = io.untilStopped();
      const library = await CassetteLibrary.open({
        cassetteDir: config.cassetteDir,
        dataDir: config.dataDir,
        watch: true,
      });
      library.on('change', (change) => log(io, { event: 'cassette', ...change }));
      library.on('watchError', (error) =>
        log(io, { event: 'watch-error', message: error.message }),
      );
      const stats = library.stats();
      log(io, {
        event: 'ready',
        cassetteDir: config.cassetteDir,
        dataDir: config.dataDir,
        cassettes: stats.cassettes,
        broken: stats.broken,
      });
      const signal = await stopped;
      await library.close();
      log(io, { event: 'stopped', signal });
    });
}
