import { useEffect, useState } from 'react';
import { api } from '../../api';
import {
  ResponseTemplatesDocument,
  type LibraryTemplateFieldsFragment,
} from '../../api/generated/graphql';

export type LibraryTemplate = LibraryTemplateFieldsFragment;

/** The template library (built-ins, then the user's), loaded again whenever `revision` changes. */
export function useLibraryTemplates(revision = 0): {
  templates: LibraryTemplate[] | undefined;
  error: unknown;
  retry(): void;
} {
  const [templates, setTemplates] = useState<LibraryTemplate[]>();
  const [error, setError] = useState<unknown>();
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setError(undefined);
    api.query(ResponseTemplatesDocument).then(
      ({ responseTemplates }) => live && setTemplates(responseTemplates),
      (reason: unknown) => live && setError(reason),
    );
    return () => {
      live = false;
    };
  }, [revision, attempt]);
  return { templates, error, retry: () => setAttempt(attempt + 1) };
}
