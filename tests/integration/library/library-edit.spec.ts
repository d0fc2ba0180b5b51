import fs from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readCassetteFile } from '../../../proxy/cassette/formats/registry';
import {
  CassetteNotFoundError,
  InteractionNotFoundError,
  InvalidCassetteError,
} from '../../../src-main/library/library-errors';
import type { InteractionInput } from '../../../src-main/library/library.model';
import { clockedLibrary, copyFixture, httpInput, iso, recordChanges, START } from './library-kit';

describe('editing cassettes', () => {
  it('updates metadata, bumping modifiedAt', async () => {
    const { library, clock, file } = await clockedLibrary();
    await library.create('m');
    clock.advance(5_000);
    const changes = recordChanges(library);
    const summary = await library.updateMetadata('m', {
      tags: ['b', 'a'],
      description: 'described',
      settings: { mode: 'replay' },
    });
    expect(summary).toMatchObject({
      tags: ['b', 'a'],
      description: 'described',
      createdAt: iso(START),
      modifiedAt: iso(START + 5_000),
    });
    const { cassette } = await readCassetteFile(file('m.json'));
    expect(cassette.metadata.settings).toEqual({ mode: 'replay' });
    expect(changes).toEqual([
      { type: 'updated', name: 'm', source: 'app', at: iso(START + 5_000) },
    ]);
  });

  it('refuses settings the native format cannot hold, leaving the file as it was', async () => {
    const { library, file } = await clockedLibrary();
    await library.create('strict');
    const before = await fs.readFile(file('strict.json'));
    const changes = recordChanges(library);
    await expect(
      library.updateMetadata('strict', { settings: { mode: 'sometimes' as never } }),
    ).rejects.toThrow(/Refusing to write cassette "strict": .*settings\.mode/);
    expect(await fs.readFile(file('strict.json'))).toEqual(before);
    expect(changes).toEqual([]);
  });

  it('adds, updates and deletes interactions by id', async () => {
    const { library, clock } = await clockedLibrary();
    await library.create('edits');
    clock.advance(1_000);
    const id = await library.addInteraction('edits', httpInput('https://api.example/one'));
    expect(id).toMatch(/^[A-Za-z0-9_-]{8}$/);
    let { cassette, summary } = await library.get('edits');
    expect(cassette.interactions).toEqual([
      { ...httpInput('https://api.example/one'), id, recordedAt: iso(START + 1_000) },
    ]);
    expect(summary.interactions.http).toBe(1);

    const failure: InteractionInput = {
      type: 'HttpError',
      request: { method: 'POST', url: 'https://api.example/one', headers: {}, body: null },
      error: { errorType: 'Timeout', message: 'slow', timeoutMs: 30_000 },
    };
    await library.updateInteraction('edits', id, failure);
    ({ cassette, summary } = await library.get('edits'));
    expect(cassette.interactions[0]).toEqual({ ...failure, id, recordedAt: iso(START + 1_000) });
    expect(summary.interactions).toEqual({ http: 0, httpError: 1, webSocket: 0, total: 1 });

    await library.deleteInteraction('edits', id);
    expect((await library.get('edits')).cassette.interactions).toEqual([]);
    await expect(library.deleteInteraction('edits', id)).rejects.toThrow(InteractionNotFoundError);
    await expect(library.updateInteraction('edits', 'nope', failure)).rejects.toThrow(
      InteractionNotFoundError,
    );
  });

  it('refuses a malformed interaction, leaving the file as it was', async () => {
    const { library, file } = await clockedLibrary();
    await library.create('guarded');
    const before = await fs.readFile(file('guarded.json'));
    const malformed = { type: 'Http', request: { url: 'x' } } as unknown as InteractionInput;
    await expect(library.addInteraction('guarded', malformed)).rejects.toThrow(
      InvalidCassetteError,
    );
    expect(await fs.readFile(file('guarded.json'))).toEqual(before);
    expect(library.summary('guarded').interactions.total).toBe(0);
  });

  it('rewrites a Magneto-Serge file as native, in its own container and file', async () => {
    const { library, file, dirs } = await clockedLibrary();
    await copyFixture('http-basic.msgpack', dirs.cassetteDir, 'legacy.msgpack');
    await library.rebuild();
    const original = (await library.get('legacy')).cassette;
    expect(library.summary('legacy').format).toBe('magneto-v1');

    await library.updateMetadata('legacy', { tags: ['migrated'] });

    expect(await fs.readdir(dirs.cassetteDir)).toEqual(['legacy.msgpack']);
    const decoded = await readCassetteFile(file('legacy.msgpack'));
    expect(decoded.format).toBe('native');
    expect(decoded.container).toBe('msgpack');
    expect(decoded.cassette.version).toBe('2.0');
    expect(decoded.cassette.interactions).toEqual(original.interactions);
    expect(library.summary('legacy')).toMatchObject({ format: 'native', tags: ['migrated'] });
  });

  it('serialises 50 parallel additions: none is lost', async () => {
    const { library } = await clockedLibrary();
    await library.create('busy');
    const changes = recordChanges(library);
    const ids = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        library.addInteraction('busy', httpInput(`https://api.example/${i}`, `body ${i}`)),
      ),
    );
    expect(new Set(ids).size).toBe(50);
    const { cassette } = await library.get('busy');
    expect(cassette.interactions.map((i) => i.id).sort()).toEqual([...ids].sort());
    expect(library.summary('busy').interactions.total).toBe(50);
    expect(changes).toHaveLength(50);
    expect(changes.every((c) => c.type === 'updated' && c.name === 'busy')).toBe(true);
  });

  it('keeps every update of mixed parallel edits', async () => {
    const { library } = await clockedLibrary();
    await library.create('mixed');
    await Promise.all([
      library.updateMetadata('mixed', { description: 'd' }),
      library.addInteraction('mixed', httpInput('https://a.example/1')),
      library.updateMetadata('mixed', { tags: ['t'] }),
      library.addInteraction('mixed', httpInput('https://a.example/2')),
    ]);
    expect(library.summary('mixed')).toMatchObject({
      description: 'd',
      tags: ['t'],
      interactions: { total: 2 },
    });
  });

  it('says which cassette is missing', async () => {
    const { library } = await clockedLibrary();
    await expect(library.get('ghost')).rejects.toThrow(CassetteNotFoundError);
    expect(() => library.summary('ghost')).toThrow('No cassette named "ghost" in the library.');
    expect(() => library.cassetteStats('ghost')).toThrow(CassetteNotFoundError);
    await expect(library.addInteraction('ghost', httpInput('https://x'))).rejects.toThrow(
      CassetteNotFoundError,
    );
    await expect(library.delete('ghost')).rejects.toThrow(CassetteNotFoundError);
  });

  it('notices a file deleted behind its back when loading it', async () => {
    const { library, file } = await clockedLibrary();
    await library.create('vanishing');
    await fs.rm(file('vanishing.json'));
    const changes = recordChanges(library);
    await expect(library.get('vanishing')).rejects.toThrow(CassetteNotFoundError);
    expect(changes.map((c) => [c.type, c.source])).toEqual([['deleted', 'disk']]);
    expect(library.list().total).toBe(0);
  });
});
