import type { SortBy } from '../../api/generated/graphql';
import { ariaSort } from './library-sort';
import { useLibrary } from './library.store';

/** A sortable column header: click sorts by it, shift-click adds it as a further key. */
export function SortHeader({
  label,
  sortBy,
  numeric,
}: {
  label: string;
  sortBy: SortBy;
  numeric?: boolean;
}) {
  const sort = useLibrary((state) => state.sort);
  const sortByColumn = useLibrary((state) => state.sortBy);
  const position = sort.findIndex((key) => key.sortBy === sortBy);
  const key = sort[position];
  return (
    <div
      role="columnheader"
      aria-sort={ariaSort(sort, sortBy)}
      className={numeric === true ? 'cell num' : 'cell'}
    >
      <button
        type="button"
        className="sort-button"
        title="Click to sort; Shift+click to add a sort key"
        onClick={(event) => sortByColumn(sortBy, event.shiftKey)}
      >
        {label}
        {key === undefined ? null : (
          <span className="sort-mark" aria-hidden="true">
            {key.order === 'Asc' ? '▲' : '▼'}
            {sort.length > 1 ? position + 1 : ''}
          </span>
        )}
      </button>
    </div>
  );
}
