/**
 * Magneto-Serge's older cassette shape (its v0.4 template examples): interactions are externally
 * tagged (`{"kind": {"Http": {…}}}`), response bodies may be strings holding template expressions,
 * interactions have no `recorded_at` and `cookies` may be null. Read by bringing it to the 1.0 shape.
 */
import { z } from 'zod';
import {
  byteArraySchema,
  closeFrameSchema,
  cookieSchema,
  httpErrorSchema,
  unsignedInt,
  v1MessageSchema,
  v1RequestSchema,
  v1ResponseSchema,
} from './magneto-v1-schema';
import type { V1Cassette, V1Interaction } from './magneto-v1-schema';

/** A byte array, or a string that is stored as its UTF-8 bytes. */
const legacyBodySchema = z
  .union([byteArraySchema, z.string()], { error: 'a byte array, a string or null' })
  .nullable()
  .transform((body) => (typeof body === 'string' ? Array.from(Buffer.from(body, 'utf8')) : body));

const legacyRequestSchema = v1RequestSchema.extend({ body: legacyBodySchema });

const legacyKindSchema = z.union(
  [
    z.object({
      Http: z.object({
        request: legacyRequestSchema,
        response: v1ResponseSchema.extend({ body: legacyBodySchema }),
      }),
    }),
    z.object({ HttpError: z.object({ request: legacyRequestSchema, error: httpErrorSchema }) }),
    z.object({
      WebSocket: z.object({
        url: z.string(),
        messages: z.array(v1MessageSchema),
        close_frame: closeFrameSchema,
      }),
    }),
  ],
  { error: 'an object with one key: "Http", "HttpError" or "WebSocket"' },
);

export const v04CassetteSchema = z.object({
  version: z.string(),
  name: z.string(),
  recorded_at: z.string(),
  interactions: z.array(
    z.object({
      kind: legacyKindSchema,
      recorded_at: z.string().optional(),
      response_time_ms: unsignedInt.nullish(),
    }),
  ),
  cookies: z.array(cookieSchema).nullish(),
});

/** Whether a document uses the older shape: its first interaction has `kind` and no `type`. */
export function isV04Shape(document: unknown): boolean {
  const interactions = (document as { interactions?: unknown }).interactions;
  const first: unknown = Array.isArray(interactions) ? interactions[0] : undefined;
  return typeof first === 'object' && first !== null && 'kind' in first && !('type' in first);
}

/** The 1.0 shape of a validated v0.4 cassette; interactions take the cassette's `recorded_at`. */
export function v04ToV1(legacy: z.infer<typeof v04CassetteSchema>): V1Cassette {
  const interactions = legacy.interactions.map(({ kind, recorded_at, response_time_ms }) => {
    const timing = { recorded_at: recorded_at ?? legacy.recorded_at, response_time_ms };
    let interaction: V1Interaction;
    if ('Http' in kind) interaction = { type: 'Http', ...kind.Http, ...timing };
    else if ('HttpError' in kind) interaction = { type: 'HttpError', ...kind.HttpError, ...timing };
    else interaction = { type: 'WebSocket', ...kind.WebSocket, ...timing };
    return interaction;
  });
  const { version, name, recorded_at, cookies } = legacy;
  return cookies === null || cookies === undefined
    ? { version, name, recorded_at, interactions }
    : { version, name, recorded_at, cookies, interactions };
}
