import type { ApplyItem } from './apply-template-run';

/** What the run did to each interaction. */
export function ApplyReport({ items }: { items: readonly ApplyItem[] }) {
  const applied = items.filter((item) => item.ok).length;
  return (
    <div className="stack apply-report" data-testid="apply-report">
      <p role="status">
        Applied to {applied} of {items.length} interaction(s)
        {applied === items.length ? '.' : `; ${items.length - applied} failed.`}
      </p>
      <ul>
        {items.map((item) => (
          <li key={item.interactionId} data-result={item.ok ? 'ok' : 'failed'}>
            <span className={`badge ${item.ok ? 'badge-success' : 'badge-danger'}`}>
              {item.ok ? 'applied' : 'failed'}
            </span>{' '}
            Interaction {item.interactionId}
            {item.ok ? null : <span className="apply-error"> — {item.error}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
