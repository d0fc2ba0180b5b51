/**
 * A process holding a worker engine, for lifecycle tests: `idle` prepares the worker, registers a
 * custom helper (sent to the worker too) and ends its script (the process must then exit by itself); `running` starts the engine, prints its port, and
 * calls `process.exit` on the next line of standard input (the worker must not keep it).
 */
import { WorkerProxyEngine } from '../../../../proxy/engine/worker/worker-proxy-engine';
import { registerCustomHelper } from '../../../../proxy/templating';
import { MemoryCassetteStore } from '../../../support/memory-cassette-store';

const [, , how, dataDir = ''] = process.argv;
const engine = new WorkerProxyEngine();
if (how === 'idle') {
  engine.prepare();
  // Resolves once the worker has it too: the worker was busy, and is idle again.
  await registerCustomHelper('shout', '(args) => String(args[0]).toUpperCase()');
  process.stdout.write('prepared\n');
} else {
  const status = await engine.start({
    port: 0,
    dataDir,
    store: new MemoryCassetteStore(),
    mode: 'passthrough',
  });
  process.stdout.write(`listening ${status.port}\n`);
  process.stdin.once('data', () => process.exit(0));
}
