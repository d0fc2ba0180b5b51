/** Response templates: helpers, validation, custom helpers, the template library, applying. */
import type { TemplateHelperInfo } from '../../../proxy/templating';
import type { StudioServices } from '../../services/studio-services';
import { withoutNulls } from '../arguments';

export const typeDefs = /* GraphQL */ `
  """
  An example of a helper in use.
  """
  type TemplateHelperExample {
    "The template."
    template: String!
    "Its exact output for the documented sample request, when deterministic."
    output: String
    "A remark."
    note: String
  }

  """
  A template helper, as the editor's palette shows it.
  """
  type TemplateHelper {
    "Its name, as written in templates."
    name: String!
    "Its group (dates, ids, fake, request, json, strings, custom…)."
    category: String!
    "How it is called, such as dateAdd date offset [format=…]."
    syntax: String!
    "What it does."
    description: String!
    "The first example's template ('' when there is none)."
    example: String!
    "Every example."
    examples: [TemplateHelperExample!]!
    "Whether it is used as a block ({{#name}}…{{/name}})."
    block: Boolean!
    "Whether a user wrote it (it runs in the sandbox)."
    custom: Boolean!
  }

  """
  A problem found in a template.
  """
  type TemplateError {
    "The kind: syntax, unknown-helper, env-not-allowed, unsupported, render or invalid-json."
    kind: String!
    "What is wrong."
    message: String!
    "1-based line."
    line: Int!
    "1-based column."
    column: Int!
    "Whether the position is in the template or in the rendered output."
    origin: String!
  }

  """
  A template's validation: its errors and its output for the sample data.
  """
  type TemplateValidationResult {
    "Whether the template has no error."
    valid: Boolean!
    "The problems found."
    errors: [TemplateError!]!
    "The output for the sample data ('' when it cannot be rendered)."
    preview: String!
    "Data paths the template reads, such as request.headers.x-user-id."
    usedVariables: [String!]!
  }

  """
  A ready response template from the template library.
  """
  type ResponseTemplate {
    "Its id (kebab-case)."
    id: String!
    "Its name."
    name: String!
    "Its category (Auth, Webhooks, Timestamps…)."
    category: String!
    "What it is for."
    description: String!
    "The content type it answers with."
    contentType: String!
    "The status it answers with; null keeps the interaction's."
    status: Int
    "Extra response headers."
    headers: JSON
    "The body template."
    body: String!
    "builtin or user."
    source: String!
  }

  """
  A template given inline rather than from the library.
  """
  input InlineTemplateInput {
    "The body template."
    body: String!
    "The content type to answer with (default application/json)."
    contentType: String
    "The status to answer with; default the interaction's."
    status: Int
    "Extra response headers."
    headers: JSON
  }

  """
  Which interactions get which template.
  """
  input ApplyTemplateInput {
    "The cassette."
    cassetteName: String!
    "One or many interactions (HTTP ones)."
    interactionIds: [ID!]!
    "A template of the library."
    templateId: String
    "Or a template given here."
    template: InlineTemplateInput
    "Only report what would change."
    preview: Boolean = false
  }

  """
  What applying a template did, or would do, to one interaction.
  """
  type ApplyTemplateItem {
    "The interaction."
    interactionId: ID!
    "Whether the template applies (and was applied, outside preview)."
    ok: Boolean!
    "The response before: status line, headers, blank line, body."
    before: String
    "The response after, in the same shape."
    after: String
    "Unified line diff from before to after."
    diff: String
    "The new body rendered for this interaction's own request."
    rendered: String
    "Why it does not apply."
    error: String
  }

  """
  The outcome of applying a template.
  """
  type ApplyTemplateResult {
    "One item per distinct interaction id."
    results: [ApplyTemplateItem!]!
    "How many interactions were changed (0 in preview)."
    applied: Int!
    "Whether this was a preview."
    preview: Boolean!
  }

  extend type Query {
    "Every helper templates can call: built-in, then custom."
    templateHelpers: [TemplateHelper!]!
    "Checks a template and renders it with sample data (request and extra variables)."
    validateTemplate(
      "The template."
      template: String!
      "Sample data: { request: { method, url, headers, body }, variables: {…} }."
      sampleData: JSON
      "The response's content type; JSON types also get the output checked as JSON."
      contentType: String
    ): TemplateValidationResult!
    "The template library: built-in templates, then the user's."
    responseTemplates: [ResponseTemplate!]!
  }

  extend type Mutation {
    "Applies a template to one or many HTTP responses of a cassette, or previews it."
    applyTemplate("What to apply where." input: ApplyTemplateInput!): ApplyTemplateResult!
    "Registers (or replaces) a custom helper: JavaScript evaluating to (args, context) => value, run in a sandbox."
    registerCustomHelper(
      "Its name."
      name: String!
      "Its code."
      code: String!
      "What it does."
      description: String
    ): TemplateHelper!
    "Removes a custom helper; false when there was none of that name."
    removeCustomHelper("Its name." name: String!): Boolean!
  }
`;

interface ValidateArgs {
  template: string;
  sampleData?: unknown;
  contentType?: string | null;
}

export function resolvers(services: StudioServices): Record<string, unknown> {
  const { templates } = services;
  return {
    Query: {
      templateHelpers: () => templates.helpers(),
      validateTemplate: (_: unknown, args: ValidateArgs) =>
        templates.validate(
          args.template,
          args.sampleData ?? undefined,
          args.contentType ?? undefined,
        ),
      responseTemplates: () => templates.responseTemplates(),
    },
    Mutation: {
      applyTemplate: (_: unknown, args: { input: Parameters<typeof templates.apply>[0] }) =>
        templates.apply(withoutNulls(args.input)),
      registerCustomHelper: (
        _: unknown,
        args: { name: string; code: string; description?: string | null },
      ) => templates.registerCustomHelper(args.name, args.code, args.description ?? undefined),
      removeCustomHelper: (_: unknown, args: { name: string }) =>
        templates.removeCustomHelper(args.name),
    },
    TemplateHelper: {
      syntax: (helper: TemplateHelperInfo) => helper.signature,
      example: (helper: TemplateHelperInfo) => helper.examples[0]?.template ?? '',
      block: (helper: TemplateHelperInfo) => helper.block === true,
      custom: (helper: TemplateHelperInfo) => helper.custom === true,
    },
  };
}
