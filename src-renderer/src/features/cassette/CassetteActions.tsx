import { useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useDismissableMenu } from '../../lib/use-dismissable-menu';
import { EXPORT_FORMATS, deleteCassette, exportCassettes } from '../library/library-actions';
import { DuplicateDialog } from '../library/DuplicateDialog';
import { saveCassette } from './cassette-actions';
import { useCassette } from './cassette.store';

/** The page's actions: save, discard, duplicate, export, delete. */
export function CassetteActions({ name }: { name: string }) {
  const navigate = useNavigate();
  const dirty = useCassette((state) => state.dirty);
  const draft = useCassette((state) => state.draft);
  const discard = useCassette((state) => state.discard);
  const [open, setOpen] = useState<'delete' | 'duplicate' | undefined>();
  const [busy, setBusy] = useState(false);
  const menu = useRef<HTMLDetailsElement>(null);
  useDismissableMenu(menu);
  const save = async (): Promise<void> => {
    if (draft === undefined) return;
    setBusy(true);
    await saveCassette(name, draft);
    setBusy(false);
  };
  return (
    <>
      {dirty ? (
        <button type="button" className="btn" onClick={discard}>
          Discard
        </button>
      ) : null}
      <button
        type="button"
        className="btn btn-primary"
        disabled={!dirty || busy}
        onClick={() => void save()}
      >
        Save
      </button>
      <button type="button" className="btn" onClick={() => setOpen('duplicate')}>
        Duplicate
      </button>
      <details className="menu" ref={menu}>
        <summary className="btn">Export ▾</summary>
        <div className="menu-list" role="group" aria-label="Export formats">
          {EXPORT_FORMATS.map(({ format, label }) => (
            <button
              key={format}
              type="button"
              onClick={() => {
                if (menu.current !== null) menu.current.open = false;
                void exportCassettes([name], format);
              }}
            >
              {label}
            </button>
          ))}
        </div>
      </details>
      <button type="button" className="btn btn-danger" onClick={() => setOpen('delete')}>
        Delete
      </button>
      {open === 'duplicate' ? (
        <DuplicateDialog name={name} onClose={() => setOpen(undefined)} />
      ) : null}
      <ConfirmDialog
        open={open === 'delete'}
        title={`Delete ${name}?`}
        confirmLabel="Delete"
        onCancel={() => setOpen(undefined)}
        onConfirm={() => {
          setOpen(undefined);
          void deleteCassette(name).then((deleted) => {
            if (deleted) navigate('/cassettes');
          });
        }}
      >
        The cassette file is deleted from the cassette folder.
      </ConfirmDialog>
    </>
  );
}
