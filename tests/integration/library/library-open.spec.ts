import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CassetteLibrary, INDEX_FILE_NAME } from '../../../src-main/library/library';
import {
  CassetteBrokenError,
  IndexMigrationError,
  LibraryClosedError,
} from '../../../src-main/library/library-errors';
import { magnetoFixture } from '../../support/fixtures';
import { copyFixture, libraryDirs, manualClock, openLibrary, recordChanges } from './library-kit';

describe('opening a library', () => {
  it('creates its folders and an empty index', async () => {
    const dirs = await libraryDirs();
    const library = await openLibrary(dirs);
    expect((await fs.stat(dirs.cassetteDir)).isDirectory()).toBe(true);
    expect((await fs.stat(path.join(dirs.dataDir, INDEX_FILE_NAME))).isFile()).toBe(true);
    expect(library.list()).toEqual({ items: [], total: 0, nextCursor: null });
  });

  it('indexes Magneto-Serge cassettes in every storage', async () => {
    const dirs = await libraryDirs();
    await copyFixture('http-basic.json', dirs.cassetteDir);
    await copyFixture('websocket-chat.msgpack', dirs.cassetteDir);
    await copyFixture('http-errors.json', dirs.cassetteDir, 'errors.json.gz');
    const gz = path.join(dirs.cassetteDir, 'errors.json.gz');
    await fs.writeFile(gz, zlib.gzipSync(await fs.readFile(gz)));

    const library = await openLibrary(dirs);

    expect(library.list().items.map((s) => [s.name, s.fileName, s.storage, s.format])).toEqual([
      ['errors', 'errors.json.gz', 'json.gz', 'magneto-v1'],
      ['http-basic', 'http-basic.json', 'json', 'magneto-v1'],
      ['websocket-chat', 'websocket-chat.msgpack', 'msgpack', 'magneto-v1'],
    ]);
    expect(library.summary('http-basic')).toMatchObject({
      container: 'json',
      version: '1.0',
      sizeBytes: 9046,
      recordedAt: '2025-06-02T14:03:11.482913274Z',
      interactions: { http: 5, httpError: 0, webSocket: 0, total: 5 },
      broken: false,
      error: null,
    });
    expect(library.summary('errors').interactions.httpError).toBe(7);
    expect(library.summary('websocket-chat').interactions.webSocket).toBe(2);
  });

  it('lists corrupt files as broken, with their error, and never touches them', async () => {
    const dirs = await libraryDirs();
    await fs.mkdir(dirs.cassetteDir, { recursive: true });
    const corrupt = path.join(dirs.cassetteDir, 'corrupt.json');
    const bytes = '{"version": "2.0", "name": "corrupt", "interactions": [';
    await fs.writeFile(corrupt, bytes);
    await fs.writeFile(path.join(dirs.cassetteDir, 'wrong-shape.json'), '{"version": "2.0"}');

    const library = await openLibrary(dirs);

    expect(library.list({ broken: true }).items.map((s) => [s.name, s.error])).toEqual([
      ['corrupt', expect.stringMatching(/^corrupt\.json: not JSON/)],
      ['wrong-shape', expect.stringMatching(/^wrong-shape\.json: /)],
    ]);
    await expect(library.get('corrupt')).rejects.toThrow(CassetteBrokenError);
    await expect(library.updateMetadata('corrupt', { description: 'x' })).rejects.toThrow(
      /cannot be read from corrupt\.json: corrupt\.json: not JSON.*left as it is/,
    );
    await expect(library.addInteraction('corrupt', { type: 'Http' } as never)).rejects.toThrow(
      CassetteBrokenError,
    );
    await expect(library.rename('corrupt', 'other')).rejects.toThrow(CassetteBrokenError);
    await library.rebuild();
    expect(await fs.readFile(corrupt, 'utf8')).toBe(bytes);
    expect(library.summary('corrupt').broken).toBe(true);

    await library.delete('corrupt');
    expect(library.list({ broken: true }).total).toBe(1);
    await expect(fs.stat(corrupt)).rejects.toThrow(/ENOENT/);
  });

  it('reconciles on open, reading only files whose size or time changed', async () => {
    const dirs = await libraryDirs();
    const clock = manualClock(Date.now());
    for (const name of ['keep', 'change', 'remove']) {
      await copyFixture('http-basic.json', dirs.cassetteDir, `${name}.json`);
    }
    await fs.mkdir(path.join(dirs.cassetteDir, 'sub.json'));
    await fs.writeFile(path.join(dirs.cassetteDir, 'notes.txt'), 'not a cassette');
    const first = await CassetteLibrary.open({ ...dirs, now: clock.now });
    const indexedAt = first.summary('keep').indexedAt;
    await first.close();

    await copyFixture('http-errors.json', dirs.cassetteDir, 'change.json');
    await fs.rm(path.join(dirs.cassetteDir, 'remove.json'));
    await copyFixture('websocket-chat.json', dirs.cassetteDir, 'added.json');
    clock.advance(60_000);
    const library = await openLibrary(dirs, { now: clock.now });

    expect(library.list().items.map((s) => s.name)).toEqual(['added', 'change', 'keep']);
    expect(library.summary('keep').indexedAt).toBe(indexedAt);
    expect(library.summary('change').indexedAt).not.toBe(indexedAt);
    expect(library.summary('change').interactions.httpError).toBe(7);
    // Changes found on disk are dated by the file's time, here all within the last two days.
    const counts = { created: 0, updated: 0, deleted: 0 };
    for (const day of library.activity({ days: 2 }).days) {
      for (const type of ['created', 'updated', 'deleted'] as const)
        counts[type] += day.byType[type];
    }
    expect(counts).toEqual({ created: 4, updated: 1, deleted: 1 });
  });

  it('notices a touched file without announcing a change', async () => {
    const dirs = await libraryDirs();
    const file = await copyFixture('http-basic.json', dirs.cassetteDir);
    (await openLibrary(dirs)).close();
    const later = new Date(Math.floor(Date.now() / 1000) * 1000 + 5_000);
    await fs.utimes(file, later, later);
    const library = await openLibrary(dirs);
    const changes = recordChanges(library);
    await library.rebuild();
    expect(changes).toEqual([]);
    expect(library.summary('http-basic').fileModifiedAt).toBe(later.toISOString());
  });

  it('cleans temporary files left by dead writers', async () => {
    const dirs = await libraryDirs();
    await fs.mkdir(dirs.cassetteDir, { recursive: true });
    const pid = Number(
      spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout,
    );
    const stale = path.join(dirs.cassetteDir, `.magneto-${pid}-0123abcd.tmp`);
    await fs.writeFile(stale, '{"half": ');
    const library = await openLibrary(dirs);
    await expect(fs.stat(stale)).rejects.toThrow(/ENOENT/);
    expect(library.list().total).toBe(0);
  });

  it('keeps both files when two share a name, the usual storage taking the name', async () => {
    const dirs = await libraryDirs();
    await copyFixture('http-basic.msgpack', dirs.cassetteDir, 'same.msgpack');
    await copyFixture('http-errors.json', dirs.cassetteDir, 'same.json');
    const library = await openLibrary(dirs);
    expect(library.list().items.map((s) => [s.name, s.fileName])).toEqual([
      ['same', 'same.json'],
      ['same.msgpack', 'same.msgpack'],
    ]);
    await library.updateMetadata('same.msgpack', { description: 'still its own file' });
    expect(library.summary('same.msgpack')).toMatchObject({
      fileName: 'same.msgpack',
      format: 'native',
    });
  });

  it('rebuilds the index from the files', async () => {
    const dirs = await libraryDirs();
    await copyFixture('http-basic.json', dirs.cassetteDir, 'a.json');
    await copyFixture('websocket-chat.json', dirs.cassetteDir, 'b.json');
    const library = await openLibrary(dirs);
    await library.updateMetadata('a', { tags: ['t1'] });
    const before = library.list();

    const raw = new Database(path.join(dirs.dataDir, INDEX_FILE_NAME));
    raw.exec(
      "DELETE FROM cassette_tags; UPDATE cassettes SET interaction_count = 99, description = 'wrong';",
    );
    raw.exec("INSERT INTO cassettes_fts (rowid, name) VALUES (12345, 'ghost')");
    raw.close();
    expect(library.summary('a').interactions.total).toBe(99);

    const changes = recordChanges(library);
    await library.rebuild();

    expect(changes).toEqual([]);
    expect(library.list().items.map(({ indexedAt: _i, ...rest }) => rest)).toEqual(
      before.items.map(({ indexedAt: _i, ...rest }) => rest),
    );
    expect(library.search('ghost')).toEqual([]);
    expect(library.list({ tags: ['t1'] }).total).toBe(1);
  });

  it('refuses an index written with a different migration', async () => {
    const dirs = await libraryDirs();
    (await openLibrary(dirs)).close();
    const raw = new Database(path.join(dirs.dataDir, INDEX_FILE_NAME));
    raw.prepare("UPDATE schema_migrations SET hash = 'feedface' WHERE id = 1").run();
    raw.close();
    await expect(CassetteLibrary.open(dirs)).rejects.toThrow(IndexMigrationError);
    await expect(CassetteLibrary.open(dirs)).rejects.toThrow(/0001-init with hash feedface/);
  });

  it('refuses calls once closed', async () => {
    const library = await CassetteLibrary.open(await libraryDirs());
    await library.close();
    await library.close();
    expect(() => library.list()).toThrow(LibraryClosedError);
    await expect(library.create('x')).rejects.toThrow(LibraryClosedError);
  });

  it('reads the same file that the fixture helper names', () => {
    expect(magnetoFixture('http-basic.json')).toMatch(/shared[/\\]fixtures[/\\]magneto-serge/);
  });
});
