import { describe, expect, it } from 'vitest';
import {
  addInteraction,
  applyMetadataPatch,
  newInteractionId,
  normalizeTags,
  removeInteraction,
  replaceContents,
  replaceInteraction,
} from '../../../src-main/library/cassette-edits';
import {
  InteractionNotFoundError,
  InvalidCassetteError,
} from '../../../src-main/library/library-errors';
import type { InteractionInput, MetadataPatch } from '../../../src-main/library/library.model';
import { syntheticCassette } from '../../support/synthetic-cassettes';

const input: InteractionInput = {
  type: 'HttpError',
  request: { method: 'GET', url: 'https://down.example.com/', headers: {}, body: null },
  error: { errorType: 'ConnectionRefused', message: 'refused' },
};

describe('cassette edits', () => {
  it('normalises tags: trimmed, no blanks, no repeats, order kept', () => {
    expect(normalizeTags([' b', 'a ', '', '  ', 'b', 'c'])).toEqual(['b', 'a', 'c']);
  });

  it('patches only the metadata fields given', () => {
    const cassette = syntheticCassette('m', { interactions: 0, description: 'old', tags: ['x'] });
    applyMetadataPatch(cassette, { description: 'new' });
    expect(cassette.metadata).toMatchObject({ description: 'new', tags: ['x'], settings: {} });
    applyMetadataPatch(cassette, { tags: ['y', 'y '], settings: { mode: 'replay' } });
    expect(cassette.metadata).toMatchObject({ tags: ['y'], settings: { mode: 'replay' } });
  });

  it('refuses metadata of the wrong shape', () => {
    const cassette = syntheticCassette('m', { interactions: 0 });
    const bad = { tags: 'not-a-list' } as unknown as MetadataPatch;
    expect(() => applyMetadataPatch(cassette, bad)).toThrow(InvalidCassetteError);
    expect(() => applyMetadataPatch(cassette, bad)).toThrow(/invalid metadata: .*tags/s);
  });

  it('gives new interactions a short id unused in the cassette', () => {
    const cassette = syntheticCassette('ids', { interactions: 3 });
    const ids = new Set<string>();
    for (let i = 0; i < 200; i++) ids.add(newInteractionId(cassette));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{8}$/);
  });

  it('adds, replaces and removes interactions by id', () => {
    const cassette = syntheticCassette('edit', { interactions: 2 });
    const id = addInteraction(cassette, input, '2025-07-01T00:00:00.000Z');
    expect(cassette.interactions.at(-1)).toMatchObject({
      id,
      recordedAt: '2025-07-01T00:00:00.000Z',
    });

    replaceInteraction(cassette, 'i0', { ...input, responseTimeMs: 7 });
    expect(cassette.interactions[0]).toMatchObject({
      id: 'i0',
      type: 'HttpError',
      responseTimeMs: 7,
      recordedAt: '2025-06-02T12:00:00.000Z',
    });

    removeInteraction(cassette, 'i1');
    expect(cassette.interactions.map((interaction) => interaction.id)).toEqual(['i0', id]);
  });

  it('says which interaction is missing', () => {
    const cassette = syntheticCassette('edit', { interactions: 1 });
    expect(() => removeInteraction(cassette, 'nope')).toThrow(InteractionNotFoundError);
    expect(() => replaceInteraction(cassette, 'nope', input)).toThrow(
      'Cassette "edit" has no interaction with id "nope".',
    );
  });

  it('replaces content and metadata but keeps the creation time', () => {
    const target = syntheticCassette('t', {
      interactions: 1,
      recordedAt: '2025-01-01T00:00:00.000Z',
    });
    target.cookies = [];
    const source = syntheticCassette('s', {
      interactions: 3,
      recordedAt: '2025-02-02T00:00:00.000Z',
      tags: ['new'],
    });
    replaceContents(target, source);
    expect(target.name).toBe('t');
    expect(target.recordedAt).toBe('2025-02-02T00:00:00.000Z');
    expect(target.interactions).toHaveLength(3);
    expect('cookies' in target).toBe(false);
    expect(target.metadata).toMatchObject({ createdAt: '2025-01-01T00:00:00.000Z', tags: ['new'] });
  });
});
