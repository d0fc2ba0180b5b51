import { formatCount } from '../../lib/format';
import { activeFilterCount } from './library-filters';
import { useLibrary } from './library.store';
import { useDebouncedField } from './use-debounced-field';

interface LibraryToolbarProps {
  filtersOpen: boolean;
  onToggleFilters(): void;
}

/** Name and full-text search, the filter panel's switch, reset, and the count. */
export function LibraryToolbar({ filtersOpen, onToggleFilters }: LibraryToolbarProps) {
  const filters = useLibrary((state) => state.filters);
  const total = useLibrary((state) => state.total);
  const setFilters = useLibrary((state) => state.setFilters);
  const resetFilters = useLibrary((state) => state.resetFilters);
  const [name, setName] = useDebouncedField(filters.name, (value) => setFilters({ name: value }));
  const [text, setText] = useDebouncedField(filters.text, (value) => setFilters({ text: value }));
  const active = activeFilterCount(filters);
  return (
    <div className="toolbar" role="search">
      <input
        className="input"
        type="search"
        placeholder="Filter by name  ( / )"
        aria-label="Filter by name"
        data-search-box
        value={name}
        onChange={(event) => setName(event.target.value)}
      />
      <input
        className="input"
        type="search"
        placeholder="Full-text search"
        aria-label="Full-text search"
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <button
        type="button"
        className="btn"
        aria-expanded={filtersOpen}
        aria-controls="library-filters"
        onClick={onToggleFilters}
      >
        Filters{active > 0 ? ` (${active})` : ''}
      </button>
      <button type="button" className="btn" onClick={resetFilters} disabled={active === 0}>
        Reset
      </button>
      <span className="footer-spacer" />
      <span className="muted" role="status" data-testid="library-count">
        {total === undefined ? '' : `${formatCount(total)} cassette${total === 1 ? '' : 's'}`}
      </span>
    </div>
  );
}
