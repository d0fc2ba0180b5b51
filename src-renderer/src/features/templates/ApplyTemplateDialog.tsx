import { useId, useMemo, useState } from 'react';
import type { InlineTemplateInput } from '../../api/generated/graphql';
import { toastError, toastSuccess } from '../../app/toast.store';
import { Dialog } from '../../components/Dialog';
import { Failure, Loading } from '../../components/PageState';
import { ProgressBar } from '../../components/ProgressBar';
import { useCassetteNames } from '../proxy/use-cassette-names';
import { ApplyPreview } from './ApplyPreview';
import { ApplyReport } from './ApplyReport';
import { InteractionPicker } from './InteractionPicker';
import { TemplatePicker, type TemplateKey } from './TemplatePicker';
import { applyInBatches, type ApplyItem, type TemplateSource } from './apply-template-run';
import { useApplyPreview } from './use-apply-preview';
import { useHttpInteractions } from './use-http-interactions';
import { useLibraryTemplates } from './use-library-templates';
import './apply-template.css';

export interface ApplyTemplateDialogProps {
  /** The cassette, fixed; without it the dialog asks for one. */
  cassette?: string;
  /** Interactions checked at first. */
  interactionIds?: readonly string[];
  /** The studio's editor template, offered first. */
  editorTemplate?: InlineTemplateInput;
  /** Closes by itself when every interaction got the template (the report shows otherwise). */
  closeWhenApplied?: boolean;
  onApplied?(cassette: string): void;
  onClose(): void;
}

type Phase =
  | { kind: 'choosing' }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'done'; items: ApplyItem[] };

function sourceOf(key: TemplateKey, editorTemplate: InlineTemplateInput | undefined) {
  if (key === '') return editorTemplate === undefined ? undefined : { template: editorTemplate };
  return { templateId: key };
}

/** Choose interactions and a template, see each change as a diff, apply in batches, see the report. */
export function ApplyTemplateDialog(props: ApplyTemplateDialogProps) {
  const { editorTemplate, closeWhenApplied = false, onApplied, onClose } = props;
  const [cassette, setCassette] = useState(props.cassette ?? '');
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(props.interactionIds ?? []));
  const library = useLibraryTemplates();
  const [picked, setPicked] = useState<TemplateKey | undefined>(
    editorTemplate === undefined ? undefined : '',
  );
  const key = picked ?? library.templates?.[0]?.id ?? '';
  const source: TemplateSource | undefined = useMemo(
    () => sourceOf(key, editorTemplate),
    [key, editorTemplate],
  );
  const names = useCassetteNames();
  const interactions = useHttpInteractions(
    names.includes(cassette) || props.cassette !== undefined ? cassette : '',
  );
  const ids = useMemo(
    () =>
      interactions.state === 'loaded'
        ? interactions.interactions.map((item) => item.id).filter((id) => chosen.has(id))
        : [],
    [interactions, chosen],
  );
  const preview = useApplyPreview(cassette, ids, source);
  const [phase, setPhase] = useState<Phase>({ kind: 'choosing' });
  const listId = useId();

  const run = async (): Promise<void> => {
    if (source === undefined || ids.length === 0) return;
    setPhase({ kind: 'running', done: 0, total: ids.length });
    const items = await applyInBatches(cassette, ids, source, (done) =>
      setPhase({ kind: 'running', done, total: ids.length }),
    );
    const applied = items.filter((item) => item.ok).length;
    if (applied > 0) {
      toastSuccess('Template applied', `to ${applied} interaction(s) of ${cassette}`);
      onApplied?.(cassette);
    }
    if (applied < items.length) {
      toastError(
        `${items.length - applied} interaction(s) unchanged`,
        new Error(items.find((item) => !item.ok)?.error ?? 'failed'),
      );
    }
    if (closeWhenApplied && applied === items.length) onClose();
    else setPhase({ kind: 'done', items });
  };

  const done = phase.kind === 'done';
  return (
    <Dialog
      title="Apply a template"
      open
      onClose={onClose}
      onSubmit={done ? onClose : () => void run()}
      submitLabel={done ? 'Done' : `Apply to ${ids.length} interaction(s)`}
      busy={!done && (phase.kind === 'running' || ids.length === 0 || source === undefined)}
    >
      <div className="apply-template stack" data-testid="apply-template">
        {phase.kind === 'running' ? (
          <ProgressBar label="Applying the template" done={phase.done} total={phase.total} />
        ) : null}
        {done ? (
          <ApplyReport items={phase.items} />
        ) : (
          <div className="apply-choices">
            <div className="stack">
              {props.cassette === undefined ? (
                <label className="field">
                  <span>Cassette</span>
                  <input
                    className="input"
                    list={`${listId}-cassettes`}
                    value={cassette}
                    onChange={(event) => setCassette(event.target.value)}
                    placeholder="Its name"
                  />
                  <datalist id={`${listId}-cassettes`}>
                    {names.map((name) => (
                      <option key={name} value={name} />
                    ))}
                  </datalist>
                </label>
              ) : null}
              {library.error !== undefined ? (
                <Failure error={library.error} retry={library.retry} />
              ) : library.templates === undefined ? (
                <Loading label="Loading templates…" />
              ) : (
                <TemplatePicker
                  templates={library.templates}
                  value={key}
                  onChange={setPicked}
                  editorLabel={
                    editorTemplate === undefined ? undefined : 'The template in the editor'
                  }
                />
              )}
              {interactions.state === 'loaded' ? (
                <InteractionPicker
                  interactions={interactions.interactions}
                  chosen={chosen}
                  onChange={setChosen}
                />
              ) : interactions.state === 'loading' ? (
                <Loading label="Loading interactions…" />
              ) : interactions.state === 'failed' ? (
                <Failure error={interactions.error} />
              ) : null}
            </div>
            <section className="stack" aria-label="Before and after">
              <h3>Before → after</h3>
              <ApplyPreview preview={preview} />
            </section>
          </div>
        )}
      </div>
    </Dialog>
  );
}
