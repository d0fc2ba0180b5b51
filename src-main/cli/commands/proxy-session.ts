import type { Command } from 'commander';
import type { RecordMode } from '../../../proxy/cassette/cassette.model';
import type { ExchangeEvent } from '../../../proxy/engine/engine.model';
import { ProxyEngine } from '../../../proxy/engine/proxy-engine';
import { parsePort } from '../../config/studio-config';
import { CassetteLibrary } from '../../library/library';
import type { CliIo } from '../cli-io';
import { studioConfigOf } from '../global-options';

interface ProxyCommandOptions {
  target?: string;
  port?: string;
  host?: string;
  json?: boolean;
}

function exchangeLine(event: ExchangeEvent): string {
  const status = event.response?.status ?? '-';
  const extra = event.error === undefined ? '' : `  (${event.error})`;
  return `${event.outcome.padEnd(11)} ${event.request.method} ${event.request.url} → ${status} ${Math.round(event.latencyMs)} ms${extra}\n`;
}

/**
 * Runs the proxy in the foreground on one cassette of the library until SIGINT or SIGTERM, then
 * saves what was recorded and exits.
 */
async function runProxySession(
  name: string,
  mode: RecordMode,
  options: ProxyCommandOptions,
  command: Command,
  io: CliIo,
): Promise<void> {
  const stopped = io.untilStopped();
  const config = studioConfigOf(command, io);
  const library = await CassetteLibrary.open({
    cassetteDir: config.cassetteDir,
    dataDir: config.dataDir,
  });
  const engine = new ProxyEngine();
  try {
    engine.on('exchange', (event) =>
      io.out(options.json === true ? `${JSON.stringify(event)}\n` : exchangeLine(event)),
    );
    engine.on('error', (error) => io.err(`magneto: ${error.message}\n`));
    const status = await engine.start({
      host: options.host,
      port: options.port === undefined ? config.proxyPort : parsePort(options.port, '--port'),
      mode,
      cassette: name,
      target: options.target ?? null,
      dataDir: config.dataDir,
      store: library,
    });
    const where = `http://${status.host}:${status.port}`;
    const ca = engine.certificateAuthority?.certificatePath ?? '';
    io.err(
      `${mode === 'record' ? 'Recording' : 'Replaying'} "${name}" on ${where}` +
        (status.target === null
          ? ` (HTTP_PROXY=${where}; HTTPS clients trust ${ca})`
          : ` → ${status.target}`) +
        '. Ctrl-C to stop.\n',
    );
    await stopped;
    await engine.stop();
  } finally {
    if (engine.status().running) await engine.stop();
    await library.close();
  }
}

function registerProxyCommand(program: Command, io: CliIo, mode: 'record' | 'replay'): void {
  program
    .command(mode)
    .description(
      mode === 'record'
        ? 'record traffic into a cassette (overwriting it) until Ctrl-C'
        : 'replay a cassette strictly (misses get a 404 that explains them) until Ctrl-C',
    )
    .argument('<name>', 'cassette name')
    .option('--target <url>', 'reverse proxy to this origin (clients use the studio as base URL)')
    .option('--port <port>', 'proxy port (MAGNETO_PROXY_PORT, default 8888)')
    .option('--host <host>', 'address to listen on (default 127.0.0.1)')
    .option('--json', 'print each exchange as a JSON line')
    .action((name: string, options: ProxyCommandOptions, command: Command) =>
      runProxySession(name, mode, options, command, io),
    );
}

export function registerRecord(program: Command, io: CliIo): void {
  registerProxyCommand(program, io, 'record');
}

export function registerReplay(program: Command, io: CliIo): void {
  registerProxyCommand(program, io, 'replay');
}
