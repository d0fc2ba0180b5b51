import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { updateInteraction } from './cassette-actions';
import type { Interaction } from './cassette.store';
import { parseInteractionInput, toInteractionInput } from './interaction-input';

/**
 * Edits an interaction as JSON, checked before it is sent. (A plain text area until the template
 * studio brings Monaco.)
 */
export function EditInteractionDialog(props: {
  cassette: string;
  interaction: Interaction;
  onClose(): void;
}) {
  const { cassette, interaction, onClose } = props;
  const [text, setText] = useState(() => JSON.stringify(toInteractionInput(interaction), null, 2));
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (): Promise<void> => {
    const parsed = parseInteractionInput(text);
    if ('error' in parsed) {
      setProblem(parsed.error);
      return;
    }
    setBusy(true);
    const saved = await updateInteraction(cassette, interaction.id, parsed.input);
    setBusy(false);
    if (saved) onClose();
  };
  return (
    <Dialog
      title={`Edit interaction ${interaction.id}`}
      open
      onClose={onClose}
      onSubmit={() => void submit()}
      busy={busy}
    >
      <textarea
        className="textarea editor"
        aria-label="Interaction JSON"
        aria-invalid={problem !== undefined}
        aria-describedby="interaction-problem"
        spellCheck={false}
        rows={18}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setProblem(undefined);
        }}
      />
      <p
        id="interaction-problem"
        className="problem"
        role={problem === undefined ? undefined : 'alert'}
      >
        {problem ?? ''}
      </p>
    </Dialog>
  );
}
