/** Rendering one template for one request, within the render's limits. */
import { compileTemplate, RUNTIME_OPTIONS } from './handlebars-environment';
import { toTemplateRenderError } from './errors';
import { RenderState, withRenderState } from './render-state';
import type { TemplateRenderOptions } from './render-state';
import { requestView } from './request-view';
import type { RequestView } from './request-view';
import type { TemplateRequest } from './templating.model';

/** Renders with a request view already built (several texts of one response share it). */
export function renderWithView(
  template: string,
  view: RequestView,
  options: TemplateRenderOptions,
): string {
  try {
    const compiled = compileTemplate(template);
    const state = new RenderState(view, options);
    const root = { ...options.variables, request: view };
    const output = withRenderState(state, () => compiled(root, RUNTIME_OPTIONS));
    state.checkOutputSize(Buffer.byteLength(output, 'utf8'));
    return output;
  } catch (error) {
    throw toTemplateRenderError(error);
  }
}

/**
 * Renders `template` with `request` in context (`{{request.method}}`, `{{header "x-id"}}`…).
 * Throws a `TemplateRenderError` (syntax, unknown helper, timeout, size cap…), never anything else.
 */
export function renderTemplate(
  template: string,
  request: TemplateRequest | null,
  options: TemplateRenderOptions = {},
): string {
  return renderWithView(template, requestView(request), options);
}
