import { useState } from 'react';
import { api } from '../../api';
import { UpdateCassetteMetadataDocument } from '../../api/generated/graphql';
import { toastError, toastSuccess } from '../../app/toast.store';
import { Dialog } from '../../components/Dialog';
import { TagEditor } from '../../components/TagEditor';
import { useLibrary } from './library.store';

/** Edits a cassette's description and tags without leaving the library. */
export function QuickEditDialog({ name, onClose }: { name: string; onClose(): void }) {
  const row = useLibrary((state) =>
    Object.values(state.pages)
      .flat()
      .find((cassette) => cassette.name === name),
  );
  const [description, setDescription] = useState(row?.metadata.description ?? '');
  const [tags, setTags] = useState<string[]>(row?.metadata.tags ?? []);
  const [busy, setBusy] = useState(false);
  const submit = async (): Promise<void> => {
    setBusy(true);
    try {
      await api.mutate(UpdateCassetteMetadataDocument, { name, input: { description, tags } });
      toastSuccess(`Saved ${name}`);
      onClose();
      void useLibrary.getState().refresh();
    } catch (error) {
      toastError(`${name} was not saved`, error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={`Edit ${name}`}
      open
      onClose={onClose}
      onSubmit={() => void submit()}
      busy={busy}
    >
      <label className="field">
        <span>Description</span>
        <textarea
          className="textarea"
          rows={3}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
        />
      </label>
      <div className="field">
        <span>Tags</span>
        <TagEditor tags={tags} onChange={setTags} />
      </div>
    </Dialog>
  );
}
