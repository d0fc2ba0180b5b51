import { TagEditor } from '../../components/TagEditor';
import type { LibraryFilters } from './library-filters';
import { useLibrary } from './library.store';
import { useDebouncedField } from './use-debounced-field';

type BoundKey = Exclude<keyof LibraryFilters, 'tags' | 'name' | 'text'>;

function Bound({
  field,
  label,
  type,
}: {
  field: BoundKey;
  label: string;
  type: 'number' | 'date';
}) {
  const value = useLibrary((state) => state.filters[field]);
  const setFilters = useLibrary((state) => state.setFilters);
  const [draft, setDraft] = useDebouncedField(value, (next) => setFilters({ [field]: next }), 400);
  return (
    <label className="field">
      <span>{label}</span>
      <input
        className="input"
        type={type}
        min={type === 'number' ? 0 : undefined}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
      />
    </label>
  );
}

/** Size, age, interaction count and tag filters. */
export function FilterPanel() {
  const tags = useLibrary((state) => state.filters.tags);
  const setFilters = useLibrary((state) => state.setFilters);
  return (
    <div id="library-filters" className="card filter-panel">
      <fieldset>
        <legend>Size (KB)</legend>
        <Bound field="minSizeKb" label="At least" type="number" />
        <Bound field="maxSizeKb" label="At most" type="number" />
      </fieldset>
      <fieldset>
        <legend>Recorded</legend>
        <Bound field="recordedFrom" label="From" type="date" />
        <Bound field="recordedTo" label="To" type="date" />
      </fieldset>
      <fieldset>
        <legend>Interactions</legend>
        <Bound field="minInteractions" label="At least" type="number" />
        <Bound field="maxInteractions" label="At most" type="number" />
      </fieldset>
      <fieldset className="filter-tags">
        <legend>Tags (all of)</legend>
        <TagEditor
          tags={tags}
          onChange={(next) => setFilters({ tags: next })}
          label="Filter by tag"
        />
      </fieldset>
    </div>
  );
}
