/**
 * zod schemas of VCR cassettes: VCR.py (`interactions`, `version: 1`) and Ruby VCR
 * (`http_interactions`, `recorded_with`), in YAML or JSON. Header maps hold a list of values per
 * name; bodies are text or bytes (YAML `!!binary` / `!binary`).
 */
import { z } from 'zod';
import { base64Schema } from './base64-text';
import { dateTimeSchema } from './date-time';

/** Scalars YAML may have typed (`1.1`, `true`) where VCR meant text. */
const textValue = z.union([z.string(), z.number(), z.boolean()]).transform(String);

const headersSchema = z.record(z.string(), z.union([z.array(textValue), textValue]));

const absoluteUrl = z.string().refine((url) => URL.canParse(url), { message: 'an absolute URL' });

/** Body content: text, or bytes from a binary YAML tag. */
const contentSchema = z.union([z.string(), z.instanceof(Uint8Array)]).nullish();

const statusSchema = z.object({
  code: z.number().int().nonnegative(),
  message: z.string().nullish(),
});

const vcrPyInteractionSchema = z.object({
  request: z.object({
    method: z.string().min(1),
    uri: absoluteUrl,
    headers: headersSchema.nullish(),
    body: contentSchema,
  }),
  response: z.object({
    status: statusSchema,
    headers: headersSchema.nullish(),
    body: z.object({ string: contentSchema }).nullish(),
  }),
});

export const vcrPySchema = z.object({
  interactions: z.array(vcrPyInteractionSchema),
  version: z.number().int().optional(),
});

/** Ruby VCR's body: `string` in the named `encoding`, or `base64_string` for exact bytes. */
const rubyBodySchema = z
  .object({
    encoding: z.string().nullish(),
    string: contentSchema,
    base64_string: base64Schema.nullish(),
  })
  .nullish();

const rubyInteractionSchema = z.object({
  request: z.object({
    method: z.string().min(1),
    uri: absoluteUrl,
    body: rubyBodySchema,
    headers: headersSchema.nullish(),
  }),
  response: z.object({
    status: statusSchema,
    headers: headersSchema.nullish(),
    body: rubyBodySchema,
  }),
  recorded_at: dateTimeSchema.nullish(),
});

export const rubyVcrSchema = z.object({
  http_interactions: z.array(rubyInteractionSchema),
  recorded_with: z.string().nullish(),
});

export type VcrHeaders = z.infer<typeof headersSchema>;
export type VcrContent = z.infer<typeof contentSchema>;
export type VcrPyCassette = z.infer<typeof vcrPySchema>;
export type RubyVcrCassette = z.infer<typeof rubyVcrSchema>;
export type RubyVcrBody = z.infer<typeof rubyBodySchema>;
