/** The desktop app's studio: where its folders come from, and its start when a port is taken. */
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DESKTOP_STATE } from '../../../src-main/desktop/desktop-state';
import {
  desktopStudioConfig,
  launchToken,
  startDesktopStudio,
} from '../../../src-main/desktop/desktop-studio';
import type { SwitchableStudio } from '../../../src-main/studio/switchable-studio';

let root: string;
const closers: Array<() => Promise<unknown>> = [];
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'magneto-desktop-studio-'));
});
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  await fs.rm(root, { recursive: true, force: true });
});

describe('the desktop configuration', () => {
  const documentsDir = '/home/ada/Documents';
  const env = { HOME: '/home/ada', XDG_DATA_HOME: '/home/ada/.local/share' };

  it('opens <Documents>/Magneto Studio/cassettes first, with the data folder the CLI uses', () => {
    expect(desktopStudioConfig({ env, state: DEFAULT_DESKTOP_STATE, documentsDir })).toEqual({
      cassetteDir: '/home/ada/Documents/Magneto Studio/cassettes',
      dataDir: '/home/ada/.local/share/magneto-studio',
      proxyPort: 8888,
      apiPort: 8889,
    });
  });

  it('reopens the folder open last while it exists; MAGNETO_CASSETTE_DIR wins', () => {
    const state = { ...DEFAULT_DESKTOP_STATE, cassetteDir: root };
    expect(desktopStudioConfig({ env, state, documentsDir }).cassetteDir).toBe(root);
    const gone = { ...DEFAULT_DESKTOP_STATE, cassetteDir: path.join(root, 'deleted') };
    expect(desktopStudioConfig({ env, state: gone, documentsDir }).cassetteDir).toBe(
      '/home/ada/Documents/Magneto Studio/cassettes',
    );
    const fromEnv = { ...env, MAGNETO_CASSETTE_DIR: '/srv/tapes', MAGNETO_PROXY_PORT: '9000' };
    expect(desktopStudioConfig({ env: fromEnv, state, documentsDir })).toMatchObject({
      cassetteDir: '/srv/tapes',
      proxyPort: 9000,
    });
  });

  it('makes a fresh, long token at every launch', () => {
    const tokens = new Set(Array.from({ length: 20 }, launchToken));
    expect(tokens.size).toBe(20);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });
});

describe('starting the desktop studio', () => {
  async function squat(): Promise<number> {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise((resolve) => server.close(resolve)));
    return (server.address() as net.AddressInfo).port;
  }

  function remember(studio: SwitchableStudio): SwitchableStudio {
    closers.push(() => studio.close());
    return studio;
  }

  it('starts everything on the configured ports, token required', async () => {
    const config = {
      cassetteDir: path.join(root, 'c'),
      dataDir: path.join(root, 'd'),
      proxyPort: 0,
      apiPort: 0,
    };
    const token = launchToken();
    const started = await startDesktopStudio(config, token);
    const studio = remember(started.studio);
    expect(started.warning).toBeUndefined();
    expect(studio.current.engine.status().running).toBe(true);
    const refused = await fetch(
      `${studio.current.api.url}/graphql?query={globalStats{totalCassettes}}`,
    );
    expect(refused.status).toBe(401);
    const allowed = await fetch(
      `${studio.current.api.url}/graphql?query={globalStats{totalCassettes}}`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    expect(await allowed.json()).toEqual({ data: { globalStats: { totalCassettes: 0 } } });
  });

  it('still starts when a port is taken: the API elsewhere, the proxy stopped, and says so', async () => {
    const taken = await squat();
    const config = {
      cassetteDir: path.join(root, 'c'),
      dataDir: path.join(root, 'd'),
      proxyPort: 0,
      apiPort: taken,
    };
    const started = await startDesktopStudio(config, launchToken());
    const studio = remember(started.studio);
    expect(studio.current.api.port).not.toBe(taken);
    expect(studio.current.engine.status().running).toBe(false);
    expect(started.warning).toMatch(
      /EADDRINUSE.*The API listens on http:\/\/127\.0\.0\.1:\d+ instead, and the proxy is stopped/,
    );
    const health = await fetch(`${studio.current.api.url}/health`);
    expect(health.status).toBe(200);
  });
});
