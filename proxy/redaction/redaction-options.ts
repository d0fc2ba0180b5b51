/**
 * What the recorder hides before anything reaches disk. Stored in a cassette's
 * `metadata.settings.redaction`.
 */
import { z } from 'zod';
import { jsonPathProblem } from '../matching/json-path';
import { parseSettings } from '../matching/settings-parser';

export interface RedactionOptions {
  /** Header names hidden on top of `ALWAYS_REDACTED_HEADERS` (case-insensitive). */
  headers: string[];
  /**
   * Query parameter names whose values are hidden, in URLs and in form-encoded bodies. Compared
   * ignoring case, `-` and `_`: `api_key` also hides `apiKey` and `API-KEY`.
   */
  queryParams: string[];
  /**
   * JSON field names hidden wherever they occur in a JSON body or WebSocket message (compared like
   * query names), and JSONPath expressions (starting with `$`) for fields at a given place. Also
   * applied to form-encoded bodies' fields.
   */
  bodyFields: string[];
  /** What hidden values become. */
  placeholder: string;
}

/** Headers that are always hidden, whatever the options say. */
export const ALWAYS_REDACTED_HEADERS: readonly string[] = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
];

const DEFAULT_HEADERS = ['x-auth-token', 'x-access-token', 'x-amz-security-token', 'x-csrf-token'];

const DEFAULT_QUERY_PARAMS = [
  'api_key',
  'key',
  'token',
  'access_token',
  'refresh_token',
  'id_token',
  'client_secret',
  'password',
  'secret',
  'signature',
  'sig',
  'auth',
  'x-amz-credential',
  'x-amz-signature',
  'x-amz-security-token',
];

const DEFAULT_BODY_FIELDS = [
  'password',
  'passwd',
  'secret',
  'client_secret',
  'access_token',
  'refresh_token',
  'id_token',
  'token',
  'api_key',
  'private_key',
  'csrf',
  'csrf_token',
  'xsrf_token',
];

const nameSchema = z.string().trim().min(1, 'Expected a non-empty name');

export const redactionOptionsSchema = z.strictObject({
  headers: z.array(nameSchema.transform((name) => name.toLowerCase())).default(DEFAULT_HEADERS),
  queryParams: z.array(nameSchema).default(DEFAULT_QUERY_PARAMS),
  bodyFields: z
    .array(
      nameSchema.superRefine((field, ctx) => {
        const problem = field.startsWith('$') ? jsonPathProblem(field) : undefined;
        if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
      }),
    )
    .default(DEFAULT_BODY_FIELDS),
  placeholder: z.string().default('[REDACTED]'),
}) satisfies z.ZodType<RedactionOptions>;

export const DEFAULT_REDACTION_OPTIONS: Readonly<RedactionOptions> = Object.freeze(
  redactionOptionsSchema.parse({}),
);

/**
 * Options from a cassette's `metadata.settings.redaction` (any input; `undefined` gives the
 * defaults). Throws `CassetteFormatError` naming each invalid field.
 */
export function parseRedactionOptions(input: unknown): RedactionOptions {
  return parseSettings(redactionOptionsSchema, input, 'redaction');
}
