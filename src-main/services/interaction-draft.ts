/**
 * An interaction as API clients write it (bodies as text or base64, headers as a JSON object),
 * validated with zod and turned into the library's `InteractionInput`.
 */
import { z } from 'zod';
import {
  HTTP_ERROR_TYPES,
  INTERACTION_TYPES,
  type Body,
} from '../../proxy/cassette/cassette.model';
import { headerPairs, headersFromPairs } from '../../proxy/cassette/headers';
import type { InteractionInput } from '../library/library.model';
import { badInput } from './service-error';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const headersSchema = z.record(z.string().min(1), z.union([z.string(), z.array(z.string())]));

const bodyFields = {
  body: z.string().optional(),
  /** How `body` is written: readable text (default) or base64 of the bytes. */
  bodyEncoding: z.enum(['text', 'base64']).optional(),
};

const requestSchema = z.strictObject({
  method: z.string().trim().min(1).max(32),
  url: z.string().min(1),
  headers: headersSchema.optional(),
  ...bodyFields,
});

const responseSchema = z.strictObject({
  status: z.number().int().min(100).max(999),
  headers: headersSchema.optional(),
  ...bodyFields,
});

const messageSchema = z.strictObject({
  direction: z.enum(['Sent', 'Received']),
  timestampMs: z.number().int().min(0),
  type: z.enum(['Text', 'Binary', 'Ping', 'Pong']),
  data: z.string(),
});

const draftSchema = z.strictObject({
  kind: z.enum(INTERACTION_TYPES),
  recordedAt: z.iso.datetime({ offset: true }).optional(),
  responseTimeMs: z.number().int().min(0).optional(),
  request: requestSchema.optional(),
  response: responseSchema.optional(),
  error: z
    .strictObject({
      type: z.enum(HTTP_ERROR_TYPES),
      message: z.string(),
      timeoutMs: z.number().int().min(0).optional(),
      redirectCount: z.number().int().min(0).optional(),
    })
    .optional(),
  websocketUrl: z.string().min(1).optional(),
  websocketMessages: z.array(messageSchema).optional(),
  websocketClose: z
    .strictObject({ code: z.number().int().min(1000).max(4999), reason: z.string() })
    .optional(),
});

export type InteractionDraft = z.input<typeof draftSchema>;
type Draft = z.output<typeof draftSchema>;
type HeadersDraft = z.output<typeof headersSchema>;

function bodyOf(body: string | undefined, encoding: 'text' | 'base64' | undefined): Body | null {
  if (body === undefined) return null;
  if (encoding !== 'base64') return { kind: 'text', text: body };
  if (!BASE64.test(body)) throw badInput('A body marked as base64 is not valid base64.');
  return { kind: 'binary', base64: body };
}

/** Lower-case names; repeated names (differing only in case) keep every value. */
function headersOf(headers: HeadersDraft | undefined): ReturnType<typeof headersFromPairs> {
  return headersFromPairs(headerPairs(headers ?? {}));
}

function required<T>(value: T | undefined, field: string, kind: string): T {
  if (value === undefined) throw badInput(`A ${kind} interaction needs "${field}".`, { field });
  return value;
}

function requestOf(draft: Draft): Extract<InteractionInput, { type: 'Http' }>['request'] {
  const request = required(draft.request, 'request', draft.kind);
  return {
    method: request.method.toUpperCase(),
    url: request.url,
    headers: headersOf(request.headers),
    body: bodyOf(request.body, request.bodyEncoding),
  };
}

/** Validates a draft and converts it; throws `BAD_USER_INPUT` saying what is wrong. */
export function interactionInputOf(input: unknown): InteractionInput {
  const parsed = draftSchema.safeParse(input);
  if (!parsed.success) {
    throw badInput(`Invalid interaction: ${z.prettifyError(parsed.error)}`);
  }
  const draft = parsed.data;
  const common = {
    ...(draft.recordedAt === undefined ? {} : { recordedAt: draft.recordedAt }),
    ...(draft.responseTimeMs === undefined ? {} : { responseTimeMs: draft.responseTimeMs }),
  };
  if (draft.kind === 'Http') {
    const response = required(draft.response, 'response', draft.kind);
    return {
      type: 'Http',
      ...common,
      request: requestOf(draft),
      response: {
        status: response.status,
        headers: headersOf(response.headers),
        body: bodyOf(response.body, response.bodyEncoding),
      },
    };
  }
  if (draft.kind === 'HttpError') {
    const { type, ...error } = required(draft.error, 'error', draft.kind);
    return {
      type: 'HttpError',
      ...common,
      request: requestOf(draft),
      error: { errorType: type, ...error },
    };
  }
  return {
    type: 'WebSocket',
    ...common,
    url: required(draft.websocketUrl, 'websocketUrl', draft.kind),
    messages: (draft.websocketMessages ?? []).map(({ type, ...message }) => ({
      ...message,
      msgType: type,
    })),
    closeFrame: draft.websocketClose ?? null,
  };
}
