import { describe, expect, it } from 'vitest';
import {
  EMPTY_FILTERS,
  activeFilterCount,
  isLibraryFilters,
  toFilterInput,
} from '../../../src-renderer/src/features/library/library-filters';
import {
  ariaSort,
  toggleSort,
  isSortKeys,
} from '../../../src-renderer/src/features/library/library-sort';

const DAY = 86_400_000;

describe('library filters', () => {
  it('sends nothing for empty filters', () => {
    expect(toFilterInput(EMPTY_FILTERS)).toEqual({});
    expect(activeFilterCount(EMPTY_FILTERS)).toBe(0);
  });

  it('turns the form into the API filter: trimmed words, bytes, days, counts, tags', () => {
    const now = new Date('2025-06-10T12:00:00').getTime();
    const input = toFilterInput(
      {
        ...EMPTY_FILTERS,
        name: '  http ',
        text: 'users 42',
        minSizeKb: '1.5',
        maxSizeKb: '10',
        recordedFrom: '2025-06-01',
        recordedTo: '2025-06-09',
        minInteractions: '2',
        maxInteractions: '7.9',
        tags: ['api'],
      },
      now,
    );
    expect(input).toMatchObject({
      nameContains: 'http',
      text: 'users 42',
      minSizeBytes: 1536,
      maxSizeBytes: 10240,
      minInteractions: 2,
      maxInteractions: 7,
      tags: ['api'],
    });
    expect(input.maxAgeDays).toBeCloseTo(9.5, 5);
    // Up to the end of the 9th: at least half a day ago.
    expect(input.minAgeDays).toBeCloseTo(0.5, 1);
    expect(activeFilterCount({ ...EMPTY_FILTERS, name: 'x', tags: ['a'] })).toBe(2);
  });

  it('ignores bounds that are not numbers or dates', () => {
    const input = toFilterInput(
      { ...EMPTY_FILTERS, minSizeKb: 'abc', maxInteractions: '-3', recordedFrom: 'yesterday' },
      10 * DAY,
    );
    expect(input).toEqual({});
  });

  it('recognises stored filters and refuses other shapes', () => {
    expect(isLibraryFilters(EMPTY_FILTERS)).toBe(true);
    expect(isLibraryFilters({ ...EMPTY_FILTERS, tags: [1] })).toBe(false);
    expect(isLibraryFilters({ name: 'x' })).toBe(false);
    expect(isLibraryFilters(null)).toBe(false);
  });
});

describe('library sort', () => {
  it('sorts by a column, reverses on a second click, adds keys with shift', () => {
    let sort = toggleSort([{ sortBy: 'Name', order: 'Asc' }], 'Size', false);
    expect(sort).toEqual([{ sortBy: 'Size', order: 'Asc' }]);
    sort = toggleSort(sort, 'Size', false);
    expect(sort).toEqual([{ sortBy: 'Size', order: 'Desc' }]);
    sort = toggleSort(sort, 'Name', true);
    expect(sort).toEqual([
      { sortBy: 'Size', order: 'Desc' },
      { sortBy: 'Name', order: 'Asc' },
    ]);
    sort = toggleSort(sort, 'Name', true);
    expect(sort[1]).toEqual({ sortBy: 'Name', order: 'Desc' });
    expect(ariaSort(sort, 'Name')).toBe('descending');
    expect(ariaSort(sort, 'Age')).toBe('none');
    expect(toggleSort(sort, 'Size', false)).toEqual([{ sortBy: 'Size', order: 'Desc' }]);
  });

  it('recognises stored sort keys', () => {
    expect(isSortKeys([{ sortBy: 'Age', order: 'Desc' }])).toBe(true);
    expect(isSortKeys([])).toBe(false);
    expect(isSortKeys([{ sortBy: 'Color', order: 'Asc' }])).toBe(false);
  });
});
