import { useRef, useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Empty, Failure, Loading } from '../../components/PageState';
import { deleteTemplate, exportTemplates, importTemplates } from './template-library-actions';
import { useTemplateStudio } from './template-studio.store';
import { useLibraryTemplates, type LibraryTemplate } from './use-library-templates';

const ALL = '';

/** The template library by category: open one in the editor, delete, import, export. */
export function TemplateLibraryPanel() {
  const revision = useTemplateStudio((state) => state.libraryRevision);
  const open = useTemplateStudio((state) => state.open);
  const { templates, error, retry } = useLibraryTemplates(revision);
  const [category, setCategory] = useState(ALL);
  const [replace, setReplace] = useState(false);
  const [deleting, setDeleting] = useState<LibraryTemplate>();
  const fileInput = useRef<HTMLInputElement>(null);
  if (error !== undefined) return <Failure error={error} retry={retry} />;
  if (templates === undefined) return <Loading label="Loading templates…" />;
  const categories = [...new Set(templates.map((template) => template.category))];
  const shown = templates.filter((template) => category === ALL || template.category === category);
  const userCount = templates.filter((template) => template.source === 'user').length;
  return (
    <div className="stack template-library">
      <div className="row">
        <button type="button" className="btn btn-small" onClick={() => fileInput.current?.click()}>
          Import…
        </button>
        <label className="row replace-toggle">
          <input
            type="checkbox"
            checked={replace}
            onChange={(event) => setReplace(event.target.checked)}
          />
          Replace same ids
        </label>
        <button
          type="button"
          className="btn btn-small"
          disabled={userCount === 0}
          onClick={() => void exportTemplates()}
          title="Your templates as one JSON file"
        >
          Export ({userCount})
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          hidden
          aria-label="Import templates"
          data-testid="template-import-input"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file !== undefined) void importTemplates(file, replace);
          }}
        />
      </div>
      <label className="field">
        <span>Category</span>
        <select
          className="select"
          value={category}
          onChange={(event) => setCategory(event.target.value)}
        >
          <option value={ALL}>All ({templates.length})</option>
          {categories.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      {shown.length === 0 ? <Empty title="No template in this category." /> : null}
      <ul className="library-list">
        {shown.map((template) => (
          <li key={template.id} className="library-item" data-template={template.id}>
            <div className="row">
              <strong>{template.name}</strong>
              <span className={`badge ${template.source === 'user' ? 'badge-info' : ''}`}>
                {template.source === 'user' ? 'yours' : 'built-in'}
              </span>
            </div>
            <p className="muted">{template.description}</p>
            <div className="row">
              <button
                type="button"
                className="btn btn-small"
                onClick={() => open(template)}
                aria-label={`Open ${template.name}`}
              >
                Open
              </button>
              {template.source === 'user' ? (
                <button
                  type="button"
                  className="btn btn-small btn-danger"
                  onClick={() => setDeleting(template)}
                  aria-label={`Delete ${template.name}`}
                >
                  Delete
                </button>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={deleting !== undefined}
        title={`Delete ${deleting?.name ?? ''}?`}
        confirmLabel="Delete"
        onCancel={() => setDeleting(undefined)}
        onConfirm={() => {
          if (deleting !== undefined) void deleteTemplate(deleting.id);
          setDeleting(undefined);
        }}
      >
        The template file is removed from the studio’s data folder.
      </ConfirmDialog>
    </div>
  );
}
