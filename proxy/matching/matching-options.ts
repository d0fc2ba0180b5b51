/**
 * How a request is matched against recorded interactions, in the spirit of VCR's `match_requests_on`
 * and Polly.js's `matchRequestsBy`. Stored in a cassette's `metadata.settings.matching`.
 */
import { z } from 'zod';
import { jsonPathProblem } from './json-path';
import { parseSettings } from './settings-parser';

/**
 * - `ignore`: bodies play no part.
 * - `exact`: the same bytes.
 * - `json`: the same JSON value, key order ignored (bodies that are not JSON compare as bytes).
 * - `json-partial`: every field of the recorded body is in the incoming one with an equal value.
 */
export type BodyMatchMode = 'ignore' | 'exact' | 'json' | 'json-partial';

/** When every recorded copy of a request was replayed: serve the last again, or report a miss. */
export type ExhaustedPolicy = 'repeat-last' | 'miss';

/**
 * Host equivalence: requests to `from` match recordings made against `to` (and the reverse). A
 * value with a port (`localhost:8080`) only concerns that port; one without concerns every port.
 */
export interface HostRewrite {
  from: string;
  to: string;
}

export interface MatchingOptions {
  /** Whether the HTTP method must match. Default true. */
  method: boolean;
  /** Query parameter names left out of the comparison (case-sensitive). Default none. */
  ignoreQueryParams: string[];
  /** Leave the whole query string out of the comparison. Default false. */
  ignoreAllQuery: boolean;
  /** Header names (case-insensitive) whose values must match. Default none. */
  headers: string[];
  /** Default `ignore`: method and URL identify a request, as in VCR. */
  body: BodyMatchMode;
  /** JSONPath expressions removed from both bodies before a `json` or `json-partial` comparison. */
  ignoreBodyPaths: string[];
  hostRewrites: HostRewrite[];
  /** Default `repeat-last`. */
  onExhausted: ExhaustedPolicy;
}

const HOST = /^(\[[0-9a-f:.]+\]|[a-z0-9._-]+)(:\d{1,5})?$/i;

const hostSchema = z
  .string()
  .trim()
  .regex(HOST, 'Expected a host or host:port, such as "api.example.com" or "localhost:8080"')
  .transform((host) => host.toLowerCase());

const nameSchema = z.string().trim().min(1, 'Expected a non-empty name');

export const matchingOptionsSchema = z
  .strictObject({
    method: z.boolean().default(true),
    ignoreQueryParams: z.array(nameSchema).default([]),
    ignoreAllQuery: z.boolean().default(false),
    headers: z.array(nameSchema.transform((name) => name.toLowerCase())).default([]),
    body: z.enum(['ignore', 'exact', 'json', 'json-partial']).default('ignore'),
    ignoreBodyPaths: z
      .array(
        z.string().superRefine((path, ctx) => {
          const problem = jsonPathProblem(path);
          if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
        }),
      )
      .default([]),
    hostRewrites: z.array(z.strictObject({ from: hostSchema, to: hostSchema })).default([]),
    onExhausted: z.enum(['repeat-last', 'miss']).default('repeat-last'),
  })
  .superRefine((options, ctx) => {
    if (options.body === 'exact' && options.ignoreBodyPaths.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['ignoreBodyPaths'],
        message: 'ignoreBodyPaths needs body "json" or "json-partial": "exact" compares raw bytes',
      });
    }
  }) satisfies z.ZodType<MatchingOptions>;

/** Options with every default: method and URL, body ignored, repeat the last copy. */
export const DEFAULT_MATCHING_OPTIONS: Readonly<MatchingOptions> = Object.freeze(
  matchingOptionsSchema.parse({}),
);

/**
 * Options from a cassette's `metadata.settings.matching` (any input; `undefined` gives the
 * defaults). Throws `CassetteFormatError` naming each invalid field.
 */
export function parseMatchingOptions(input: unknown): MatchingOptions {
  return parseSettings(matchingOptionsSchema, input, 'matching');
}
