/**
 * The studio's own format (version "2.0"): Magneto-Serge's structure and snake_case names plus
 * interaction ids, metadata, readable bodies (`native-body.ts`), repeated headers and WebSocket
 * handshake headers. Pretty JSON is the human-readable form; MessagePack (named maps) the compact one.
 */
import type {
  Cassette,
  CassetteMetadata,
  Headers,
  HttpRequest,
  HttpResponse,
  Interaction,
  WebSocketMessage,
} from '../cassette.model';
import { NATIVE_FORMAT_VERSION } from '../cassette.model';
import { headerPairs, headersFromPairs } from '../headers';
import type { CassetteFormat, Container, DecodeContext } from './format';
import { isRecord } from './is-record';
import {
  cookieFromDocument,
  cookieToDocument,
  httpErrorFromDocument,
  httpErrorToDocument,
} from './magneto-common';
import { bodyFromNative, bodyToNative } from './native-body';
import { nativeCassetteSchema } from './native-schema';
import type {
  NativeCassette,
  NativeHeaders,
  NativeInteraction,
  NativeMessage,
} from './native-schema';
import { validateDocument } from './schema-validation';

type NativeRequest = Extract<NativeInteraction, { type: 'Http' }>['request'];
type NativeResponse = Extract<NativeInteraction, { type: 'Http' }>['response'];

/** Header names are lower-case in the model; a hand-edited file may not have them so. */
function headersFromNative(headers: NativeHeaders): Headers {
  for (const name in headers) {
    if (name !== name.toLowerCase()) return headersFromPairs(headerPairs(headers));
  }
  return headers;
}

function requestFromNative(request: NativeRequest): HttpRequest {
  const { method, url, headers } = request;
  return { method, url, headers: headersFromNative(headers), body: bodyFromNative(request) };
}

function responseFromNative(response: NativeResponse): HttpResponse {
  const { status, headers } = response;
  const model: HttpResponse = {
    status,
    headers: headersFromNative(headers),
    body: bodyFromNative(response),
  };
  if (response.event_offsets_ms !== undefined) model.eventOffsetsMs = response.event_offsets_ms;
  return model;
}

function messageFromNative(message: NativeMessage): WebSocketMessage {
  return {
    direction: message.direction,
    timestampMs: message.timestamp_ms,
    msgType: message.msg_type,
    data: message.msg_type === 'Text' ? message.data : message.data.base64,
  };
}

function messageToNative(message: WebSocketMessage): NativeMessage {
  const common = { direction: message.direction, timestamp_ms: message.timestampMs };
  return message.msgType === 'Text'
    ? { ...common, msg_type: 'Text', data: message.data }
    : { ...common, msg_type: message.msgType, data: { base64: message.data } };
}

/** The model of one validated native interaction. */
export function interactionFromNative(doc: NativeInteraction): Interaction {
  const common = { id: doc.id, recordedAt: doc.recorded_at };
  const timing =
    doc.response_time_ms === undefined
      ? common
      : { ...common, responseTimeMs: doc.response_time_ms };
  switch (doc.type) {
    case 'Http':
      return {
        type: 'Http',
        ...timing,
        request: requestFromNative(doc.request),
        response: responseFromNative(doc.response),
      };
    case 'HttpError':
      return {
        type: 'HttpError',
        ...timing,
        request: requestFromNative(doc.request),
        error: httpErrorFromDocument(doc.error),
      };
    case 'WebSocket': {
      const interaction: Interaction = {
        type: 'WebSocket',
        ...timing,
        url: doc.url,
        messages: doc.messages.map(messageFromNative),
        closeFrame: doc.close_frame,
      };
      if (doc.request_headers !== undefined) {
        interaction.requestHeaders = headersFromNative(doc.request_headers);
      }
      if (doc.response_headers !== undefined) {
        interaction.responseHeaders = headersFromNative(doc.response_headers);
      }
      return interaction;
    }
  }
}

/** One interaction in the native format; `readable` uses the `json` body forms where exact. */
export function interactionToNative(
  interaction: Interaction,
  readable: boolean,
): NativeInteraction {
  const timing =
    interaction.responseTimeMs === undefined
      ? { recorded_at: interaction.recordedAt }
      : { recorded_at: interaction.recordedAt, response_time_ms: interaction.responseTimeMs };
  const id = interaction.id;
  if (interaction.type === 'WebSocket') {
    const { requestHeaders, responseHeaders } = interaction;
    return {
      id,
      type: 'WebSocket',
      url: interaction.url,
      ...(requestHeaders === undefined ? {} : { request_headers: requestHeaders }),
      ...(responseHeaders === undefined ? {} : { response_headers: responseHeaders }),
      messages: interaction.messages.map(messageToNative),
      close_frame: interaction.closeFrame,
      ...timing,
    };
  }
  const { method, url, headers, body } = interaction.request;
  const request = { method, url, headers, ...bodyToNative(body, readable) };
  if (interaction.type === 'HttpError') {
    const error = httpErrorToDocument(interaction.error, false);
    return { id, type: 'HttpError', request, error, ...timing };
  }
  const {
    status,
    headers: responseHeaders,
    body: responseBody,
    eventOffsetsMs,
  } = interaction.response;
  const response = {
    status,
    headers: responseHeaders,
    ...bodyToNative(responseBody, readable),
    ...(eventOffsetsMs === undefined ? {} : { event_offsets_ms: eventOffsetsMs }),
  };
  return { id, type: 'Http', request, response, ...timing };
}

function metadataFromNative(metadata: NativeCassette['metadata']): CassetteMetadata {
  return {
    createdAt: metadata.created_at,
    modifiedAt: metadata.modified_at,
    tags: metadata.tags,
    description: metadata.description,
    settings: metadata.settings,
  };
}

function metadataToNative(metadata: CassetteMetadata): NativeCassette['metadata'] {
  return {
    created_at: metadata.createdAt,
    modified_at: metadata.modifiedAt,
    tags: metadata.tags,
    description: metadata.description,
    settings: { ...metadata.settings },
  };
}

/** The model of a validated native document. */
export function cassetteFromNative(doc: NativeCassette): Cassette {
  const cassette: Cassette = {
    version: doc.version,
    name: doc.name,
    recordedAt: doc.recorded_at,
    interactions: doc.interactions.map(interactionFromNative),
    metadata: metadataFromNative(doc.metadata),
  };
  if (doc.cookies !== undefined) cassette.cookies = doc.cookies.map(cookieFromDocument);
  return cassette;
}

function decodeNative(document: unknown, context: DecodeContext): Cassette {
  return cassetteFromNative(validateDocument(nativeCassetteSchema, document, context.fileName));
}

/** Bodies use the readable `json` forms except in MessagePack (see `native-body.ts`). */
export function encodeNative(cassette: Cassette, container: Container): NativeCassette {
  const readable = container !== 'msgpack';
  return {
    version: NATIVE_FORMAT_VERSION,
    name: cassette.name,
    recorded_at: cassette.recordedAt,
    metadata: metadataToNative(cassette.metadata),
    ...(cassette.cookies === undefined ? {} : { cookies: cassette.cookies.map(cookieToDocument) }),
    interactions: cassette.interactions.map((interaction) =>
      interactionToNative(interaction, readable),
    ),
  };
}

export const nativeFormat: CassetteFormat = {
  id: 'native',
  label: 'Magneto Studio native',
  containers: ['json', 'msgpack'],
  matches(document) {
    return (
      isRecord(document) &&
      typeof document.version === 'string' &&
      document.version.startsWith('2.')
    );
  },
  decode: decodeNative,
  encode: encodeNative,
};
