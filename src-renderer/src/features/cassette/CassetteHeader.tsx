import { useNavigate } from 'react-router-dom';
import { TagEditor } from '../../components/TagEditor';
import { formatBytes, formatDateTime } from '../../lib/format';
import { InlineRename } from './InlineRename';
import { renameCassette } from './cassette-actions';
import { useCassette, type CassetteDetail } from './cassette.store';

/** Name (renamed in place), version, dates, size, format, tags and description. */
export function CassetteHeader({ detail }: { detail: CassetteDetail }) {
  const navigate = useNavigate();
  const draft = useCassette((state) => state.draft);
  const edit = useCassette((state) => state.edit);
  const { metadata } = detail;
  const rename = async (newName: string): Promise<void> => {
    const renamed = await renameCassette(detail.name, newName);
    if (renamed !== undefined)
      navigate(`/cassettes/${encodeURIComponent(renamed)}`, { replace: true });
  };
  return (
    <section className="card cassette-header" aria-label="Cassette">
      <div className="row">
        <InlineRename name={detail.name} onRename={(newName) => void rename(newName)} />
        {detail.version === null ? null : <span className="badge">v{detail.version}</span>}
        {metadata.format === null ? null : (
          <span className="badge">
            {metadata.format === 'Json' ? 'JSON' : 'MessagePack'}
            {metadata.compressed ? ' · gzip' : ''}
          </span>
        )}
        {metadata.sourceFormat === null ? null : (
          <span className="badge">{metadata.sourceFormat}</span>
        )}
        {detail.broken ? <span className="badge badge-danger">unreadable</span> : null}
      </div>
      {detail.error === null ? null : <p className="problem">{detail.error}</p>}
      <dl className="facts">
        <div>
          <dt>Recorded</dt>
          <dd>{formatDateTime(detail.recordedAt)}</dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>{formatDateTime(metadata.createdAt)}</dd>
        </div>
        <div>
          <dt>Modified</dt>
          <dd>{formatDateTime(metadata.modifiedAt)}</dd>
        </div>
        <div>
          <dt>Size</dt>
          <dd>{formatBytes(metadata.sizeBytes)}</dd>
        </div>
        <div>
          <dt>File</dt>
          <dd className="mono">{metadata.fileName}</dd>
        </div>
      </dl>
      {draft === undefined ? null : (
        <div className="header-edit">
          <div className="field">
            <span>Tags</span>
            <TagEditor tags={draft.tags} onChange={(tags) => edit({ tags })} />
          </div>
          <label className="field">
            <span>Description</span>
            <input
              className="input"
              value={draft.description}
              onChange={(event) => edit({ description: event.target.value })}
            />
          </label>
        </div>
      )}
    </section>
  );
}
