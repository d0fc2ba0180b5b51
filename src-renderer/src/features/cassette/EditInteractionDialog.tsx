import { useMemo, useState } from 'react';
import { CodeEditor } from '../../components/code-editor/CodeEditor';
import { Dialog } from '../../components/Dialog';
import { updateInteraction } from './cassette-actions';
import type { Interaction } from './cassette.store';
import {
  parseInteractionInput,
  toInteractionInput,
  type InteractionProblem,
} from './interaction-input';

/**
 * Edits an interaction as JSON in the code editor. Save checks it first: a syntax error or an
 * interaction the model refuses is shown, marked at its line, and nothing is sent until it is fixed.
 */
export function EditInteractionDialog(props: {
  cassette: string;
  interaction: Interaction;
  onClose(): void;
}) {
  const { cassette, interaction, onClose } = props;
  const [text, setText] = useState(() => JSON.stringify(toInteractionInput(interaction), null, 2));
  const [problem, setProblem] = useState<InteractionProblem | undefined>();
  const [busy, setBusy] = useState(false);
  const markers = useMemo(() => (problem === undefined ? [] : [problem]), [problem]);
  const submit = async (): Promise<void> => {
    const parsed = parseInteractionInput(text);
    if ('problem' in parsed) {
      setProblem(parsed.problem);
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
      busy={busy || problem !== undefined}
    >
      <CodeEditor
        value={text}
        language="json"
        ariaLabel="Interaction JSON"
        height="min(60vh, 480px)"
        markers={markers}
        onChange={(value) => {
          setText(value);
          setProblem(undefined);
        }}
      />
      <p
        id="interaction-problem"
        className="problem"
        role={problem === undefined ? undefined : 'alert'}
      >
        {problem === undefined
          ? ''
          : `${problem.message} (line ${problem.line}, column ${problem.column})`}
      </p>
    </Dialog>
  );
}
