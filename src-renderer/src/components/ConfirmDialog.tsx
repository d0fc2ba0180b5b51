import type { ReactNode } from 'react';
import { Dialog } from './Dialog';

interface ConfirmDialogProps {
  title: string;
  open: boolean;
  confirmLabel: string;
  busy?: boolean;
  onConfirm(): void;
  onCancel(): void;
  children: ReactNode;
}

/** Asks before something that cannot be undone. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  return (
    <Dialog
      title={props.title}
      open={props.open}
      onClose={props.onCancel}
      onSubmit={props.onConfirm}
      submitLabel={props.confirmLabel}
      submitDanger
      busy={props.busy}
    >
      <div>{props.children}</div>
    </Dialog>
  );
}
