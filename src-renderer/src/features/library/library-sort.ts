/** Multi-column sorting: a click sorts by a column, a shift-click adds it as the next key. */
import type { SortBy, SortInput, SortOrder } from '../../api/generated/graphql';

export interface SortKey {
  sortBy: SortBy;
  order: SortOrder;
}

export const DEFAULT_SORT: SortKey[] = [{ sortBy: 'Name', order: 'Asc' }];

const SORT_BYS: readonly SortBy[] = ['Name', 'Size', 'Age', 'Interactions', 'Modified'];

export function isSortKeys(value: unknown): value is SortKey[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every(
      (key: unknown) =>
        typeof key === 'object' &&
        key !== null &&
        SORT_BYS.includes((key as SortKey).sortBy) &&
        ((key as SortKey).order === 'Asc' || (key as SortKey).order === 'Desc'),
    )
  );
}

const flip = (order: SortOrder): SortOrder => (order === 'Asc' ? 'Desc' : 'Asc');

export function toggleSort(sort: readonly SortKey[], sortBy: SortBy, additive: boolean): SortKey[] {
  const existing = sort.find((key) => key.sortBy === sortBy);
  if (!additive) {
    const primary = sort[0];
    if (primary?.sortBy === sortBy && sort.length === 1)
      return [{ sortBy, order: flip(primary.order) }];
    return [{ sortBy, order: existing?.order ?? 'Asc' }];
  }
  if (existing === undefined) return [...sort, { sortBy, order: 'Asc' }];
  return sort.map((key) => (key.sortBy === sortBy ? { sortBy, order: flip(key.order) } : key));
}

export function toSortInput(sort: readonly SortKey[]): SortInput[] {
  return sort.map((key) => ({ sortBy: key.sortBy, order: key.order }));
}

/** aria-sort for a column header. */
export function ariaSort(
  sort: readonly SortKey[],
  sortBy: SortBy,
): 'ascending' | 'descending' | 'none' {
  const key = sort.find((item) => item.sortBy === sortBy);
  if (key === undefined) return 'none';
  return key.order === 'Asc' ? 'ascending' : 'descending';
}
