import { toastError, toastSuccess } from '../app/toast.store';

/** Copies text to the clipboard and says so in a toast. */
export function CopyButton({
  text,
  label = 'Copy',
  what,
  small = false,
}: {
  text: string;
  label?: string;
  /** What is copied, for screen readers and the toast ("the curl command"). */
  what: string;
  small?: boolean;
}) {
  const copy = (): void => {
    navigator.clipboard.writeText(text).then(
      () => toastSuccess('Copied to the clipboard', what),
      (reason: unknown) => toastError('Could not copy', reason),
    );
  };
  return (
    <button
      type="button"
      className={small ? 'btn btn-small' : 'btn'}
      onClick={copy}
      aria-label={`${label} ${what}`}
    >
      {label}
    </button>
  );
}
