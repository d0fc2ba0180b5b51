/** What the desktop app remembers: window bounds and folders, in a validated file. */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_DESKTOP_STATE,
  DesktopStateStore,
  MAX_RECENT_FOLDERS,
  boundsOnScreen,
  rememberFolder,
  type DesktopState,
} from '../../../src-main/desktop/desktop-state';

let dataDir: string;
beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'magneto-desktop-state-'));
});
afterEach(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
});

const SAVED: DesktopState = {
  version: 1,
  window: { x: 40, y: 60, width: 1000, height: 700, maximized: false },
  cassetteDir: '/work/cassettes',
  recentFolders: ['/work/cassettes', '/work/old'],
};

describe('the desktop state file', () => {
  it('starts from the defaults and keeps what was saved', async () => {
    const store = new DesktopStateStore(path.join(dataDir, 'nested'));
    expect(await store.load()).toEqual({ state: DEFAULT_DESKTOP_STATE });
    await store.save(SAVED);
    expect(await new DesktopStateStore(path.join(dataDir, 'nested')).load()).toEqual({
      state: SAVED,
    });
    expect(JSON.parse(await fs.readFile(store.file, 'utf8'))).toEqual(SAVED);
  });

  it('sets a damaged file aside and uses the defaults', async () => {
    const store = new DesktopStateStore(dataDir);
    await fs.writeFile(store.file, '{"version": 1, "recentFolders": [');
    const loaded = await store.load();
    expect(loaded.state).toEqual(DEFAULT_DESKTOP_STATE);
    expect(loaded.problem).toMatch(/desktop-state\.json: not valid JSON/);
    expect(await fs.readFile(`${store.file}.corrupt`, 'utf8')).toBe(
      '{"version": 1, "recentFolders": [',
    );
    await expect(fs.stat(store.file)).rejects.toThrow();
  });

  it('refuses values that are not sane, saying which', async () => {
    const store = new DesktopStateStore(dataDir);
    const cases: Array<[unknown, string]> = [
      [{ ...SAVED, window: { ...SAVED.window, width: 10 } }, 'window.width'],
      [{ ...SAVED, window: { ...SAVED.window, x: 1e9 } }, 'window.x'],
      [{ ...SAVED, recentFolders: 'nope' }, 'recentFolders'],
      [{ ...SAVED, version: 2 }, 'version'],
      [[], 'the document'],
    ];
    for (const [document, where] of cases) {
      await fs.writeFile(store.file, JSON.stringify(document));
      const loaded = await store.load();
      expect(loaded.state).toEqual(DEFAULT_DESKTOP_STATE);
      expect(loaded.problem).toContain(`: ${where}`);
    }
    await expect(
      store.save({ ...SAVED, window: { ...SAVED.window!, height: 1 } }),
    ).rejects.toThrow();
  });
});

describe('recent folders', () => {
  it('puts the folder first, once, and caps the list', () => {
    let state: DesktopState = DEFAULT_DESKTOP_STATE;
    for (let index = 0; index < MAX_RECENT_FOLDERS + 3; index++) {
      state = rememberFolder(state, `/f${index}`);
    }
    expect(state.recentFolders).toHaveLength(MAX_RECENT_FOLDERS);
    expect(state.recentFolders[0]).toBe(`/f${MAX_RECENT_FOLDERS + 2}`);
    state = rememberFolder(state, '/f5');
    expect(state.recentFolders.filter((dir) => dir === '/f5')).toHaveLength(1);
    expect(state.recentFolders[0]).toBe('/f5');
    expect(state.cassetteDir).toBe('/f5');
  });
});

describe('window bounds on the screens there are', () => {
  const laptop = [{ x: 0, y: 0, width: 1440, height: 870 }];
  const window = { x: 100, y: 80, width: 1280, height: 800, maximized: false };

  it('keeps bounds that fit', () => {
    expect(boundsOnScreen(window, laptop)).toEqual(window);
  });

  it('drops a position on a screen that is gone, and shrinks to the largest screen', () => {
    expect(boundsOnScreen({ ...window, x: 2000, y: 100 }, laptop)).toEqual({
      width: 1280,
      height: 800,
      maximized: false,
    });
    expect(
      boundsOnScreen({ ...window, width: 3000, height: 2000, maximized: true }, laptop),
    ).toEqual({
      x: 100,
      y: 80,
      width: 1440,
      height: 870,
      maximized: true,
    });
    const twoScreens = [...laptop, { x: 1440, y: 0, width: 2560, height: 1410 }];
    expect(boundsOnScreen({ ...window, x: 2000, y: 100 }, twoScreens)).toEqual({
      ...window,
      x: 2000,
      y: 100,
    });
  });
});
