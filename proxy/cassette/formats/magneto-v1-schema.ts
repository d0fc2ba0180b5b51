/**
 * zod schemas of Magneto-Serge 1.0 cassettes (v0.7.0 structs, snake_case). The cookie, error and
 * close-frame shapes are shared with the native format, which keeps Magneto-Serge's structure.
 */
import { z } from 'zod';

export const unsignedInt = z.number().int().nonnegative();

export const cookieSchema = z.object({
  name: z.string(),
  value: z.string(),
  domain: z.string(),
  path: z.string(),
  expires: z.string().nullable(),
  max_age: z.number().int().nullable(),
  secure: z.boolean(),
  http_only: z.boolean(),
  same_site: z.enum(['Strict', 'Lax', 'None']).nullable(),
  created_at: z.string(),
});

/** `error` of an `HttpError`, tagged by `error_type`. */
export const httpErrorSchema = z.discriminatedUnion('error_type', [
  z.object({
    error_type: z.enum([
      'DnsResolutionFailed',
      'ConnectionRefused',
      'TlsError',
      'ConnectionReset',
      'Other',
    ]),
    message: z.string(),
  }),
  z.object({
    error_type: z.literal('Timeout'),
    message: z.string(),
    timeout_ms: unsignedInt.optional(),
  }),
  z.object({
    error_type: z.literal('TooManyRedirects'),
    message: z.string(),
    redirect_count: unsignedInt.optional(),
  }),
]);

export const closeFrameSchema = z.object({ code: unsignedInt, reason: z.string() }).nullable();

export const directionSchema = z.enum(['Sent', 'Received']);

/** A body or payload as Magneto-Serge writes it: an array of byte values. */
export const byteArraySchema = z.array(z.number().int().min(0).max(255));

const v1HeadersSchema = z.record(z.string(), z.string());

export const v1RequestSchema = z.object({
  method: z.string(),
  url: z.string(),
  headers: v1HeadersSchema,
  body: byteArraySchema.nullable(),
});

export const v1ResponseSchema = z.object({
  status: unsignedInt,
  headers: v1HeadersSchema,
  body: byteArraySchema.nullable(),
});

/** A WebSocket message whose `data` is a string for `Text` and `binaryData` for the others. */
export function webSocketMessageSchema<Binary extends z.ZodType>(binaryData: Binary) {
  return z.discriminatedUnion('msg_type', [
    z.object({
      direction: directionSchema,
      timestamp_ms: unsignedInt,
      msg_type: z.literal('Text'),
      data: z.string(),
    }),
    z.object({
      direction: directionSchema,
      timestamp_ms: unsignedInt,
      msg_type: z.enum(['Binary', 'Ping', 'Pong']),
      data: binaryData,
    }),
  ]);
}

/** `data` is a string for `Text` and a byte array for the other message types. */
export const v1MessageSchema = webSocketMessageSchema(byteArraySchema);

const timing = {
  recorded_at: z.string(),
  response_time_ms: unsignedInt.nullish(),
};

export const v1InteractionSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('Http'),
    request: v1RequestSchema,
    response: v1ResponseSchema,
    ...timing,
  }),
  z.object({
    type: z.literal('HttpError'),
    request: v1RequestSchema,
    error: httpErrorSchema,
    ...timing,
  }),
  z.object({
    type: z.literal('WebSocket'),
    url: z.string(),
    messages: z.array(v1MessageSchema),
    close_frame: closeFrameSchema,
    ...timing,
  }),
]);

export const v1CassetteSchema = z.object({
  version: z.string(),
  name: z.string(),
  recorded_at: z.string(),
  cookies: z.array(cookieSchema).optional(),
  interactions: z.array(v1InteractionSchema),
});

export type V1Cassette = z.infer<typeof v1CassetteSchema>;
export type V1Interaction = z.infer<typeof v1InteractionSchema>;
export type V1Message = z.infer<typeof v1MessageSchema>;
export type CookieDocument = z.infer<typeof cookieSchema>;
export type HttpErrorDocument = z.infer<typeof httpErrorSchema>;
