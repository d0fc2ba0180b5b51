/**
 * Applying a template to a cassette's interactions: a preview (changes nothing), and the real run in
 * small batches so a progress bar can follow, each interaction succeeding or failing on its own.
 */
import { api } from '../../api';
import {
  ApplyTemplateDocument,
  type ApplyTemplateMutation,
  type InlineTemplateInput,
} from '../../api/generated/graphql';

/** A template of the library, or one given as it is (the studio's editor). */
export type TemplateSource = { templateId: string } | { template: InlineTemplateInput };

export type ApplyItem = ApplyTemplateMutation['applyTemplate']['results'][number];

export async function previewApplication(
  cassetteName: string,
  interactionIds: readonly string[],
  source: TemplateSource,
): Promise<ApplyItem[]> {
  const { applyTemplate } = await api.mutate(ApplyTemplateDocument, {
    input: { cassetteName, interactionIds: [...interactionIds], preview: true, ...source },
  });
  return applyTemplate.results;
}

/** At most about twenty requests, one interaction each for small batches. */
export function batchSize(count: number): number {
  return Math.max(1, Math.ceil(count / 20));
}

/**
 * Applies the template batch by batch, reporting how many are done after each; a batch that fails
 * as a whole marks its interactions as failed and the run goes on.
 */
export async function applyInBatches(
  cassetteName: string,
  interactionIds: readonly string[],
  source: TemplateSource,
  onProgress: (done: number) => void,
): Promise<ApplyItem[]> {
  const size = batchSize(interactionIds.length);
  const results: ApplyItem[] = [];
  for (let start = 0; start < interactionIds.length; start += size) {
    const batch = interactionIds.slice(start, start + size);
    try {
      const { applyTemplate } = await api.mutate(ApplyTemplateDocument, {
        input: { cassetteName, interactionIds: batch, ...source },
      });
      results.push(...applyTemplate.results);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      results.push(
        ...batch.map((interactionId) => ({ interactionId, ok: false, diff: null, error: message })),
      );
    }
    onProgress(results.length);
  }
  return results;
}
