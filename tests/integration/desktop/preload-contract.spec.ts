/**
 * The preload contract end to end with the real schema: the preload's object (src-preload), the
 * main process's handlers (src-main/desktop), the renderer's bridge and GraphQL client
 * (src-renderer/src/api), joined by Electron stand-ins (a bus for ipcMain/ipcRenderer, Node's
 * MessageChannel). Queries, mutations and subscriptions cross the port; dialogs read and write
 * real files; a folder switch reconnects the client.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeForStorage } from '../../../proxy/cassette/formats/registry';
import { DesktopActions, type NativeDialogs } from '../../../src-main/desktop/desktop-actions';
import { registerDesktopIpc } from '../../../src-main/desktop/desktop-ipc';
import { APP_ORIGIN, isAppUrl } from '../../../src-main/desktop/web-security';
import { SwitchableStudio } from '../../../src-main/studio/switchable-studio';
import { createDesktopApi } from '../../../src-preload/create-desktop-api';
import { DESKTOP_CHANNELS, type MagnetoDesktopApi } from '../../../src-preload/desktop-api';
import { useConnection } from '../../../src-renderer/src/api/connection.store';
import { desktopBridge } from '../../../src-renderer/src/api/desktop-bridge';
import {
  createGraphQLClient,
  type GraphQLClient,
} from '../../../src-renderer/src/api/graphql-client';
import type { TypedDocumentString } from '../../../src-renderer/src/api/generated/graphql';
import { createWsClient } from '../../../src-renderer/src/api/ws-transport';
import { syntheticCassette } from '../../support/synthetic-cassettes';
import { IpcBus, PageWindow } from './support/electron-standins';

const TOKEN = 'preload-contract-token-0123456789';
const PAGE_URL = `${APP_ORIGIN}/index.html`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL answers vary per document
type Data = Record<string, any>;
const doc = (query: string) =>
  ({ toString: () => query }) as unknown as TypedDocumentString<Data, Data>;

/** The OS dialogs' answers, set by each test (the dialogs themselves are the OS's). */
const answers: { files: string[]; savePath?: string; folder?: string } = { files: [] };
const dialogs: NativeDialogs = {
  chooseFilesToImport: async () => answers.files,
  chooseSavePath: async () => answers.savePath,
  chooseFolder: async () => answers.folder,
};

let root: string;
let studio: SwitchableStudio;
let bus: IpcBus;
let page: PageWindow;
let api: MagnetoDesktopApi;
let client: GraphQLClient;
let unregister: () => void;
const opened: string[] = [];

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'magneto-preload-'));
  const cassetteDir = path.join(root, 'cassettes');
  studio = await SwitchableStudio.start({
    config: { cassetteDir, dataDir: path.join(root, 'data'), proxyPort: 0, apiPort: 0 },
    token: TOKEN,
    startProxy: false,
  });
  const actions = new DesktopActions({
    studio,
    dialogs,
    token: TOKEN,
    about: {
      name: 'Magneto Studio',
      version: '0.1.0',
      platform: process.platform,
      versions: { electron: '39.0.0', chrome: '142', node: process.versions.node },
    },
    onFolderOpened: async (dir) => void opened.push(dir),
  });
  bus = new IpcBus();
  unregister = registerDesktopIpc({
    ipcMain: bus.ipcMain,
    isTrustedUrl: (url) => isAppUrl(url, APP_ORIGIN),
    createPortPair: bus.createPortPair,
    handlers: {
      appInfo: () => actions.appInfo(),
      openCassetteFiles: () => actions.openCassetteFiles(),
      saveFile: (request) => actions.saveFile(request),
      chooseCassetteFolder: () => actions.chooseCassetteFolder(),
      serveGraphql: (port) => studio.servePort(port),
    },
  });
  page = new PageWindow();
  api = createDesktopApi({
    ipc: bus.renderer(PAGE_URL),
    getPathForFile: (file) => `/dropped/${file.name}`,
    postToPage: (message, port) => page.postMessage(message, '*', [port]),
  });
  page.magnetoDesktop = api;
  const bridge = desktopBridge(page.asWindow());
  if (bridge === undefined) throw new Error('the bridge did not find the preload object');
  const ws = bridge.graphqlPort().then((port) => createWsClient({ kind: 'port', port }, TOKEN));
  client = createGraphQLClient({ ws, httpEndpoint: undefined, token: TOKEN });
});

afterEach(async () => {
  await client.dispose();
  unregister();
  await studio.close();
  bus.close();
  opened.length = 0;
  answers.files = [];
  delete answers.savePath;
  delete answers.folder;
  await fs.rm(root, { recursive: true, force: true });
});

describe('the preload object', () => {
  it('is one narrow object: no generic invoke or send', () => {
    expect(Object.keys(api).sort()).toEqual([
      'appInfo',
      'dialogs',
      'pathForFile',
      'requestGraphqlPort',
    ]);
    expect(Object.keys(api.dialogs).sort()).toEqual([
      'chooseCassetteFolder',
      'openCassetteFiles',
      'saveFile',
    ]);
    // Every channel the preload invokes has its handler in the main process, and no other.
    expect([...bus.handlers.keys()].sort()).toEqual(
      [
        DESKTOP_CHANNELS.appInfo,
        DESKTOP_CHANNELS.chooseCassetteFolder,
        DESKTOP_CHANNELS.openCassetteFiles,
        DESKTOP_CHANNELS.saveFile,
      ].sort(),
    );
    expect(api.pathForFile(new File(['x'], 'recording.har'))).toBe('/dropped/recording.har');
  });

  it('tells the app info, with the API for other tools', async () => {
    expect(await api.appInfo()).toEqual({
      name: 'Magneto Studio',
      version: '0.1.0',
      platform: process.platform,
      versions: { electron: '39.0.0', chrome: '142', node: process.versions.node },
      cassetteDir: path.join(root, 'cassettes'),
      apiUrl: studio.current.api.url,
    });
  });
});

describe('GraphQL over the preload port', () => {
  it('runs queries, mutations and subscriptions with the real schema', async () => {
    const created = await client.mutate(
      doc('mutation { createCassette(input: { name: "over-ipc" }) { name interactionCount } }'),
    );
    expect(created).toEqual({ createCassette: { name: 'over-ipc', interactionCount: 0 } });
    expect(await client.query(doc('{ cassettes { items { name } } }'))).toEqual({
      cassettes: { items: [{ name: 'over-ipc' }] },
    });
    await expect(client.query(doc('{ cassette(name: "ghost") { name } }'))).rejects.toMatchObject({
      code: 'CASSETTE_NOT_FOUND',
    });

    const changes: Data[] = [];
    const stop = client.subscribe(
      doc('subscription { cassetteUpdated { type name } }'),
      {},
      {
        next: (data) => changes.push(data),
      },
    );
    try {
      const library = studio.current.library;
      const before = library.listenerCount('change');
      await waitFor(() => library.listenerCount('change') > before);
      await client.mutate(doc('mutation { deleteCassette(name: "over-ipc") }'));
      await waitFor(() => changes.length > 0);
      expect(changes[0]).toEqual({ cassetteUpdated: { type: 'Deleted', name: 'over-ipc' } });
    } finally {
      stop();
    }
  });

  it('refuses a port client without the launch token', async () => {
    const bridge = desktopBridge(page.asWindow());
    const port = await bridge?.graphqlPort();
    if (port === undefined) throw new Error('no port');
    const anonymous = createGraphQLClient({
      ws: Promise.resolve(createWsClient({ kind: 'port', port }, undefined)),
      httpEndpoint: undefined,
      token: undefined,
    });
    // The server closes the connection as Forbidden (4403); the client reports it and retries.
    useConnection.setState({ lastError: undefined });
    void anonymous.query(doc('{ globalStats { totalCassettes } }')).catch(() => undefined);
    await waitFor(() => useConnection.getState().lastError === 'Forbidden');
    await anonymous.dispose();
  });

  it('gives nothing to a frame that is not the app', async () => {
    const stranger = createDesktopApi({
      ipc: bus.renderer('https://evil.example/'),
      getPathForFile: () => '',
      postToPage: () => {
        throw new Error('a port was handed to a stranger');
      },
    });
    await expect(stranger.appInfo()).rejects.toThrow('IPC from https://evil.example/ refused.');
    await expect(stranger.dialogs.openCassetteFiles()).rejects.toThrow('refused');
    stranger.requestGraphqlPort();
    expect(bus.ports).toHaveLength(2); // only the app's own page got a port
  });
});

describe('dialogs over the preload', () => {
  it('reads the files chosen, as base64', async () => {
    const file = path.join(root, 'recording.msgpack');
    await fs.writeFile(file, Buffer.from([0x82, 0xa1, 0x61, 0x01]));
    answers.files = [file];
    expect(await api.dialogs.openCassetteFiles()).toEqual([
      { fileName: 'recording.msgpack', path: file, base64: 'gqFhAQ==' },
    ]);
    answers.files = [];
    expect(await api.dialogs.openCassetteFiles()).toEqual([]);
  });

  it('saves where the user chose, and refuses bad requests', async () => {
    answers.savePath = path.join(root, 'out', 'export.json');
    await fs.mkdir(path.dirname(answers.savePath));
    const base64 = Buffer.from('{"ok":true}').toString('base64');
    expect(await api.dialogs.saveFile({ suggestedName: 'export.json', base64 })).toBe(
      answers.savePath,
    );
    expect(await fs.readFile(answers.savePath, 'utf8')).toBe('{"ok":true}');
    await expect(
      api.dialogs.saveFile({ suggestedName: '../../etc/passwd', base64 }),
    ).rejects.toThrow('Expected a file name, not a path');
    await expect(
      api.dialogs.saveFile({ suggestedName: 'x.json', base64: 'not base64!' }),
    ).rejects.toThrow('Expected base64');
    delete answers.savePath;
    expect(await api.dialogs.saveFile({ suggestedName: 'x.json', base64 })).toBeNull();
  });

  it('switches the cassette folder, and the page keeps talking over its port', async () => {
    const other = path.join(root, 'other');
    await fs.mkdir(other);
    const cassette = syntheticCassette('elsewhere', { interactions: 1, bodySize: 10 });
    await fs.writeFile(path.join(other, 'elsewhere.json'), encodeForStorage(cassette, 'json'));
    expect(await client.query(doc('{ cassettes { items { name } } }'))).toEqual({
      cassettes: { items: [] },
    });

    answers.folder = other;
    expect(await api.dialogs.chooseCassetteFolder()).toBe(other);
    expect(opened).toEqual([other]);
    expect((await api.appInfo()).cassetteDir).toBe(other);
    expect(await client.query(doc('{ cassettes { items { name } } }'))).toEqual({
      cassettes: { items: [{ name: 'elsewhere' }] },
    });

    delete answers.folder;
    expect(await api.dialogs.chooseCassetteFolder()).toBeNull();
    answers.folder = path.join(root, 'missing');
    await expect(api.dialogs.chooseCassetteFolder()).rejects.toThrow('does not exist');
    expect((await api.appInfo()).cassetteDir).toBe(other);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
