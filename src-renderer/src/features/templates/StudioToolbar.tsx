import { useId } from 'react';
import { ThemeToggle } from '../../app/ThemeToggle';
import { toastError, toastSuccess } from '../../app/toast.store';
import { formatJsonTemplate } from './format-template';
import { validateNow } from './live-validation';
import { insertAtCursor } from './template-editor';
import { helpersByCategory, insertionOf, useTemplateHelpers } from './template-helpers.store';
import { useTemplateStudio } from './template-studio.store';

const CONTENT_TYPES = [
  'application/json',
  'text/plain',
  'text/html',
  'application/xml',
  'text/csv',
];

async function validate(): Promise<void> {
  const result = await validateNow();
  if (result === undefined) {
    toastError(
      'Not validated',
      new Error('Fix the sample request (it must be JSON) and try again.'),
    );
  } else if (result.valid) {
    toastSuccess('The template is valid');
  } else {
    toastError(`${result.errors.length} problem(s)`, new Error(result.errors[0]?.message ?? ''));
  }
}

function format(): void {
  const { body, contentType, setBody } = useTemplateStudio.getState();
  if (!/json/i.test(contentType)) {
    toastError('Not formatted', new Error('Formatting works on JSON templates.'));
    return;
  }
  const result = formatJsonTemplate(body);
  if (result.ok) setBody(result.text);
  else toastError('Not formatted', new Error(result.reason));
}

/** Insert a helper, validate, format, content type, full screen, theme. */
export function StudioToolbar() {
  const helpers = useTemplateHelpers((state) => state.helpers);
  const contentType = useTemplateStudio((state) => state.contentType);
  const setContentType = useTemplateStudio((state) => state.setContentType);
  const fullScreen = useTemplateStudio((state) => state.fullScreen);
  const setFullScreen = useTemplateStudio((state) => state.setFullScreen);
  const ids = useId();
  return (
    <div className="studio-toolbar" role="toolbar" aria-label="Template tools">
      <select
        className="select"
        value=""
        aria-label="Insert a helper"
        disabled={helpers === undefined}
        onChange={(event) => {
          const helper = helpers?.find((candidate) => candidate.name === event.target.value);
          if (helper !== undefined) insertAtCursor(insertionOf(helper));
        }}
      >
        <option value="">Insert helper…</option>
        {helpersByCategory(helpers ?? []).map(([category, items]) => (
          <optgroup key={category} label={category}>
            {items.map((helper) => (
              <option key={helper.name} value={helper.name}>
                {helper.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <button type="button" className="btn" onClick={() => void validate()}>
        Validate
      </button>
      <button type="button" className="btn" onClick={format}>
        Format
      </button>
      <label className="row content-type">
        <span className="muted">Content type</span>
        <input
          className="input"
          list={`${ids}-types`}
          value={contentType}
          onChange={(event) => setContentType(event.target.value)}
        />
        <datalist id={`${ids}-types`}>
          {CONTENT_TYPES.map((type) => (
            <option key={type} value={type} />
          ))}
        </datalist>
      </label>
      <span className="toolbar-spacer" />
      <button
        type="button"
        className="btn"
        aria-pressed={fullScreen}
        onClick={() => setFullScreen(!fullScreen)}
      >
        {fullScreen ? 'Exit full screen' : 'Full screen'}
      </button>
      {/* The shell's header, with its theme switch, is hidden under the full-screen studio. */}
      {fullScreen ? <ThemeToggle /> : null}
    </div>
  );
}
