import type { ReactNode } from 'react';
import { ApiError } from '../api';

/** A page or widget still loading. */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

/** Nothing to show, with what to do about it. */
export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state-empty" data-testid="empty-state">
      <strong>{title}</strong>
      {children}
    </div>
  );
}

/** A failure, with a way to try again. */
export function Failure({ error, retry }: { error: unknown; retry?: () => void }) {
  return (
    <div className="state state-error" role="alert" data-testid="error-state">
      <strong>Something went wrong</strong>
      <span>{ApiError.from(error).message}</span>
      {retry === undefined ? null : (
        <button type="button" className="btn" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}
