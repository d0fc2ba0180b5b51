import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ApplyTemplateDialog } from './ApplyTemplateDialog';
import { EditInteractionDialog } from './EditInteractionDialog';
import { deleteInteraction, duplicateInteraction } from './cassette-actions';
import type { Interaction } from './cassette.store';

type Open = 'edit' | 'delete' | 'template' | undefined;

/** Edit, duplicate, delete, and apply a template to, one interaction. */
export function InteractionActions({
  cassette,
  interaction,
}: {
  cassette: string;
  interaction: Interaction;
}) {
  const [open, setOpen] = useState<Open>();
  const close = (): void => setOpen(undefined);
  return (
    <div className="row interaction-actions">
      <button type="button" className="btn btn-small" onClick={() => setOpen('edit')}>
        Edit
      </button>
      <button
        type="button"
        className="btn btn-small"
        onClick={() => void duplicateInteraction(cassette, interaction)}
      >
        Duplicate
      </button>
      {interaction.kind === 'Http' ? (
        <button type="button" className="btn btn-small" onClick={() => setOpen('template')}>
          Apply template…
        </button>
      ) : null}
      <button type="button" className="btn btn-small btn-danger" onClick={() => setOpen('delete')}>
        Delete
      </button>
      {open === 'edit' ? (
        <EditInteractionDialog cassette={cassette} interaction={interaction} onClose={close} />
      ) : null}
      {open === 'template' ? (
        <ApplyTemplateDialog cassette={cassette} interactionId={interaction.id} onClose={close} />
      ) : null}
      <ConfirmDialog
        open={open === 'delete'}
        title={`Delete interaction ${interaction.id}?`}
        confirmLabel="Delete"
        onCancel={close}
        onConfirm={() => {
          close();
          void deleteInteraction(cassette, interaction.id);
        }}
      >
        It is removed from the cassette file.
      </ConfirmDialog>
    </div>
  );
}
