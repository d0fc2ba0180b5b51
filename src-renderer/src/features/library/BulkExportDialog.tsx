import { useState } from 'react';
import type { ExportFormat } from '../../api/generated/graphql';
import { Dialog } from '../../components/Dialog';
import { EXPORT_FORMATS, exportCassettes } from './library-actions';

/** Exports many cassettes as one zip archive. */
export function BulkExportDialog({ names, onClose }: { names: string[]; onClose(): void }) {
  const [format, setFormat] = useState<ExportFormat>('Native');
  const submit = (): void => {
    onClose();
    void exportCassettes(names, format);
  };
  return (
    <Dialog
      title={`Export ${names.length} cassettes`}
      open
      onClose={onClose}
      onSubmit={submit}
      submitLabel="Export"
    >
      <label className="field">
        <span>Format</span>
        <select
          className="select"
          value={format}
          onChange={(event) => setFormat(event.target.value as ExportFormat)}
        >
          {EXPORT_FORMATS.map((item) => (
            <option key={item.format} value={item.format}>
              {item.label}
            </option>
          ))}
        </select>
      </label>
      <p className="muted">
        {names.length > 1 ? 'One zip archive with a file per cassette.' : 'One file.'}
      </p>
    </Dialog>
  );
}
