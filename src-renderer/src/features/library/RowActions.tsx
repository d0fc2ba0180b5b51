import { useRef } from 'react';
import { useNavigate } from 'react-router-dom';
import { useDismissableMenu } from '../../lib/use-dismissable-menu';
import { exportCassettes, EXPORT_FORMATS } from './library-actions';
import { useLibraryDialog } from './library-dialog.store';

/** A cassette's actions: view, quick edit, duplicate, export, download, delete. */
export function RowActions({ name }: { name: string }) {
  const navigate = useNavigate();
  const open = useLibraryDialog((state) => state.open);
  const menu = useRef<HTMLDetailsElement>(null);
  useDismissableMenu(menu);
  const run = (action: () => void) => () => {
    if (menu.current !== null) menu.current.open = false;
    action();
  };
  return (
    <div className="row-actions">
      <button
        type="button"
        className="btn btn-small"
        aria-label={`Quick edit ${name}`}
        onClick={() => open({ kind: 'edit', name })}
      >
        Edit
      </button>
      <details className="menu" ref={menu}>
        <summary className="btn btn-small" aria-label={`More actions for ${name}`}>
          More ▾
        </summary>
        <div className="menu-list" role="group" aria-label={`Actions for ${name}`}>
          <button
            type="button"
            onClick={run(() => navigate(`/cassettes/${encodeURIComponent(name)}`))}
          >
            View
          </button>
          <button type="button" onClick={run(() => open({ kind: 'duplicate', name }))}>
            Duplicate…
          </button>
          <button type="button" onClick={run(() => void exportCassettes([name], 'Native'))}>
            Download
          </button>
          {EXPORT_FORMATS.map(({ format, label }) => (
            <button
              key={format}
              type="button"
              onClick={run(() => void exportCassettes([name], format))}
            >
              Export as {label}
            </button>
          ))}
          <button
            type="button"
            className="danger"
            onClick={run(() => open({ kind: 'delete', name }))}
          >
            Delete…
          </button>
        </div>
      </details>
    </div>
  );
}
