/** Validation of response templates (library files, saves and imports) with zod. */
import { z } from 'zod';
import type { ResponseTemplate } from './templating.model';

const MAX_BODY_LENGTH = 1024 * 1024;

export const responseTemplateSchema = z.strictObject({
  id: z
    .string()
    .max(80)
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits and dashes'),
  name: z.string().trim().min(1).max(120),
  category: z.string().trim().min(1).max(60),
  description: z.string().max(2000),
  contentType: z.string().trim().min(1).max(200),
  status: z.number().int().min(100).max(599).optional(),
  headers: z
    .record(z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'must be a header name'), z.string())
    .optional(),
  body: z.string().max(MAX_BODY_LENGTH),
});

export const templateExportSchema = z.strictObject({
  version: z.literal(1),
  templates: z.array(responseTemplateSchema),
});

/** A document is not a valid template; the message says where and why. */
export class TemplateDefinitionError extends Error {
  override readonly name = 'TemplateDefinitionError';
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

/** Parses with `schema`, or throws a `TemplateDefinitionError` naming `source`. */
export function parseWith<T>(schema: z.ZodType<T>, value: unknown, source: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new TemplateDefinitionError(
      `${source} is not a valid template: ${describeIssues(parsed.error)}`,
    );
  }
  return parsed.data;
}

export function parseResponseTemplate(value: unknown, source: string): ResponseTemplate {
  return parseWith(responseTemplateSchema, value, source);
}
