import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { saveTemplate } from './template-library-actions';
import { useTemplateStudio, type TemplateMeta } from './template-studio.store';

/** Saves the editor's template in the user's library, under an id, a name and a category. */
export function SaveTemplateDialog({ onClose }: { onClose(): void }) {
  const initial = useTemplateStudio((state) => state.meta);
  const [meta, setMeta] = useState<TemplateMeta>(initial);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const change = (fields: Partial<TemplateMeta>): void => setMeta({ ...meta, ...fields });
  const submit = async (): Promise<void> => {
    const status = meta.status.trim();
    if (status !== '' && !/^[1-5]\d\d$/.test(status)) {
      setProblem('The status is a number from 100 to 599, or empty to keep each interaction’s.');
      return;
    }
    setProblem(undefined);
    setBusy(true);
    const { body, contentType, setMeta: keep } = useTemplateStudio.getState();
    const saved = await saveTemplate({
      id: meta.id.trim(),
      name: meta.name.trim(),
      category: meta.category.trim(),
      description: meta.description.trim(),
      contentType,
      status: status === '' ? undefined : Number(status),
      headers: meta.headers,
      body,
    });
    setBusy(false);
    if (saved) {
      keep(meta);
      onClose();
    }
  };
  return (
    <Dialog
      title="Save to the template library"
      open
      onClose={onClose}
      onSubmit={() => void submit()}
      submitLabel="Save"
      busy={busy}
    >
      <label className="field">
        <span>Id (kebab-case; saving again replaces it)</span>
        <input
          className="input"
          required
          pattern="[a-z0-9]+(-[a-z0-9]+)*"
          value={meta.id}
          onChange={(event) => change({ id: event.target.value })}
        />
      </label>
      <label className="field">
        <span>Name</span>
        <input
          className="input"
          required
          value={meta.name}
          onChange={(event) => change({ name: event.target.value })}
        />
      </label>
      <label className="field">
        <span>Category</span>
        <input
          className="input"
          required
          value={meta.category}
          onChange={(event) => change({ category: event.target.value })}
        />
      </label>
      <label className="field">
        <span>Description</span>
        <input
          className="input"
          value={meta.description}
          onChange={(event) => change({ description: event.target.value })}
        />
      </label>
      <label className="field">
        <span>Status (empty keeps each interaction’s)</span>
        <input
          className="input"
          inputMode="numeric"
          value={meta.status}
          onChange={(event) => change({ status: event.target.value })}
        />
      </label>
      <p className="studio-problem" role="alert">
        {problem}
      </p>
    </Dialog>
  );
}
