/** `magneto backup` and `magneto restore` on real folders, with damaged and forged archives. */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CassetteLibrary } from '../../../src-main/library/library';
import { cliSandbox, type CliSandbox } from '../../support/cli-harness';
import { syntheticCassette } from '../../support/synthetic-cassettes';

const TEMPLATE = path.resolve(__dirname, '../../../resources/templates/created-resource.json');
const HELPERS = {
  version: 1,
  helpers: [
    {
      name: 'shout',
      code: '(args) => String(args[0]).toUpperCase()',
      description: 'Upper-cases its argument.',
      createdAt: '2025-06-01T00:00:00.000Z',
      updatedAt: '2025-06-01T00:00:00.000Z',
    },
  ],
};

let source: CliSandbox;
let target: CliSandbox;
let archive: string;

async function seedLibrary(sandbox: CliSandbox): Promise<void> {
  const library = await CassetteLibrary.open(sandbox);
  try {
    await library.create('alpha', syntheticCassette('alpha', { interactions: 2, bodySize: 40 }));
    await library.create('beta', syntheticCassette('beta', { interactions: 1, bodySize: 40 }));
    await library.updateMetadata('beta', { tags: ['smoke'] });
  } finally {
    await library.close();
  }
  await fs.writeFile(path.join(sandbox.dataDir, 'custom-helpers.json'), JSON.stringify(HELPERS));
  await fs.mkdir(path.join(sandbox.dataDir, 'templates'));
  await fs.copyFile(TEMPLATE, path.join(sandbox.dataDir, 'templates', 'mine.json'));
}

/** Every file under the sandbox with its bytes' hash, to prove a folder was left as it was. */
async function snapshot(root: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else {
        const bytes = await fs.readFile(full);
        result[path.relative(root, full)] = createHash('sha256').update(bytes).digest('hex');
      }
    }
  };
  await walk(root);
  return result;
}

function activityRows(dataDir: string): unknown[] {
  const db = new Database(path.join(dataDir, 'index.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT cassette, change, source FROM activity ORDER BY id').all();
  } finally {
    db.close();
  }
}

/** The archive with its entries changed by `edit` (the manifest kept unless edited too). */
async function forge(
  edit: (entries: Record<string, Uint8Array>) => void,
  name = 'forged.zip',
): Promise<string> {
  const entries = unzipSync(await fs.readFile(archive));
  edit(entries);
  const file = path.join(source.root, name);
  await fs.writeFile(file, zipSync(entries));
  return file;
}

function manifestOf(entries: Record<string, Uint8Array>): {
  files: Array<{ path: string; size: number; sha256: string; mtimeMs: number }>;
} {
  return JSON.parse(new TextDecoder().decode(entries['manifest.json']));
}

beforeEach(async () => {
  source = await cliSandbox();
  target = await cliSandbox();
  await seedLibrary(source);
  archive = path.join(source.root, 'library.zip');
  const made = await source.run(['backup', archive]);
  expect(made).toMatchObject({ code: 0, stderr: '' });
  expect(made.stdout).toMatch(
    /^backed up 2 cassettes, the index, the custom helpers and 1 template to .*library\.zip \(\d+\.\d KB\)\n$/,
  );
});

afterEach(async () => {
  await source.cleanup();
  await target.cleanup();
});

describe('magneto backup and restore', () => {
  it('restores cassettes, index history, helpers and templates exactly', async () => {
    const restored = await target.run(['restore', archive, '--json']);
    expect(restored.stderr).toBe('');
    expect(JSON.parse(restored.stdout)).toMatchObject({
      cassettes: 2,
      index: true,
      customHelpers: true,
      templates: 1,
      replacedCassettes: 0,
    });
    for (const name of ['alpha.json', 'beta.json']) {
      const [before, after] = await Promise.all(
        [source, target].map((box) => fs.readFile(path.join(box.cassetteDir, name))),
      );
      expect(after?.equals(before as Buffer)).toBe(true);
      const [statBefore, statAfter] = await Promise.all(
        [source, target].map((box) => fs.stat(path.join(box.cassetteDir, name))),
      );
      expect(Math.abs((statAfter?.mtimeMs ?? 0) - (statBefore?.mtimeMs ?? -1))).toBeLessThan(0.01);
    }
    for (const name of ['custom-helpers.json', 'templates/mine.json']) {
      const [before, after] = await Promise.all(
        [source, target].map((box) => fs.readFile(path.join(box.dataDir, name), 'utf8')),
      );
      expect(after).toBe(before);
    }
    // The activity history lives only in the index: it came back with it.
    expect(activityRows(target.dataDir)).toEqual(activityRows(source.dataDir));
    expect(activityRows(target.dataDir)).toContainEqual({
      cassette: 'beta',
      change: 'updated',
      source: 'app',
    });
    const listed = JSON.parse((await target.run(['list', '--json'])).stdout) as {
      items: Array<{ name: string; tags: string[] }>;
    };
    expect(listed.items.map((item) => [item.name, item.tags])).toEqual([
      ['alpha', []],
      ['beta', ['smoke']],
    ]);
    expect((await fs.readdir(target.cassetteDir)).filter((name) => name.startsWith('.'))).toEqual(
      [],
    );
  });

  it('refuses to replace a library without --force, and replaces only cassette files with it', async () => {
    await fs.mkdir(target.cassetteDir, { recursive: true });
    const other = syntheticCassette('gamma', { interactions: 1, bodySize: 10 });
    await fs.writeFile(path.join(target.cassetteDir, 'gamma.json'), JSON.stringify(other));
    await fs.writeFile(path.join(target.cassetteDir, 'notes.txt'), 'kept');
    const before = await snapshot(target.root);

    const refused = await target.run(['restore', archive]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      'magneto: the library already holds 1 cassette; a restore replaces it: add --force to replace it\n',
    );
    expect(await snapshot(target.root)).toEqual(before);

    const forced = await target.run(['restore', archive, '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(
      /^restored 2 cassettes, the index, the custom helpers and 1 template from .*library\.zip \(backed up \d{4}-/,
    );
    expect((await fs.readdir(target.cassetteDir)).sort()).toEqual([
      'alpha.json',
      'beta.json',
      'notes.txt',
    ]);
  });

  it('refuses an altered file without touching the library', async () => {
    await seedLibrary(target);
    const before = await snapshot(target.root);
    const tampered = await forge((entries) => {
      const bytes = entries['cassettes/alpha.json'] as Uint8Array;
      const text = new TextDecoder().decode(bytes).replace('"alpha"', '"ALPHA"');
      entries['cassettes/alpha.json'] = new TextEncoder().encode(text);
    });
    const result = await target.run(['restore', tampered, '--force']);
    expect(result).toMatchObject({
      code: 1,
      stderr:
        'magneto: "cassettes/alpha.json" does not match its checksum: the archive is damaged or was altered\n',
    });
    expect(await snapshot(target.root)).toEqual(before);
  });

  it('refuses archives that are not sound backups, with the reason', async () => {
    const truncated = path.join(source.root, 'truncated.zip');
    const bytes = await fs.readFile(archive);
    await fs.writeFile(truncated, bytes.subarray(0, bytes.length / 2));
    const cases: Array<[string, string]> = [
      [truncated, 'not a readable backup archive'],
      [path.join(source.root, 'absent.zip'), 'no such file'],
      [
        await forge((entries) => delete entries['manifest.json'], 'no-manifest.zip'),
        'it has no manifest.json',
      ],
      [
        await forge((entries) => {
          entries['cassettes/extra.json'] = new TextEncoder().encode('{}');
        }, 'stray.zip'),
        'the archive holds "cassettes/extra.json", which its manifest does not list',
      ],
      [
        await forge((entries) => {
          const manifest = manifestOf(entries);
          const evil = new TextEncoder().encode('{}');
          const sha256 = createHash('sha256').update(evil).digest('hex');
          manifest.files.push({ path: 'cassettes/../../evil.json', size: 2, sha256, mtimeMs: 0 });
          entries['cassettes/../../evil.json'] = evil;
          entries['manifest.json'] = new TextEncoder().encode(JSON.stringify(manifest));
        }, 'escape.zip'),
        'the manifest lists "cassettes/../../evil.json", which a backup may not contain',
      ],
    ];
    for (const [file, message] of cases) {
      const result = await target.run(['restore', file]);
      expect(result.code, file).toBe(1);
      expect(result.stderr, file).toContain(message);
    }
    await expect(fs.stat(path.join(source.root, 'evil.json'))).rejects.toThrow();
    await expect(fs.stat(target.cassetteDir)).rejects.toThrow();
  });

  it('refuses an index that SQLite cannot read, even with matching checksums', async () => {
    await seedLibrary(target);
    const before = await snapshot(target.root);
    const forged = await forge((entries) => {
      const garbage = new TextEncoder().encode('SQLite format 3\0 but not really a database');
      entries['data/index.sqlite'] = garbage;
      const manifest = manifestOf(entries);
      const entry = manifest.files.find((file) => file.path === 'data/index.sqlite');
      if (entry === undefined) throw new Error('the backup has no index');
      entry.size = garbage.byteLength;
      entry.sha256 = createHash('sha256').update(garbage).digest('hex');
      entries['manifest.json'] = new TextEncoder().encode(JSON.stringify(manifest));
    });
    const result = await target.run(['restore', forged, '--force']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^magneto: restore failed, the library is unchanged: the index in the backup is not a sound SQLite database: /,
    );
    expect(await snapshot(target.root)).toEqual(before);
  });

  it('puts every file back when moving the restored files in fails half-way', async () => {
    const library = await CassetteLibrary.open(target);
    await library.create('gamma', syntheticCassette('gamma', { interactions: 1, bodySize: 10 }));
    await library.close();
    await fs.mkdir(path.join(target.dataDir, 'templates'));
    await fs.writeFile(path.join(target.dataDir, 'templates', 'theirs.json'), '{}');
    // A folder where a restored cassette file must go: the rename onto it fails mid-commit.
    await fs.mkdir(path.join(target.cassetteDir, 'beta.json'));
    await fs.writeFile(path.join(target.cassetteDir, 'beta.json', 'inside'), 'x');
    const before = await snapshot(target.root);
    const result = await target.run(['restore', archive, '--force']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^magneto: restore failed, the library is unchanged: .*beta\.json/,
    );
    expect(await snapshot(target.root)).toEqual(before);
  });
});
