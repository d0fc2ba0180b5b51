import { ApplyTemplateDialog as TemplateDialog } from '../templates/ApplyTemplateDialog';
import { useCassette } from './cassette.store';

/** The template studio's apply dialog for one interaction of this cassette, reloading it after. */
export function ApplyTemplateDialog(props: {
  cassette: string;
  interactionId: string;
  onClose(): void;
}) {
  const { cassette, interactionId, onClose } = props;
  return (
    <TemplateDialog
      cassette={cassette}
      interactionIds={[interactionId]}
      closeWhenApplied
      onApplied={() => void useCassette.getState().load(cassette)}
      onClose={onClose}
    />
  );
}
