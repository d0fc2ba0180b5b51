/** The response-template engine's public API. */
export type * from './templating.model';
export { BUILT_IN_TEMPLATE_CATEGORIES } from './templating.model';
export { TemplateRenderError } from './errors';
export type { TemplateErrorCode } from './errors';
export { renderTemplate } from './render-template';
export {
  DEFAULT_MAX_ITERATIONS,
  DEFAULT_MAX_OUTPUT_BYTES,
  DEFAULT_TIMEOUT_MS,
} from './render-state';
export type { TemplateRenderOptions } from './render-state';
export { DEFAULT_ENV_ALLOW_LIST, isEnvAllowed } from './env-allow-list';
export { SequenceCounters, sharedSequenceCounters } from './sequence-counters';
export { hasTemplates, renderResponseTemplates, responseHasTemplates } from './response-templates';
export type { RenderedResponse } from './response-templates';
export { isJsonContentType, validateTemplate } from './validate-template';
export type { ValidateTemplateOptions } from './validate-template';
export { listTemplateHelpers } from './helper-registry';
export { HELPER_EXAMPLE_OPTIONS, HELPER_EXAMPLE_REQUEST } from './helper-example-context';
export {
  CustomHelperError,
  listCustomHelpers,
  registerCustomHelper,
  removeCustomHelper,
} from './custom/custom-helpers';
export { CustomHelperStore, CustomHelperStoreError } from './custom/custom-helper-store';
export type { LoadReport } from './custom/custom-helper-store';
export { DEFAULT_SANDBOX_LIMITS } from './custom/sandbox-limits';
export type { SandboxLimits } from './custom/sandbox-limits';
export { TemplateLibrary } from './template-library';
export type { TemplateLibraryOptions, TemplateScan } from './template-library';
export { TemplateDefinitionError, responseTemplateSchema } from './template-schema';
export { applyTemplate, responseAsText } from './apply-template';
export type { ApplyTemplateOptions, ApplyTemplateResult } from './apply-template';
export { unifiedLineDiff } from './line-diff';
