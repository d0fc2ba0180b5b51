import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProxyEngine } from '../../../proxy/engine/proxy-engine';
import { MemoryCassetteStore } from '../../support/memory-cassette-store';
import { makeTempDir, removeTempDir, startEngine } from './helpers/servers';

let dataDir: string;

beforeAll(async () => {
  dataDir = await makeTempDir('lifecycle');
});

afterAll(async () => {
  await removeTempDir(dataDir);
});

function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      received += chunk;
      if (received.includes('\r\n\r\n')) socket.end();
    });
    socket.once('close', () => resolve(received));
  });
}

describe('engine lifecycle', () => {
  it('reports its status before, during and after a run', async () => {
    const engine = new ProxyEngine();
    expect(engine.status()).toMatchObject({
      running: false,
      port: null,
      effectiveMode: 'passthrough',
    });
    await expect(engine.reconfigure({ mode: 'replay' })).rejects.toThrow(/not running/);
    await engine.stop(); // nothing to stop
    const status = await engine.start({
      port: 0,
      dataDir,
      store: new MemoryCassetteStore(),
      cassette: 'c',
    });
    expect(status).toMatchObject({
      running: true,
      host: '127.0.0.1',
      mode: 'auto',
      effectiveMode: 'record',
      cassette: 'c',
    });
    expect(status.port).toBeGreaterThan(0);
    await expect(
      engine.start({ port: 0, dataDir, store: new MemoryCassetteStore() }),
    ).rejects.toThrow(/already running/);
    await engine.stop();
    expect(engine.status().running).toBe(false);
  });

  it('fails to start on a busy port, leaving nothing open, and can start afterwards', async () => {
    const first = await startEngine(dataDir, {});
    const second = new ProxyEngine();
    await expect(
      second.start({ port: first.port, dataDir, store: new MemoryCassetteStore() }),
    ).rejects.toThrow(/EADDRINUSE/);
    expect(second.status().running).toBe(false);
    await first.engine.stop();
    const status = await second.start({
      port: first.port,
      dataDir,
      store: new MemoryCassetteStore(),
    });
    expect(status.port).toBe(first.port);
    await second.stop();
  });

  it('answers 508 to a request that loops back to the proxy', async () => {
    const harness = await startEngine(dataDir, { mode: 'passthrough' });
    const self = `127.0.0.1:${harness.port}`;
    await harness.engine.reconfigure({ target: `http://${self}` });
    const answer = await rawRequest(harness.port, `GET /loop HTTP/1.1\r\nHost: ${self}\r\n\r\n`);
    await harness.engine.stop();
    expect(answer).toMatch(/^HTTP\/1\.1 508/);
    expect(answer).toContain('request loop');
    // The looped copy is refused, and the original relays that answer.
    expect(harness.events.map((e) => [e.outcome, e.response?.status])).toEqual([
      ['error', 508],
      ['passthrough', 508],
    ]);
  });
});
