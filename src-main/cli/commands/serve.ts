import type { Command } from 'commander';
import pino, { type Logger } from 'pino';
import { readConfigFile, type ConfigFile } from '../../config/config-file';
import { resolveStudioConfig } from '../../config/studio-config';
import { startHeadlessStudio } from '../../studio/headless-studio';
import { CliError } from '../cli-error';
import type { CliIo } from '../cli-io';
import { logExchanges } from '../exchange-log';
import type { GlobalOptions } from '../global-options';

interface ServeOptions extends GlobalOptions {
  proxyPort?: string;
  apiPort?: string;
  host?: string;
  token?: string;
  config?: string;
}

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

/**
 * Structured JSON logs, one line each, on the command's standard output, from the level
 * `MAGNETO_LOG_LEVEL` names (`info` by default; `debug` adds a line per exchange).
 */
function logger(io: CliIo): Logger {
  const level = io.env.MAGNETO_LOG_LEVEL ?? 'info';
  if (!LOG_LEVELS.includes(level)) {
    throw new CliError(`MAGNETO_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${level}"`);
  }
  return pino(
    { base: undefined, level, timestamp: pino.stdTimeFunctions.isoTime },
    { write: (line: string) => io.out(line) },
  );
}

export function registerServe(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description('run the headless studio: proxy, GraphQL API and the UI, until SIGINT or SIGTERM')
    .option('--proxy-port <port>', 'proxy port (MAGNETO_PROXY_PORT, default 8888)')
    .option('--api-port <port>', 'API and UI port (MAGNETO_API_PORT, default 8889)')
    .option('--host <host>', 'address of the API (default 127.0.0.1; other addresses need --token)')
    .option('--token <token>', 'require this bearer token on the API (MAGNETO_API_TOKEN)')
    .option(
      '--config <file>',
      'JSON configuration file (flags and environment variables win over it)',
    )
    .action(async (_options: unknown, command: Command) => {
      // Listen for the stop signal before anything else, so an early Ctrl-C still closes cleanly.
      const stopped = io.untilStopped();
      const options = command.optsWithGlobals<ServeOptions>();
      const file: ConfigFile =
        options.config === undefined ? {} : await readConfigFile(options.config);
      const config = resolveStudioConfig(options, io.env, io.cwd, file);
      const log = logger(io);
      const studio = await startHeadlessStudio({
        config,
        host: options.host ?? file.host,
        token: options.token ?? io.env.MAGNETO_API_TOKEN ?? file.token,
      });
      studio.library.on('change', (change) =>
        log.info({ event: 'cassette', ...change }, 'cassette changed'),
      );
      studio.library.on('watchError', (error) =>
        log.warn({ event: 'watch-error', err: error.message }, 'watch error'),
      );
      const stopLogging = logExchanges(studio.engine, log);
      const proxy = studio.engine.status();
      const stats = studio.library.stats();
      log.info(
        {
          event: 'ready',
          api: studio.api.url,
          ui: studio.servesUi ? `${studio.api.url}/` : null,
          proxy: proxy.running ? `http://${proxy.host}:${proxy.port}` : null,
          cassetteDir: config.cassetteDir,
          dataDir: config.dataDir,
          cassettes: stats.cassettes,
          broken: stats.broken,
        },
        'studio ready',
      );
      const signal = await stopped;
      await studio.close();
      stopLogging();
      log.info({ event: 'stopped', signal }, 'studio stopped');
    });
}
