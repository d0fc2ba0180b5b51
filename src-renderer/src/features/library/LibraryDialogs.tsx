import { ConfirmDialog } from '../../components/ConfirmDialog';
import { BulkExportDialog } from './BulkExportDialog';
import { BulkTagDialog } from './BulkTagDialog';
import { DuplicateDialog } from './DuplicateDialog';
import { NewCassetteDialog } from './NewCassetteDialog';
import { QuickEditDialog } from './QuickEditDialog';
import { deleteCassette, deleteMany } from './library-actions';
import { useLibraryDialog } from './library-dialog.store';
import { useLibrary } from './library.store';

/** The library's open dialog, if any. */
export function LibraryDialogs() {
  const dialog = useLibraryDialog((state) => state.dialog);
  const close = useLibraryDialog((state) => state.close);
  if (dialog === undefined) return null;
  const refresh = (): void => void useLibrary.getState().refresh();
  switch (dialog.kind) {
    case 'new':
      return <NewCassetteDialog onClose={close} />;
    case 'edit':
      return <QuickEditDialog name={dialog.name} onClose={close} />;
    case 'duplicate':
      return <DuplicateDialog name={dialog.name} onClose={close} />;
    case 'bulk-tag':
      return <BulkTagDialog names={dialog.names} onClose={close} />;
    case 'bulk-export':
      return <BulkExportDialog names={dialog.names} onClose={close} />;
    case 'delete':
      return (
        <ConfirmDialog
          open
          title={`Delete ${dialog.name}?`}
          confirmLabel="Delete"
          onCancel={close}
          onConfirm={() => {
            close();
            void deleteCassette(dialog.name).then(refresh);
          }}
        >
          The cassette file is deleted from the cassette folder.
        </ConfirmDialog>
      );
    case 'bulk-delete':
      return (
        <ConfirmDialog
          open
          title={`Delete ${dialog.names.length} cassettes?`}
          confirmLabel={`Delete ${dialog.names.length}`}
          onCancel={close}
          onConfirm={() => {
            close();
            void deleteMany(dialog.names).then((deleted) => {
              const selection = new Set(useLibrary.getState().selection);
              for (const name of deleted) selection.delete(name);
              useLibrary.getState().setSelection(selection);
              refresh();
            });
          }}
        >
          Their files are deleted from the cassette folder.
        </ConfirmDialog>
      );
  }
}
