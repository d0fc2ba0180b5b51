/** A labelled progress bar for long operations. */
export function ProgressBar({
  label,
  done,
  total,
}: {
  label: string;
  done: number;
  total: number;
}) {
  const percent = total === 0 ? 100 : Math.round((done / total) * 100);
  return (
    <div className="progress" data-testid="progress">
      <div className="row progress-label">
        <span>{label}</span>
        <span className="muted">
          {done} / {total}
        </span>
      </div>
      <div
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
