import { useEffect, useState } from 'react';

/** The cassette's name as a field: Enter (or leaving it) renames, Escape puts the name back. */
export function InlineRename({
  name,
  onRename,
}: {
  name: string;
  onRename(newName: string): void;
}) {
  const [draft, setDraft] = useState(name);
  useEffect(() => setDraft(name), [name]);
  const commit = (): void => {
    const next = draft.trim();
    if (next !== '' && next !== name) onRename(next);
    else setDraft(name);
  };
  return (
    <input
      className="input inline-rename"
      aria-label="Cassette name"
      value={draft}
      size={Math.max(12, draft.length + 2)}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          commit();
        } else if (event.key === 'Escape') {
          setDraft(name);
        }
      }}
    />
  );
}
