import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { duplicateCassette } from './library-actions';
import { useLibrary } from './library.store';

/** Copies a cassette under a new name. */
export function DuplicateDialog({ name, onClose }: { name: string; onClose(): void }) {
  const [newName, setNewName] = useState(`${name}-copy`);
  const [busy, setBusy] = useState(false);
  const submit = async (): Promise<void> => {
    setBusy(true);
    const copy = await duplicateCassette(name, newName.trim());
    setBusy(false);
    if (copy !== undefined) {
      onClose();
      void useLibrary.getState().refresh();
    }
  };
  return (
    <Dialog
      title={`Duplicate ${name}`}
      open
      onClose={onClose}
      onSubmit={() => void submit()}
      submitLabel="Duplicate"
      busy={busy || newName.trim() === ''}
    >
      <label className="field">
        <span>New name</span>
        <input
          className="input"
          autoFocus
          value={newName}
          onChange={(event) => setNewName(event.target.value)}
        />
      </label>
    </Dialog>
  );
}
