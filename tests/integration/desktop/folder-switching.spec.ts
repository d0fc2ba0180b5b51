/** Switching the studio's cassette folder while it runs, with a client connected over a port. */
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import type { Client } from 'graphql-ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeForStorage } from '../../../proxy/cassette/formats/registry';
import { FolderSwitchError, SwitchableStudio } from '../../../src-main/studio/switchable-studio';
import { syntheticCassette } from '../../support/synthetic-cassettes';
import { execute, portClient } from './support/port-client';

const TOKEN = 'switch-test-token-0123456789';
const NAMES = '{ cassettes { items { name } } }';

let root: string;
let folderA: string;
let folderB: string;
let studio: SwitchableStudio | undefined;
const closers: Array<() => unknown> = [];

async function writeCassette(dir: string, name: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  const cassette = syntheticCassette(name, { interactions: 1, bodySize: 20 });
  await fs.writeFile(path.join(dir, `${name}.json`), encodeForStorage(cassette, 'json'));
}

async function names(client: Client): Promise<string[]> {
  const result = await execute(client, NAMES);
  const items = (result.data as { cassettes: { items: Array<{ name: string }> } }).cassettes.items;
  return items.map((item) => item.name);
}

async function start(): Promise<SwitchableStudio> {
  studio = await SwitchableStudio.start({
    config: { cassetteDir: folderA, dataDir: path.join(root, 'data'), proxyPort: 0, apiPort: 0 },
    token: TOKEN,
  });
  return studio;
}

function connect(switchable: SwitchableStudio): Client {
  const { port1, port2 } = new MessageChannel();
  const stop = switchable.servePort(port1);
  const client = portClient(port2, TOKEN);
  closers.push(
    () => client.dispose(),
    stop,
    () => (port1 as MessagePort).close(),
  );
  return client;
}

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'magneto-switch-'));
  folderA = path.join(root, 'a');
  folderB = path.join(root, 'b');
  await writeCassette(folderA, 'from-a');
  await writeCassette(folderB, 'from-b');
});

afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  await studio?.close();
  studio = undefined;
  await fs.rm(root, { recursive: true, force: true });
});

describe('switching the cassette folder at run time', () => {
  it('reopens the library on the new folder, on the same ports, and port clients reconnect', async () => {
    const switchable = await start();
    const client = connect(switchable);
    const apiPort = switchable.current.api.port;
    const proxyPort = switchable.current.engine.status().port;
    expect(await names(client)).toEqual(['from-a']);

    const events: string[] = [];
    switchable.on('stopped', (dir) => events.push(`stopped ${path.basename(dir)}`));
    switchable.on('started', (dir) => events.push(`started ${path.basename(dir)}`));
    expect(await switchable.switchFolder(folderB)).toBe(folderB);

    expect(events).toEqual(['stopped a', 'started b']);
    expect(switchable.cassetteDir).toBe(folderB);
    expect(switchable.current.api.port).toBe(apiPort);
    expect(switchable.current.engine.status()).toMatchObject({ running: true, port: proxyPort });
    expect(await names(client)).toEqual(['from-b']);
    const health = await fetch(`http://127.0.0.1:${apiPort}/health`);
    expect(health.status).toBe(200);

    // A write lands in the new folder; switching back shows the old one untouched.
    await execute(client, 'mutation { createCassette(input: { name: "made-in-b" }) { name } }');
    expect((await fs.readdir(folderB)).sort()).toEqual(['from-b.json', 'made-in-b.json']);
    await switchable.switchFolder(folderA);
    expect(await names(client)).toEqual(['from-a']);
  });

  it('refuses a folder that is missing, a file or empty, and stays where it was', async () => {
    const switchable = await start();
    const client = connect(switchable);
    const file = path.join(folderA, 'from-a.json');
    await expect(switchable.switchFolder(path.join(root, 'absent'))).rejects.toThrow(
      `${path.join(root, 'absent')} does not exist.`,
    );
    await expect(switchable.switchFolder(file)).rejects.toThrow(`${file} is not a folder.`);
    await expect(switchable.switchFolder('  ')).rejects.toThrow('Choose a cassette folder.');
    expect(switchable.cassetteDir).toBe(folderA);
    expect(await names(client)).toEqual(['from-a']);
  });

  it('reports a switch that could not reopen any folder, and starts again on the next one', async () => {
    const switchable = await start();
    const apiPort = switchable.current.api.port;
    const squatter = net.createServer();
    closers.push(() => new Promise((resolve) => squatter.close(resolve)));
    // Another program takes the API port in the gap between the two studios.
    switchable.once('stopped', () => squatter.listen(apiPort, '127.0.0.1'));

    const failure = await switchable.switchFolder(folderB).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(FolderSwitchError);
    expect((failure as Error).message).toMatch(
      new RegExp(`^Cannot open ${folderB}: .*EADDRINUSE.*could not be reopened either`),
    );
    expect(() => switchable.current).toThrow('The studio is stopped');

    await new Promise((resolve) => squatter.close(resolve));
    await switchable.switchFolder(folderB);
    expect(switchable.current.api.port).toBe(apiPort);
    expect(switchable.current.library.list().items.map((item) => item.name)).toEqual(['from-b']);
  });
});
