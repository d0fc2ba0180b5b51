/**
 * zod schema of the native format (version "2.0"): Magneto-Serge's structure and snake_case names,
 * plus interaction ids, studio metadata, readable bodies, repeated headers and WebSocket handshake
 * headers. See `native-body.ts` for the body forms.
 */
import { z } from 'zod';
import { NATIVE_FORMAT_VERSION, RECORD_MODES } from '../cassette.model';
import {
  closeFrameSchema,
  cookieSchema,
  httpErrorSchema,
  unsignedInt,
  webSocketMessageSchema,
} from './magneto-v1-schema';

/** A name maps to one value, or to every value of a repeated header (Set-Cookie). */
const headersSchema = z.record(
  z.string(),
  z.union([z.string(), z.array(z.string())], { error: 'a string or an array of strings' }),
);

const base64Schema = z.object({ base64: z.string() });

/** `{"json": value}` holds text that is exactly `JSON.stringify(value)`, `indent: 2` the pretty form. */
const jsonBodySchema = z.object({
  json: z.custom<unknown>((value) => value !== undefined, { error: 'a JSON value' }),
  indent: z.literal(2).optional(),
});

/** `null` is checked first (through `nullable`) and text next: the common cases stay cheap. */
export const nativeBodySchema = z
  .union([z.string(), jsonBodySchema, base64Schema], {
    error: 'null, a string, {"json": …} or {"base64": "…"}',
  })
  .nullable();

/** Body extras, next to `body` on a request or response. */
const bodyFields = {
  body: nativeBodySchema,
  body_encoding: z.enum(['gzip', 'deflate', 'br']).optional(),
  body_wire_base64: z.string().optional(),
  body_truncated: z.boolean().optional(),
  body_original_size: unsignedInt.optional(),
};

const requestSchema = z.object({
  method: z.string(),
  url: z.string(),
  headers: headersSchema,
  ...bodyFields,
});

const responseSchema = z.object({
  status: unsignedInt,
  headers: headersSchema,
  ...bodyFields,
  /** Server-sent events: when each event arrived, in milliseconds after the response head. */
  event_offsets_ms: z.array(z.number().nonnegative()).optional(),
});

/** `data` is the text for `Text` and `{"base64": "…"}` for the other message types. */
const messageSchema = webSocketMessageSchema(base64Schema);

const common = {
  id: z.string().min(1),
  recorded_at: z.string(),
  response_time_ms: unsignedInt.optional(),
};

export const nativeInteractionSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('Http'),
    ...common,
    request: requestSchema,
    response: responseSchema,
  }),
  z.object({
    type: z.literal('HttpError'),
    ...common,
    request: requestSchema,
    error: httpErrorSchema,
  }),
  z.object({
    type: z.literal('WebSocket'),
    ...common,
    url: z.string(),
    request_headers: headersSchema.optional(),
    response_headers: headersSchema.optional(),
    messages: z.array(messageSchema),
    close_frame: closeFrameSchema,
  }),
]);

const metadataSchema = z.object({
  created_at: z.string(),
  modified_at: z.string(),
  tags: z.array(z.string()),
  description: z.string(),
  /** Unknown settings are kept, so a newer studio's settings survive an older one's edit. */
  settings: z.looseObject({
    mode: z.enum(RECORD_MODES).optional(),
    matching: z.record(z.string(), z.unknown()).optional(),
    redaction: z.record(z.string(), z.unknown()).optional(),
  }),
});

/** What a repeated interaction id is told it should be. */
export const UNIQUE_ID_EXPECTED = 'an id not used by an earlier interaction';

export const nativeCassetteSchema = z.object({
  version: z.literal(NATIVE_FORMAT_VERSION),
  name: z.string(),
  recorded_at: z.string(),
  metadata: metadataSchema,
  cookies: z.array(cookieSchema).optional(),
  interactions: z.array(nativeInteractionSchema).superRefine((interactions, ctx) => {
    const seen = new Set<string>();
    interactions.forEach((interaction, index) => {
      if (seen.has(interaction.id)) {
        ctx.addIssue({
          code: 'custom',
          message: UNIQUE_ID_EXPECTED,
          path: [index, 'id'],
          input: interaction.id,
        });
      }
      seen.add(interaction.id);
    });
  }),
});

export type NativeCassette = z.infer<typeof nativeCassetteSchema>;
export type NativeInteraction = NativeCassette['interactions'][number];
export type NativeBody = z.infer<typeof nativeBodySchema>;
export type NativeHeaders = z.infer<typeof headersSchema>;
export type NativeMessage = z.infer<typeof messageSchema>;
export type NativeBodyFields = Omit<z.infer<typeof requestSchema>, 'method' | 'url' | 'headers'>;
