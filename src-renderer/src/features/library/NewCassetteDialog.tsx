import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api';
import { CreateCassetteDocument } from '../../api/generated/graphql';
import { toastError, toastSuccess } from '../../app/toast.store';
import { Dialog } from '../../components/Dialog';
import { TagEditor } from '../../components/TagEditor';

/** Creates an empty cassette and opens it. */
export function NewCassetteDialog({ onClose }: { onClose(): void }) {
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const submit = async (): Promise<void> => {
    setBusy(true);
    try {
      const { createCassette } = await api.mutate(CreateCassetteDocument, {
        input: { name: name.trim(), description, tags },
      });
      toastSuccess(`Created ${createCassette.name}`);
      onClose();
      navigate(`/cassettes/${encodeURIComponent(createCassette.name)}`);
    } catch (error) {
      toastError('The cassette was not created', error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      title="New cassette"
      open
      onClose={onClose}
      onSubmit={() => void submit()}
      submitLabel="Create"
      busy={busy || name.trim() === ''}
    >
      <label className="field">
        <span>Name</span>
        <input
          className="input"
          required
          autoFocus
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
      </label>
      <label className="field">
        <span>Description</span>
        <input
          className="input"
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
