/**
 * Checking a template for the template studio: syntax errors with their position, unknown helpers,
 * environment variables outside the allow list, partials, a rendered preview for sample data and,
 * for JSON responses, whether that preview is valid JSON (with the position in the output).
 */
import { DEFAULT_ENV_ALLOW_LIST, isEnvAllowed } from './env-allow-list';
import type { TemplateRenderError } from './errors';
import { parseTemplateSource } from './handlebars-environment';
import { jsonSyntaxProblem, lineAndColumn } from './json-error-position';
import { renderTemplate } from './render-template';
import type { TemplateRenderOptions } from './render-state';
import { analyseTemplate } from './template-ast';
import type { TemplateAnalysis } from './template-ast';
import type {
  TemplateRequest,
  TemplateSampleData,
  TemplateValidationError,
  TemplateValidationResult,
} from './templating.model';

export interface ValidateTemplateOptions extends Omit<TemplateRenderOptions, 'variables'> {
  /** The response's content type: JSON types (`application/json`, `…+json`) get a JSON check. */
  contentType?: string;
}

const SAMPLE_REQUEST: TemplateRequest = { method: 'GET', url: '/', headers: {}, body: null };

export function isJsonContentType(contentType: string | undefined): boolean {
  return contentType !== undefined && /(^|\/|\+)json(\s*;|\s*$)/i.test(contentType.trim());
}

function staticErrors(
  analysis: TemplateAnalysis,
  allowList: readonly string[],
): TemplateValidationError[] {
  const errors: TemplateValidationError[] = [];
  for (const { name, line, column } of analysis.unknownHelpers) {
    errors.push({
      kind: 'unknown-helper',
      message: `unknown helper "${name}"`,
      line,
      column,
      origin: 'template',
    });
  }
  for (const { name, line, column } of analysis.envNames) {
    if (!isEnvAllowed(name, allowList)) {
      const message = `environment variable "${name}" is not in the allow list (${allowList.join(', ')}): it renders empty`;
      errors.push({ kind: 'env-not-allowed', message, line, column, origin: 'template' });
    }
  }
  for (const { what, line, column } of analysis.unsupported) {
    errors.push({
      kind: 'unsupported',
      message: `${what} are not supported in response templates`,
      line,
      column,
      origin: 'template',
    });
  }
  return errors;
}

/** A render failure, placed at its own position or else where the failing helper is first called. */
function renderError(
  error: TemplateRenderError,
  analysis: TemplateAnalysis,
): TemplateValidationError {
  const call = error.helper === undefined ? undefined : analysis.helperCalls.get(error.helper);
  const line = error.line ?? call?.line ?? 1;
  const column = error.column ?? call?.column ?? 1;
  return { kind: 'render', message: error.message, line, column, origin: 'template' };
}

function jsonError(preview: string): TemplateValidationError | undefined {
  const problem = jsonSyntaxProblem(preview);
  if (problem === undefined) return undefined;
  const { line, column } = lineAndColumn(preview, problem.offset);
  const message = `the rendered output is not valid JSON at line ${line}, column ${column}: ${problem.message}`;
  return { kind: 'invalid-json', message, line, column, origin: 'output' };
}

export function validateTemplate(
  template: string,
  sampleData: TemplateSampleData = {},
  options: ValidateTemplateOptions = {},
): TemplateValidationResult {
  let parsed;
  try {
    parsed = parseTemplateSource(template);
  } catch (error) {
    const { message, line = 1, column = 1 } = error as TemplateRenderError;
    return {
      valid: false,
      errors: [{ kind: 'syntax', message, line, column, origin: 'template' }],
      preview: '',
      usedVariables: [],
    };
  }
  const analysis = analyseTemplate(parsed);
  const errors = staticErrors(analysis, options.envAllowList ?? DEFAULT_ENV_ALLOW_LIST);
  let preview = '';
  if (analysis.unknownHelpers.length === 0) {
    const request = { ...SAMPLE_REQUEST, ...sampleData.request };
    try {
      preview = renderTemplate(template, request, { ...options, variables: sampleData.variables });
      const invalidJson = isJsonContentType(options.contentType) ? jsonError(preview) : undefined;
      if (invalidJson !== undefined) errors.push(invalidJson);
    } catch (error) {
      errors.push(renderError(error as TemplateRenderError, analysis));
    }
  }
  return { valid: errors.length === 0, errors, preview, usedVariables: analysis.variables };
}
