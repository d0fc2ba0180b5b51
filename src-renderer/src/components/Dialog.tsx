import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  open: boolean;
  onClose(): void;
  /** Called on submit (Enter in a field or the submit button). */
  onSubmit?(): void;
  submitLabel?: string;
  submitDanger?: boolean;
  busy?: boolean;
  children: ReactNode;
}

/** A modal dialog: the browser's <dialog> (focus kept inside, Escape closes). */
export function Dialog(props: DialogProps) {
  const { title, open, onClose, onSubmit, submitLabel = 'Save', submitDanger, busy } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    onSubmit?.();
  };
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onClose={onClose}>
      {open ? (
        <form method="dialog" onSubmit={submit} className="stack">
          <h2 id={titleId}>{title}</h2>
          {props.children}
          <div className="row dialog-actions">
            <button type="button" className="btn" onClick={onClose}>
              Cancel
            </button>
            {onSubmit === undefined ? null : (
              <button
                type="submit"
                className={submitDanger === true ? 'btn btn-danger' : 'btn btn-primary'}
                disabled={busy}
              >
                {submitLabel}
              </button>
            )}
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
