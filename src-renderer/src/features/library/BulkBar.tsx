import { ProgressBar } from '../../components/ProgressBar';
import { formatCount } from '../../lib/format';
import { useBulkProgress } from './bulk-progress.store';
import { useLibraryDialog } from './library-dialog.store';
import { useLibrary } from './library.store';

/** Actions on the selected cassettes, and the progress of the one running. */
export function BulkBar() {
  const selection = useLibrary((state) => state.selection);
  const setSelection = useLibrary((state) => state.setSelection);
  const open = useLibraryDialog((state) => state.open);
  const task = useBulkProgress((state) => state.task);
  if (selection.size === 0 && task === undefined) return null;
  const names = [...selection];
  return (
    <div className="bulk-bar card" role="region" aria-label="Selected cassettes">
      {task === undefined ? (
        <>
          <strong data-testid="selection-count">{formatCount(selection.size)} selected</strong>
          <button type="button" className="btn" onClick={() => open({ kind: 'bulk-tag', names })}>
            Tag…
          </button>
          <button
            type="button"
            className="btn"
            onClick={() => open({ kind: 'bulk-export', names })}
          >
            Export…
          </button>
          <button
            type="button"
            className="btn btn-danger"
            onClick={() => open({ kind: 'bulk-delete', names })}
          >
            Delete…
          </button>
          <button type="button" className="btn" onClick={() => setSelection([])}>
            Clear selection
          </button>
        </>
      ) : (
        <ProgressBar label={task.label} done={task.done} total={task.total} />
      )}
    </div>
  );
}
