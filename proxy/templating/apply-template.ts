/**
 * Applying a library template to recorded interactions: each chosen HTTP response gets the
 * template's body, content type, headers and status. Every interaction gets a before/after view,
 * a unified diff and the body rendered for its own request; `preview` changes nothing.
 */
import { bodyByteLength } from '../cassette/body';
import type { Cassette, Headers, HttpInteraction, HttpResponse } from '../cassette/cassette.model';
import { headerPairs } from '../cassette/headers';
import { unifiedLineDiff } from './line-diff';
import type { TemplateRenderOptions } from './render-state';
import { renderResponseTemplates } from './response-templates';
import type { ApplyTemplateInteractionResult, ResponseTemplate } from './templating.model';

export interface ApplyTemplateOptions extends TemplateRenderOptions {
  /** Report what would change without changing anything. */
  preview?: boolean;
}

export interface ApplyTemplateResult {
  /** An updated copy (the same cassette when nothing changed or in preview). */
  cassette: Cassette;
  results: ApplyTemplateInteractionResult[];
}

/** Headers the new body makes wrong: the replay computes the length, the body is not encoded. */
const STALE_HEADERS = ['content-length', 'content-encoding', 'content-type'];

/** The response as text for the before/after views: status, sorted headers, blank line, body. */
export function responseAsText(response: HttpResponse): string {
  const headers = headerPairs(response.headers)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => `${name}: ${value}`);
  const { body } = response;
  const bodyText =
    body === null
      ? ''
      : body.kind === 'text'
        ? body.text
        : `<binary body, ${bodyByteLength(body)} bytes>`;
  return [`HTTP ${response.status}`, ...headers, '', bodyText].join('\n');
}

function templatedResponse(response: HttpResponse, template: ResponseTemplate): HttpResponse {
  const headers: Headers = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (!STALE_HEADERS.includes(name)) headers[name] = value;
  }
  headers['content-type'] = template.contentType;
  for (const [name, value] of Object.entries(template.headers ?? {}))
    headers[name.toLowerCase()] = value;
  return {
    status: template.status ?? response.status,
    headers,
    body: { kind: 'text', text: template.body },
  };
}

function applyTo(
  interaction: HttpInteraction,
  template: ResponseTemplate,
  options: TemplateRenderOptions,
): { result: ApplyTemplateInteractionResult; updated?: HttpInteraction } {
  const response = templatedResponse(interaction.response, template);
  const before = responseAsText(interaction.response);
  const after = responseAsText(response);
  const base = {
    interactionId: interaction.id,
    before,
    after,
    diff: unifiedLineDiff(before, after),
  };
  const rendered = renderResponseTemplates(response, interaction.request, options);
  if ('error' in rendered) return { result: { ...base, ok: false, error: rendered.error.message } };
  const { body } = rendered.response;
  return {
    result: { ...base, ok: true, rendered: body?.kind === 'text' ? body.text : '' },
    updated: { ...interaction, response },
  };
}

function failure(interactionId: string, error: string): ApplyTemplateInteractionResult {
  return { interactionId, ok: false, error };
}

export function applyTemplate(
  cassette: Cassette,
  interactionIds: readonly string[],
  template: ResponseTemplate,
  options: ApplyTemplateOptions = {},
): ApplyTemplateResult {
  const { preview = false, ...renderOptions } = options;
  const updates = new Map<string, HttpInteraction>();
  const results: ApplyTemplateInteractionResult[] = [];
  for (const id of new Set(interactionIds)) {
    const interaction = cassette.interactions.find((candidate) => candidate.id === id);
    if (interaction === undefined) {
      results.push(failure(id, `the cassette has no interaction "${id}"`));
    } else if (interaction.type !== 'Http') {
      results.push(
        failure(
          id,
          `interaction "${id}" is a ${interaction.type} interaction: templates apply to HTTP responses`,
        ),
      );
    } else {
      const { result, updated } = applyTo(interaction, template, renderOptions);
      results.push(result);
      if (updated !== undefined) updates.set(id, updated);
    }
  }
  if (preview || updates.size === 0) return { cassette, results };
  const interactions = cassette.interactions.map(
    (interaction) => updates.get(interaction.id) ?? interaction,
  );
  return { cassette: { ...cassette, interactions }, results };
}
