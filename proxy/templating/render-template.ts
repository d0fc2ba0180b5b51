/** Rendering one template for one request, within the render's limits. */
import { compileTemplate, type CompiledTemplate } from './compile-template';
import { toTemplateRenderError } from './errors';
import { RenderState, withRenderState } from './render-state';
import type { TemplateRenderOptions } from './render-state';
import { requestView } from './request-view';
import type { RequestView } from './request-view';
import type { TemplateRequest } from './templating.model';

/**
 * Renders with a request view already built and, optionally, the clock (several texts of one
 * response share them). `template` is the source, or the template compiled already.
 */
export function renderWithView(
  template: string | CompiledTemplate,
  view: RequestView,
  options: TemplateRenderOptions,
  now?: Date,
): string {
  try {
    const compiled = typeof template === 'string' ? compileTemplate(template) : template;
    const state = new RenderState(view, options, now);
    const { variables } = options;
    const root = variables === undefined ? { request: view } : { ...variables, request: view };
    const output = withRenderState(state, () => compiled(root));
    // A UTF-16 unit is at most 3 bytes of UTF-8: short outputs need no counting.
    if (output.length * 3 > state.maxOutputBytes) {
      state.checkOutputSize(Buffer.byteLength(output, 'utf8'));
    }
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
