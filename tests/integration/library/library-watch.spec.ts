import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { magnetoFixture } from '../../support/fixtures';
import {
  copyFixture,
  httpInput,
  libraryDirs,
  nextChange,
  openLibrary,
  recordChanges,
} from './library-kit';

async function watched(): Promise<{
  library: Awaited<ReturnType<typeof openLibrary>>;
  dir: string;
}> {
  const dirs = await libraryDirs();
  const library = await openLibrary(dirs, { watch: true });
  return { library, dir: dirs.cassetteDir };
}

describe('watching the folder', () => {
  it('picks up a file added by another program', async () => {
    const { library, dir } = await watched();
    const created = nextChange(library, (c) => c.name === 'dropped');
    await copyFixture('http-basic.json', dir, 'dropped.json');
    expect(await created).toMatchObject({ type: 'created', name: 'dropped', source: 'disk' });
    expect(library.summary('dropped').interactions.total).toBe(5);
  });

  it('picks up changes and removals made by another program', async () => {
    const { library, dir } = await watched();
    await library.create('shared');
    const file = path.join(dir, 'shared.json');

    const updated = nextChange(library, (c) => c.source === 'disk');
    await fs.copyFile(magnetoFixture('http-errors.json'), file);
    expect(await updated).toMatchObject({ type: 'updated', name: 'shared', source: 'disk' });
    expect(library.summary('shared').interactions.httpError).toBe(7);

    const deleted = nextChange(library, (c) => c.type === 'deleted');
    await fs.rm(file);
    expect(await deleted).toMatchObject({ name: 'shared', source: 'disk' });
    expect(library.list().total).toBe(0);
  });

  it('reports a file broken by another program, and leaves it as it is', async () => {
    const { library, dir } = await watched();
    await library.create('fragile');
    const file = path.join(dir, 'fragile.json');
    const broken = nextChange(library, (c) => c.type === 'broken');
    await fs.writeFile(file, '{ "version": "2.0", oops');
    expect(await broken).toMatchObject({ name: 'fragile', source: 'disk' });
    expect(library.summary('fragile')).toMatchObject({
      broken: true,
      error: expect.stringContaining('not JSON'),
    });
    expect(await fs.readFile(file, 'utf8')).toBe('{ "version": "2.0", oops');
  });

  it('ignores hidden, temporary and foreign files', async () => {
    const { library, dir } = await watched();
    const changes = recordChanges(library);
    await fs.writeFile(path.join(dir, '.hidden.json'), '{}');
    await fs.writeFile(path.join(dir, '.magneto-1-ab.tmp'), '{}');
    await fs.writeFile(path.join(dir, 'readme.txt'), 'hi');
    const barrier = nextChange(library, (c) => c.name === 'barrier');
    await copyFixture('websocket-chat.json', dir, 'barrier.json');
    await barrier;
    expect(changes.map((c) => c.name)).toEqual(['barrier']);
  });

  it('announces its own writes once, not again when the watcher sees them', async () => {
    const { library, dir } = await watched();
    const changes = recordChanges(library);
    await library.create('mine');
    const id = await library.addInteraction('mine', httpInput('https://a.example/'));
    await library.updateInteraction('mine', id, httpInput('https://b.example/'));
    await library.duplicate('mine', 'copy');
    await library.rename('copy', 'moved');
    await library.delete('moved');
    // A duplicate would be an event that should not come, which cannot be awaited: give the
    // watcher well over its settle time (100 ms + 50 ms) to report the files above, then wait
    // for one more external change so that every report before it has been handled.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const barrier = nextChange(library, (c) => c.name === 'barrier');
    await copyFixture('websocket-chat.json', dir, 'barrier.json');
    await barrier;
    expect(changes.map((c) => [c.type, c.name, c.source])).toEqual([
      ['created', 'mine', 'app'],
      ['updated', 'mine', 'app'],
      ['updated', 'mine', 'app'],
      ['created', 'copy', 'app'],
      ['renamed', 'moved', 'app'],
      ['deleted', 'moved', 'app'],
      ['created', 'barrier', 'disk'],
    ]);
  });

  it('stops watching when closed', async () => {
    const { library, dir } = await watched();
    const changes = recordChanges(library);
    await library.close();
    await copyFixture('http-basic.json', dir, 'late.json');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(changes).toEqual([]);
  });
});
