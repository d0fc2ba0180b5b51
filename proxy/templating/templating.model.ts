/**
 * The response-template engine's shared shapes: what the UI palette, the GraphQL API and the
 * template studio read. Serialisable data only; no Node imports.
 */
import type { Body, Headers } from '../cassette/cassette.model';

export type TemplateHelperCategory =
  | 'control'
  | 'dates'
  | 'ids'
  | 'random'
  | 'fake'
  | 'request'
  | 'json'
  | 'strings'
  | 'encoding'
  | 'math'
  | 'logic'
  | 'collections'
  | 'jwt'
  | 'environment'
  | 'custom';

export interface TemplateHelperExample {
  template: string;
  /** The exact output for the documented sample request (see `HELPER_EXAMPLE_CONTEXT`). */
  output?: string;
  note?: string;
}

/** A helper as the palette shows it. */
export interface TemplateHelperInfo {
  name: string;
  category: TemplateHelperCategory;
  /** How it is called, such as `dateAdd date offset [format="…"]`. */
  signature: string;
  description: string;
  examples: TemplateHelperExample[];
  /** Used as a block: `{{#name …}}…{{/name}}`. */
  block?: boolean;
  /** Written by the user and run in the sandbox. */
  custom?: boolean;
}

/**
 * The request a response is rendered for. A recorded or live `HttpRequest` is one; sample data may
 * give the body as plain text.
 */
export interface TemplateRequest {
  method: string;
  /** Absolute URL (`https://host/path?query`) or origin-form (`/path?query`). */
  url: string;
  headers: Headers;
  body: Body | string | null;
  /** `url` parsed, when the caller has it already: it is not parsed again. */
  parsedUrl?: URL;
}

/** What the template studio renders a preview with. */
export interface TemplateSampleData {
  request?: Partial<TemplateRequest>;
  /** Extra top-level variables, beside `request`. */
  variables?: Record<string, unknown>;
}

export type TemplateValidationErrorKind =
  'syntax' | 'unknown-helper' | 'env-not-allowed' | 'unsupported' | 'render' | 'invalid-json';

export interface TemplateValidationError {
  kind: TemplateValidationErrorKind;
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** `template` positions are in the source; `output` positions in the rendered preview. */
  origin: 'template' | 'output';
}

export interface TemplateValidationResult {
  valid: boolean;
  errors: TemplateValidationError[];
  /** The rendered sample ('' when the template cannot be rendered). */
  preview: string;
  /** Data paths the template reads, such as `request.headers.x-user-id`, in order of appearance. */
  usedVariables: string[];
}

/** Categories of the templates that ship with the studio. */
export const BUILT_IN_TEMPLATE_CATEGORIES = [
  'Auth',
  'Webhooks',
  'Timestamps',
  'UUIDs',
  'Pagination',
  'Errors',
] as const;

/** A ready response template (a file of `resources/templates/` or one the user saved). */
export interface ResponseTemplate {
  /** kebab-case, unique in the library. */
  id: string;
  name: string;
  category: string;
  description: string;
  contentType: string;
  /** The status to answer with; the interaction keeps its own when absent. */
  status?: number;
  headers?: Record<string, string>;
  body: string;
}

export interface LibraryTemplate extends ResponseTemplate {
  source: 'builtin' | 'user';
}

/** A user helper, as stored in `<dataDir>/custom-helpers.json`. */
export interface CustomHelperRecord {
  name: string;
  /** JavaScript that evaluates to a function `(args, context) => value`. */
  code: string;
  description: string;
  createdAt: string;
  updatedAt: string;
}

/** What applying a template did (or would do, in preview) to one interaction. */
export interface ApplyTemplateInteractionResult {
  interactionId: string;
  ok: boolean;
  /** The response before, as text: status line, headers, blank line, body. */
  before?: string;
  /** The response after, in the same shape. */
  after?: string;
  /** Unified line diff from `before` to `after`. */
  diff?: string;
  /** The new body rendered for this interaction's own request. */
  rendered?: string;
  error?: string;
}
