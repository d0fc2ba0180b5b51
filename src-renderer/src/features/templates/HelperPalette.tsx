import { useMemo, useState } from 'react';
import { Empty, Failure, Loading } from '../../components/PageState';
import { insertAtCursor } from './template-editor';
import {
  helpersByCategory,
  insertionOf,
  useTemplateHelpers,
  type TemplateHelper,
} from './template-helpers.store';

function HelperCard({ helper }: { helper: TemplateHelper }) {
  return (
    <li className="helper-card" data-helper={helper.name}>
      <div className="row helper-head">
        <button
          type="button"
          className="helper-insert"
          onClick={() => insertAtCursor(insertionOf(helper))}
        >
          <span className="visually-hidden">Insert </span>
          <code className="helper-name">{helper.name}</code>
        </button>
        {helper.block ? <span className="badge">block</span> : null}
        {helper.custom ? <span className="badge badge-info">custom</span> : null}
      </div>
      <code className="helper-syntax">{helper.syntax}</code>
      <p>{helper.description}</p>
      {helper.examples.length === 0 ? null : (
        <ul className="helper-examples" aria-label={`Examples of ${helper.name}`}>
          {helper.examples.map((example, index) => (
            <li key={index}>
              <code>{example.template}</code>
              {example.output === null ? null : (
                <>
                  {' → '}
                  <code className="helper-output">{example.output}</code>
                </>
              )}
              {example.note === null ? null : <span className="muted"> {example.note}</span>}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** Every helper by category, with docs and examples; a click inserts it at the cursor. */
export function HelperPalette() {
  const helpers = useTemplateHelpers((state) => state.helpers);
  const error = useTemplateHelpers((state) => state.error);
  const [search, setSearch] = useState('');
  const groups = useMemo(() => {
    const words = search.toLowerCase().split(/\s+/).filter(Boolean);
    const matching = (helpers ?? []).filter((helper) => {
      const text = `${helper.name} ${helper.category} ${helper.description}`.toLowerCase();
      return words.every((word) => text.includes(word));
    });
    return helpersByCategory(matching);
  }, [helpers, search]);
  if (error !== undefined && helpers === undefined) {
    return <Failure error={error} retry={() => void useTemplateHelpers.getState().load()} />;
  }
  if (helpers === undefined) return <Loading label="Loading helpers…" />;
  return (
    <div className="stack helper-palette">
      <input
        className="input"
        type="search"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        placeholder="Find a helper"
        aria-label="Find a helper"
      />
      {groups.length === 0 ? <Empty title="No helper matches." /> : null}
      {groups.map(([category, items]) => (
        <section key={category} aria-label={`${category} helpers`} className="helper-group">
          <h3>{category}</h3>
          <ul>
            {items.map((helper) => (
              <HelperCard key={helper.name} helper={helper} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
