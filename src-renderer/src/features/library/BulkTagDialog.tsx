import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { TagEditor } from '../../components/TagEditor';
import { tagMany } from './library-actions';
import { useLibrary } from './library.store';

/** Adds and removes tags on many cassettes. */
export function BulkTagDialog({ names, onClose }: { names: string[]; onClose(): void }) {
  const [add, setAdd] = useState<string[]>([]);
  const [remove, setRemove] = useState<string[]>([]);
  const submit = async (): Promise<void> => {
    onClose();
    await tagMany(names, add, remove);
    void useLibrary.getState().refresh();
  };
  return (
    <Dialog
      title={`Tag ${names.length} cassettes`}
      open
      onClose={onClose}
      onSubmit={() => void submit()}
      submitLabel="Apply"
      busy={add.length === 0 && remove.length === 0}
    >
      <div className="field">
        <span>Add tags</span>
        <TagEditor tags={add} onChange={setAdd} label="Tag to add" />
      </div>
      <div className="field">
        <span>Remove tags</span>
        <TagEditor tags={remove} onChange={setRemove} label="Tag to remove" />
      </div>
    </Dialog>
  );
}
