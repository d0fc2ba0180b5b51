import { useState, type FormEvent } from 'react';
import { CodeEditor } from '../../components/code-editor/CodeEditor';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Empty } from '../../components/PageState';
import { registerCustomHelper, removeCustomHelper } from './template-library-actions';
import { useTemplateHelpers } from './template-helpers.store';

const EXAMPLE_CODE = '(args, context) => String(args[0]).toUpperCase()';

/** The user's helpers (run in the studio's sandbox): listed, added, removed. */
export function CustomHelpersPanel() {
  const helpers = useTemplateHelpers((state) => state.helpers);
  const custom = (helpers ?? []).filter((helper) => helper.custom);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [code, setCode] = useState(EXAMPLE_CODE);
  const [busy, setBusy] = useState(false);
  const [removing, setRemoving] = useState<string>();
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    if (await registerCustomHelper(name.trim(), code, description.trim())) {
      setName('');
      setDescription('');
    }
    setBusy(false);
  };
  return (
    <div className="stack custom-helpers">
      {custom.length === 0 ? (
        <Empty title="No custom helper yet." />
      ) : (
        <ul className="library-list">
          {custom.map((helper) => (
            <li key={helper.name} className="library-item" data-custom-helper={helper.name}>
              <div className="row">
                <code className="helper-name">{helper.name}</code>
                <button
                  type="button"
                  className="btn btn-small btn-danger"
                  onClick={() => setRemoving(helper.name)}
                  aria-label={`Remove ${helper.name}`}
                >
                  Remove
                </button>
              </div>
              <p className="muted">{helper.description}</p>
            </li>
          ))}
        </ul>
      )}
      <form className="stack" onSubmit={(event) => void submit(event)}>
        <h3>Add a helper</h3>
        <label className="field">
          <span>Name</span>
          <input
            className="input"
            value={name}
            required
            onChange={(event) => setName(event.target.value)}
            placeholder="initials"
          />
        </label>
        <label className="field">
          <span>What it does</span>
          <input
            className="input"
            value={description}
            onChange={(event) => setDescription(event.target.value)}
          />
        </label>
        <div className="field">
          <span>Code: a function (args, context) =&gt; value, run in a sandbox</span>
          <CodeEditor
            value={code}
            language="javascript"
            onChange={setCode}
            height={120}
            ariaLabel="Custom helper code"
          />
        </div>
        <button type="submit" className="btn btn-primary" disabled={busy || name.trim() === ''}>
          Add helper
        </button>
      </form>
      <ConfirmDialog
        open={removing !== undefined}
        title={`Remove ${removing ?? ''}?`}
        confirmLabel="Remove"
        onCancel={() => setRemoving(undefined)}
        onConfirm={() => {
          if (removing !== undefined) void removeCustomHelper(removing);
          setRemoving(undefined);
        }}
      >
        Templates that call it will fail to render until it is added again.
      </ConfirmDialog>
    </div>
  );
}
