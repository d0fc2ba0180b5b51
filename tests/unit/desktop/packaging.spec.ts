/** electron-builder.yml checked by electron-builder's own validator, and the icons it uses. */
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const REPO = path.resolve(__dirname, '../../..');
const require = createRequire(import.meta.url);
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(
    config: unknown,
    logger: { isEnabled: boolean; add(): void },
  ): Promise<void>;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the file's shape is checked below
async function builderConfig(): Promise<Record<string, any>> {
  return parse(await fs.readFile(path.join(REPO, 'electron-builder.yml'), 'utf8'));
}

/** Width and height from a PNG's IHDR chunk. */
async function pngSize(file: string): Promise<[number, number]> {
  const bytes = await fs.readFile(file);
  expect(bytes.subarray(0, 8)).toEqual(
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  );
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('electron-builder.yml', () => {
  it('is a valid electron-builder configuration', async () => {
    const config = await builderConfig();
    await expect(
      validateConfiguration(config, { isEnabled: false, add: () => undefined }),
    ).resolves.toBeUndefined();
    await expect(
      validateConfiguration(
        { ...config, linux: { ...config.linux, nonsense: 1 } },
        { isEnabled: false, add: () => undefined },
      ),
    ).rejects.toThrow(/Invalid configuration object[^]*configuration\.linux/);
  });

  it('builds AppImage and deb, dmg and nsis, with better-sqlite3 outside the asar', async () => {
    const config = await builderConfig();
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
    expect(config.asarUnpack).toContain('out/main/quickjs-worker.mjs');
    expect(config.npmRebuild).toBe(false);
    expect(config.files).toContain('resources/templates/**');
  });

  it('rebuilds native modules in `npm run package`, never in postinstall', async () => {
    const manifest = JSON.parse(await fs.readFile(path.join(REPO, 'package.json'), 'utf8'));
    expect(manifest.scripts.package).toBe('node scripts/package-desktop.mjs');
    expect(manifest.scripts.postinstall ?? '').not.toMatch(/electron-(re)?build|install-app-deps/);
    const script = await fs.readFile(path.join(REPO, 'scripts/package-desktop.mjs'), 'utf8');
    expect(script).toMatch(/bin\('electron-rebuild'\),\s*\[[^\]]*'--only',\s*'better-sqlite3'/);
    expect(script).toMatch(
      /run\('native modules for Node again', 'npm', \['rebuild', 'better-sqlite3'\]\)/,
    );
  });
});

describe('the icons', () => {
  it('are PNGs of the sizes their names say, 1024 px for macOS and Windows', async () => {
    expect(await pngSize(path.join(REPO, 'resources/icon.png'))).toEqual([1024, 1024]);
    const names = (await fs.readdir(path.join(REPO, 'resources/icons'))).sort();
    expect(names).toContain('512x512.png');
    for (const name of names) {
      const size = Number(name.split('x')[0]);
      expect(await pngSize(path.join(REPO, 'resources/icons', name)), name).toEqual([size, size]);
    }
  });
});
