/**
 * The preview: the template validated and rendered with the sample request 300 ms after the last
 * change (or at once from the toolbar). Answers to older requests are dropped.
 */
import { useEffect } from 'react';
import { api } from '../../api';
import { ValidateTemplateDocument } from '../../api/generated/graphql';
import { scanJson } from '../../components/code-editor/json-locations';
import { useTemplateHelpers } from './template-helpers.store';
import { useTemplateStudio, type Validation } from './template-studio.store';

export const PREVIEW_DELAY_MS = 300;

let latest = 0;

/** Validates now; resolves with the result (undefined when the sample is not JSON or it failed). */
export async function validateNow(): Promise<Validation | undefined> {
  const { body, sample, contentType, setValidation, setValidating } = useTemplateStudio.getState();
  const scan = scanJson(sample);
  if (!scan.ok) return undefined;
  const request = ++latest;
  setValidating(true);
  try {
    const { validateTemplate } = await api.query(ValidateTemplateDocument, {
      template: body,
      sampleData: scan.value,
      contentType: contentType.trim() === '' ? undefined : contentType,
    });
    if (request === latest) setValidation(validateTemplate);
    return validateTemplate;
  } catch (error) {
    if (request === latest) setValidation(undefined, error);
    return undefined;
  } finally {
    if (request === latest) setValidating(false);
  }
}

/**
 * Keeps the preview in step with the template, the sample request, the content type and the
 * helpers (a custom helper added or removed changes what the template means).
 */
export function useLivePreview(): void {
  const body = useTemplateStudio((state) => state.body);
  const sample = useTemplateStudio((state) => state.sample);
  const contentType = useTemplateStudio((state) => state.contentType);
  const helpers = useTemplateHelpers((state) => state.helpers);
  useEffect(() => {
    const timer = setTimeout(() => void validateNow(), PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [body, sample, contentType, helpers]);
}
