import { useEffect, useState } from 'react';
import { api } from '../../api';
import {
  ResponseTemplatesDocument,
  type ResponseTemplatesQuery,
} from '../../api/generated/graphql';
import { Dialog } from '../../components/Dialog';
import { Failure, Loading } from '../../components/PageState';
import { applyTemplate } from './cassette-actions';

type Template = ResponseTemplatesQuery['responseTemplates'][number];

/** Puts a template of the library in an HTTP response. */
export function ApplyTemplateDialog(props: {
  cassette: string;
  interactionId: string;
  onClose(): void;
}) {
  const { cassette, interactionId, onClose } = props;
  const [templates, setTemplates] = useState<Template[] | undefined>();
  const [error, setError] = useState<unknown>();
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    api
      .query(ResponseTemplatesDocument)
      .then(({ responseTemplates }) => {
        setTemplates(responseTemplates);
        setChosen(responseTemplates[0]?.id ?? '');
      })
      .catch(setError);
  }, []);
  const submit = async (): Promise<void> => {
    setBusy(true);
    const applied = await applyTemplate(cassette, interactionId, chosen);
    setBusy(false);
    if (applied) onClose();
  };
  const selected = templates?.find((template) => template.id === chosen);
  return (
    <Dialog
      title="Apply a template"
      open
      onClose={onClose}
      onSubmit={() => void submit()}
      submitLabel="Apply"
      busy={busy || chosen === ''}
    >
      {error !== undefined ? (
        <Failure error={error} />
      ) : templates === undefined ? (
        <Loading />
      ) : (
        <>
          <label className="field">
            <span>Template</span>
            <select
              className="select"
              value={chosen}
              onChange={(event) => setChosen(event.target.value)}
            >
              {templates.map((template) => (
                <option key={template.id} value={template.id}>
                  {template.category}: {template.name}
                </option>
              ))}
            </select>
          </label>
          <p className="muted">{selected?.description}</p>
        </>
      )}
    </Dialog>
  );
}
