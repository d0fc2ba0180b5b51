/**
 * zod schemas of HAR 1.2 documents as the studio reads them: what the spec requires for replay is
 * required, the rest is optional because real exporters (Chrome, Firefox, Polly.js, proxies) differ.
 * Custom fields start with `_`: Chrome's `_webSocketMessages`, `_resourceType` and `_error`, and the
 * studio's own `_wireBase64`, `_truncated`, `_originalSize`, `_encoding`, `_errorType`, …
 */
import { z } from 'zod';
import { HTTP_ERROR_TYPES } from '../cassette.model';
import { BASE64_EXPECTED, base64Schema, isBase64 } from './base64-text';
import { dateTimeSchema } from './date-time';
import { pollyChunks } from './har-polly-chunks';

/** Header and query values; some exporters write numbers or booleans. */
const textValue = z.union([z.string(), z.number(), z.boolean()]).transform(String);

const nameValueSchema = z.object({ name: z.string(), value: textValue });

const nonNegativeInt = z.number().int().nonnegative();

/** What the studio adds to `postData` and `content` so its exports read back byte-exact. */
const studioBodyFields = {
  _wireBase64: base64Schema.optional(),
  _truncated: z.boolean().optional(),
  _originalSize: nonNegativeInt.optional(),
};

/** Text said to be base64 must be: one string, or Polly.js's array of base64 chunks. */
function checkBase64Text(
  value: { text?: string | null },
  base64: boolean,
  context: z.core.$RefinementCtx,
): void {
  const text = value.text;
  if (!base64 || typeof text !== 'string') return;
  if (!isBase64(text) && pollyChunks(text) === undefined) {
    context.addIssue({
      code: 'custom',
      path: ['text'],
      message: `${BASE64_EXPECTED} (or a JSON array of base64 chunks)`,
    });
  }
}

const postDataSchema = z
  .object({
    mimeType: z.string().optional(),
    text: z.string().optional(),
    params: z
      .array(
        z.object({
          name: z.string(),
          value: textValue.optional(),
          fileName: z.string().optional(),
        }),
      )
      .optional(),
    /** Not in HAR 1.2: `base64` when `text` is base64 (the studio writes `_encoding`). */
    encoding: z.string().optional(),
    _encoding: z.string().optional(),
    ...studioBodyFields,
  })
  .superRefine((postData, context) => {
    checkBase64Text(postData, (postData._encoding ?? postData.encoding) === 'base64', context);
  });

const contentSchema = z
  .object({
    size: z.number().optional(),
    mimeType: z.string().optional(),
    text: z.string().nullish(),
    encoding: z.string().optional(),
    ...studioBodyFields,
  })
  .superRefine((content, context) => {
    checkBase64Text(content, content.encoding === 'base64', context);
  });

const requestSchema = z.object({
  method: z.string().min(1),
  url: z.string().refine((url) => URL.canParse(url), { message: 'an absolute URL' }),
  httpVersion: z.string().optional(),
  headers: z.array(nameValueSchema).default([]),
  postData: postDataSchema.optional(),
});

const errorFields = {
  /** Chrome's failure text, such as `net::ERR_CONNECTION_REFUSED`. */
  _error: z.string().nullish(),
  _errorType: z.enum(HTTP_ERROR_TYPES).optional(),
  _timeoutMs: nonNegativeInt.optional(),
  _redirectCount: nonNegativeInt.optional(),
};

const responseSchema = z.object({
  status: z.number().int().nonnegative(),
  statusText: z.string().optional(),
  headers: z.array(nameValueSchema).default([]),
  content: contentSchema.optional(),
  ...errorFields,
});

/**
 * Chrome's WebSocket frame: `time` in seconds since the epoch; opcode 1 text, 2 binary, 8 close,
 * 9 ping, 10 pong; the payload of binary, ping and pong frames is base64.
 */
const webSocketMessageSchema = z.union([
  z.object({
    type: z.enum(['send', 'receive']),
    time: z.number(),
    opcode: z.union([z.literal(1), z.literal(8)]),
    data: z.string(),
  }),
  z.object({
    type: z.enum(['send', 'receive']),
    time: z.number(),
    opcode: z.union([z.literal(2), z.literal(9), z.literal(10)]),
    data: base64Schema,
  }),
]);

const entrySchema = z.object({
  startedDateTime: dateTimeSchema.optional(),
  time: z.number().optional(),
  request: requestSchema,
  response: responseSchema,
  _resourceType: z.string().optional(),
  _webSocketMessages: z.array(webSocketMessageSchema).optional(),
  _webSocketClose: z.object({ code: nonNegativeInt, reason: z.string() }).optional(),
  /** Some tools put the failure text on the entry rather than the response. */
  _error: z.string().nullish(),
});

export const harSchema = z.object({
  log: z.object({
    version: z.string().optional(),
    creator: z.object({ name: z.string(), version: z.string().optional() }).optional(),
    entries: z.array(entrySchema),
    /** Polly.js names the recording here. */
    _recordingName: z.string().optional(),
  }),
});

export type HarDocument = z.infer<typeof harSchema>;
export type HarEntry = z.infer<typeof entrySchema>;
export type HarRequest = z.infer<typeof requestSchema>;
export type HarResponse = z.infer<typeof responseSchema>;
export type HarPostData = z.infer<typeof postDataSchema>;
export type HarContent = z.infer<typeof contentSchema>;
export type HarWebSocketMessage = z.infer<typeof webSocketMessageSchema>;
