import { Failure, Loading } from '../../components/PageState';
import { LineDiff } from './LineDiff';
import type { ApplyItem } from './apply-template-run';

export type PreviewState =
  | { state: 'none' }
  | { state: 'loading' }
  | { state: 'ready'; items: ApplyItem[] }
  | { state: 'failed'; error: unknown };

/** Before/after of each chosen interaction, as diffs (the first one open). */
export function ApplyPreview({ preview }: { preview: PreviewState }) {
  if (preview.state === 'none')
    return <p className="muted">Choose interactions to see the change.</p>;
  if (preview.state === 'loading') return <Loading label="Previewing…" />;
  if (preview.state === 'failed') return <Failure error={preview.error} />;
  return (
    <div className="apply-preview" data-testid="apply-preview">
      {preview.items.map((item, index) => (
        <details key={item.interactionId} open={index === 0} className="apply-preview-item">
          <summary>
            Interaction {item.interactionId}{' '}
            {item.ok ? null : <span className="badge badge-danger">does not apply</span>}
          </summary>
          {item.ok ? (
            <LineDiff
              diff={item.diff ?? ''}
              label={`Change to interaction ${item.interactionId}`}
            />
          ) : (
            <p className="apply-error">{item.error}</p>
          )}
        </details>
      ))}
    </div>
  );
}
