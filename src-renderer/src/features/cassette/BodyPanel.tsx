import { formatBytes } from '../../lib/format';
import { bodyView } from './body-view';

interface BodyPanelProps {
  body: string | null;
  encoding: 'Text' | 'Base64' | null;
  contentType: string | undefined;
  size: number;
  label: string;
}

/** A body formatted for reading: JSON indented, text as is, images shown, other bytes in hex. */
export function BodyPanel({ body, encoding, contentType, size, label }: BodyPanelProps) {
  const view = bodyView(body, encoding, contentType);
  if (view.kind === 'none') return <p className="muted">No body.</p>;
  return (
    <div className="body-panel">
      <div className="row muted body-meta">
        <span className="badge">
          {view.kind === 'json' ? 'JSON' : view.kind === 'hex' ? 'binary' : view.kind}
        </span>
        <span>{formatBytes(size)}</span>
      </div>
      {view.kind === 'image' ? (
        <img src={view.dataUrl} alt={`${label} (${view.contentType})`} className="body-image" />
      ) : (
        <pre className="code" tabIndex={0} aria-label={label}>
          {view.text}
          {view.kind === 'hex' && view.truncated ? '\n…' : ''}
        </pre>
      )}
    </div>
  );
}
