import { describe, expect, it } from 'vitest';
import { CandidateIndex } from '../../../proxy/matching/candidate-index';
import { DEFAULT_MATCHING_OPTIONS } from '../../../proxy/matching/matching-options';
import { normaliseUrl, type NormalisedUrl } from '../../../proxy/matching/url-key';

const URLS = [
  'https://a.test/x',
  'https://a.test/y',
  'https://b.test/x',
  'https://a.test/x?page=2',
  'https://b.test/z',
];
const urlAt = (index: number): NormalisedUrl =>
  normaliseUrl(URLS[index] ?? 'https://none.test/', DEFAULT_MATCHING_OPTIONS);

/** An index of `URLS`, keyed by URL, whose near-miss lookups report each time they read a URL. */
function indexOf(reads: number[] = []): CandidateIndex {
  const index = new CandidateIndex((at) => {
    reads.push(at);
    return urlAt(at);
  });
  return index;
}

const always = (): boolean => true;

describe('CandidateIndex', () => {
  it('takes a key recorded once, then repeats it, and rewinds on reset', () => {
    const index = indexOf();
    index.insert(0, 'k', urlAt(0), false);
    expect(index.take('k', always)).toEqual({ kind: 'fresh', index: 0, last: true });
    expect(index.take('k', always)).toEqual({ kind: 'exhausted', index: 0 });
    expect(index.take('k', () => false)).toEqual({ kind: 'none' });
    index.reset();
    expect(index.take('k', always)).toEqual({ kind: 'fresh', index: 0, last: true });
    expect(index.take('other', always)).toEqual({ kind: 'none' });
  });

  it('takes repeated keys in recorded order, skipping those recorded as used', () => {
    const index = indexOf();
    index.insert(0, 'k', urlAt(0), true);
    index.insert(1, 'k', urlAt(1), false);
    index.insert(2, 'k', urlAt(2), false);
    expect(index.take('k', (at) => at !== 1)).toEqual({ kind: 'fresh', index: 2, last: false });
    // Nothing is left unused, but the next take gives 2 again, not 1: not the last.
    expect(index.take('k', always)).toEqual({ kind: 'fresh', index: 1, last: false });
    expect(index.take('k', always)).toEqual({ kind: 'exhausted', index: 2 });
    index.reset();
    expect(index.take('k', always)).toEqual({ kind: 'fresh', index: 0, last: false });
  });

  it('says when a take leaves the key answering the same entry from then on', () => {
    const index = indexOf();
    index.insert(0, 'k', urlAt(0), false);
    index.insert(1, 'k', urlAt(1), false);
    expect(index.take('k', always)).toEqual({ kind: 'fresh', index: 0, last: false });
    expect(index.take('k', always)).toEqual({ kind: 'fresh', index: 1, last: true });
    expect(index.take('k', always)).toEqual({ kind: 'exhausted', index: 1 });
    // Recorded while running, counted as used: a later take answers it, so the sequence moved on.
    index.insert(2, 'k', urlAt(2), true);
    expect(index.take('k', always)).toEqual({ kind: 'exhausted', index: 2 });
  });

  it('lists near-miss candidates by path, then host, then any, reading URLs only when asked', () => {
    const reads: number[] = [];
    const index = indexOf(reads);
    for (const at of [0, 1, 2, 3]) index.insert(at, URLS[at] ?? '', urlAt(at), false);
    expect(reads).toEqual([]);
    expect([...index.candidates(urlAt(0), 10)]).toEqual([0, 3, 1, 2]);
    expect(reads).toEqual([0, 1, 2, 3]);
    // Inserted after the lookups were built: found through them, its URL given at insert.
    index.insert(4, URLS[4] ?? '', urlAt(4), false);
    expect([...index.candidates(urlAt(4), 10)]).toEqual([4, 2, 0, 1, 3]);
    expect([...index.candidates(urlAt(4), 2)]).toEqual([4, 2]);
    expect(reads).toEqual([0, 1, 2, 3]);
  });
});
