/**
 * An interaction as the API's InteractionInput (what edit, duplicate and save send), and the check
 * of an edited JSON text before it is sent.
 */
import { z } from 'zod';
import { HTTP_ERROR_TYPES } from '../../../../proxy/cassette/cassette.model';
import type { InteractionInput } from '../../api/generated/graphql';
import { scanJson } from '../../components/code-editor/json-locations';
import type { Interaction } from './cassette.store';

export function toInteractionInput(interaction: Interaction): InteractionInput {
  const input: InteractionInput = { kind: interaction.kind, recordedAt: interaction.recordedAt };
  if (interaction.responseTimeMs !== null) input.responseTimeMs = interaction.responseTimeMs;
  const { request, response, error } = interaction;
  if (request !== null) {
    input.request = {
      method: request.method,
      url: request.url,
      headers: request.headers,
      ...(request.body === null
        ? {}
        : { body: request.body, bodyEncoding: request.bodyEncoding ?? 'Text' }),
    };
  }
  if (response !== null) {
    input.response = {
      status: response.status,
      headers: response.headers,
      ...(response.body === null
        ? {}
        : { body: response.body, bodyEncoding: response.bodyEncoding ?? 'Text' }),
    };
  }
  if (error !== null) {
    input.error = {
      type: error.type,
      message: error.message,
      ...(error.timeoutMs === null ? {} : { timeoutMs: error.timeoutMs }),
      ...(error.redirectCount === null ? {} : { redirectCount: error.redirectCount }),
    };
  }
  if (interaction.websocketUrl !== null) input.websocketUrl = interaction.websocketUrl;
  if (interaction.websocketMessages !== null)
    input.websocketMessages = interaction.websocketMessages;
  if (interaction.websocketClose !== null) input.websocketClose = interaction.websocketClose;
  return input;
}

const headers = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
const body = { body: z.string().optional(), bodyEncoding: z.enum(['Text', 'Base64']).optional() };
const request = z.object({
  method: z.string().min(1),
  url: z.string().min(1),
  headers: headers.optional(),
  ...body,
});
const response = z.object({
  status: z.number().int().min(100).max(599),
  headers: headers.optional(),
  ...body,
});
const common = {
  recordedAt: z.string().optional(),
  responseTimeMs: z.number().int().min(0).optional(),
};

/** What the edit dialog accepts; the server validates again before anything is written. */
const interactionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('Http'), ...common, request, response }),
  z.object({
    kind: z.literal('HttpError'),
    ...common,
    request,
    error: z.object({
      type: z.enum(HTTP_ERROR_TYPES),
      message: z.string(),
      timeoutMs: z.number().int().optional(),
      redirectCount: z.number().int().optional(),
    }),
  }),
  z.object({
    kind: z.literal('WebSocket'),
    ...common,
    websocketUrl: z.string().min(1),
    websocketMessages: z
      .array(
        z.object({
          direction: z.enum(['Sent', 'Received']),
          timestampMs: z.number().int().min(0),
          type: z.enum(['Text', 'Binary', 'Ping', 'Pong']),
          data: z.string(),
        }),
      )
      .optional(),
    websocketClose: z.object({ code: z.number().int(), reason: z.string() }).nullable().optional(),
  }),
]);

/** What is wrong with an edited interaction, and where in the text (1-based). */
export interface InteractionProblem {
  message: string;
  line: number;
  column: number;
}

/** The edited text as an InteractionInput, or what is wrong with it and where. */
export function parseInteractionInput(
  text: string,
): { input: InteractionInput } | { problem: InteractionProblem } {
  const scan = scanJson(text);
  if (!scan.ok) {
    return { problem: { message: `Not valid JSON: ${scan.message}`, ...scan.position } };
  }
  const result = interactionSchema.safeParse(scan.value);
  if (result.success) return { input: result.data as InteractionInput };
  const issue = result.error.issues[0];
  const path = issue?.path ?? [];
  const where = path.length === 0 ? '' : `${path.join('.')}: `;
  return {
    problem: {
      message: `${where}${issue?.message ?? 'invalid interaction'}`,
      ...scan.positionOf(path),
    },
  };
}
