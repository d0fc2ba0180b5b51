/**
 * Magneto-Serge 1.0 cassettes (the format of Magneto-Serge v0.7.0), in JSON or named-map
 * MessagePack, plus its older v0.4 shape on reading. Bodies are wire bytes: they are stored decoded
 * in the model (see `bodyFromWire`) and written back byte for byte.
 */
import type { Body, Cassette, Headers, Interaction, WebSocketMessage } from '../cassette.model';
import { bodyFromWire, bodyToWire } from '../content-coding';
import { headersFromPairs } from '../headers';
import { defaultMetadata } from './default-metadata';
import type { CassetteFormat, DecodeContext } from './format';
import { interactionIdAt } from './ids';
import { isRecord } from './is-record';
import {
  cookieFromDocument,
  cookieToDocument,
  httpErrorFromDocument,
  httpErrorToDocument,
} from './magneto-common';
import { v1CassetteSchema } from './magneto-v1-schema';
import type { V1Cassette, V1Interaction, V1Message } from './magneto-v1-schema';
import { isV04Shape, v04CassetteSchema, v04ToV1 } from './magneto-v04';
import { validateDocument } from './schema-validation';

/** The `version` Magneto-Serge writes. */
const V1_VERSION = '1.0';

function bodyFromV1(bytes: number[] | null, headers: Headers): Body | null {
  return bytes === null ? null : bodyFromWire(Uint8Array.from(bytes), headers);
}

function bodyToV1(body: Body | null): number[] | null {
  return body === null ? null : Array.from(bodyToWire(body));
}

/** Magneto-Serge keeps one value per header: repeated values are joined with ', '. */
function headersToV1(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function messageFromV1(message: V1Message): WebSocketMessage {
  const data =
    message.msg_type === 'Text' ? message.data : Buffer.from(message.data).toString('base64');
  return {
    direction: message.direction,
    timestampMs: message.timestamp_ms,
    msgType: message.msg_type,
    data,
  };
}

function messageToV1(message: WebSocketMessage): V1Message {
  const common = { direction: message.direction, timestamp_ms: message.timestampMs };
  return message.msgType === 'Text'
    ? { ...common, msg_type: 'Text', data: message.data }
    : {
        ...common,
        msg_type: message.msgType,
        data: Array.from(Buffer.from(message.data, 'base64')),
      };
}

function interactionFromV1(doc: V1Interaction, index: number): Interaction {
  const common = { id: interactionIdAt(index), recordedAt: doc.recorded_at };
  const timing =
    doc.response_time_ms === null || doc.response_time_ms === undefined
      ? common
      : { ...common, responseTimeMs: doc.response_time_ms };
  if (doc.type === 'WebSocket') {
    return {
      type: 'WebSocket',
      ...timing,
      url: doc.url,
      messages: doc.messages.map(messageFromV1),
      closeFrame: doc.close_frame,
    };
  }
  const requestHeaders = headersFromPairs(Object.entries(doc.request.headers));
  const request = {
    method: doc.request.method,
    url: doc.request.url,
    headers: requestHeaders,
    body: bodyFromV1(doc.request.body, requestHeaders),
  };
  if (doc.type === 'HttpError') {
    return { type: 'HttpError', ...timing, request, error: httpErrorFromDocument(doc.error) };
  }
  const responseHeaders = headersFromPairs(Object.entries(doc.response.headers));
  const response = {
    status: doc.response.status,
    headers: responseHeaders,
    body: bodyFromV1(doc.response.body, responseHeaders),
  };
  return { type: 'Http', ...timing, request, response };
}

function interactionToV1(interaction: Interaction): V1Interaction {
  const timing =
    interaction.responseTimeMs === undefined
      ? { recorded_at: interaction.recordedAt }
      : { recorded_at: interaction.recordedAt, response_time_ms: interaction.responseTimeMs };
  if (interaction.type === 'WebSocket') {
    return {
      type: 'WebSocket',
      url: interaction.url,
      messages: interaction.messages.map(messageToV1),
      close_frame: interaction.closeFrame,
      ...timing,
    };
  }
  const { method, url, headers, body } = interaction.request;
  const request = { method, url, headers: headersToV1(headers), body: bodyToV1(body) };
  if (interaction.type === 'HttpError') {
    const error = httpErrorToDocument(interaction.error, true);
    return { type: 'HttpError', request, error, ...timing };
  }
  const { status } = interaction.response;
  const response = {
    status,
    headers: headersToV1(interaction.response.headers),
    body: bodyToV1(interaction.response.body),
  };
  return { type: 'Http', request, response, ...timing };
}

function decodeMagneto(document: unknown, context: DecodeContext): Cassette {
  const doc = isV04Shape(document)
    ? v04ToV1(validateDocument(v04CassetteSchema, document, context.fileName))
    : validateDocument(v1CassetteSchema, document, context.fileName);
  const cassette: Cassette = {
    version: doc.version,
    name: doc.name,
    recordedAt: doc.recorded_at,
    interactions: doc.interactions.map(interactionFromV1),
    metadata: defaultMetadata(doc.recorded_at),
  };
  if (doc.cookies !== undefined) cassette.cookies = doc.cookies.map(cookieFromDocument);
  return cassette;
}

function encodeMagneto(cassette: Cassette): V1Cassette {
  const head = { version: V1_VERSION, name: cassette.name, recorded_at: cassette.recordedAt };
  const interactions = cassette.interactions.map(interactionToV1);
  return cassette.cookies === undefined
    ? { ...head, interactions }
    : { ...head, cookies: cassette.cookies.map(cookieToDocument), interactions };
}

export const magnetoV1Format: CassetteFormat = {
  id: 'magneto-v1',
  label: 'Magneto-Serge 1.0',
  containers: ['json', 'msgpack'],
  matches(document) {
    if (!isRecord(document)) return false;
    const { version } = document;
    return (
      typeof version === 'string' &&
      !version.startsWith('2.') &&
      ('interactions' in document || 'recorded_at' in document)
    );
  },
  decode: decodeMagneto,
  encode: encodeMagneto,
};
