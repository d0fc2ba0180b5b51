/**
 * Writing a cassette as HAR 1.2, for browsers' devtools and HAR tools. Bodies are decoded content as
 * HAR requires; the `_`-prefixed custom fields keep what HAR has no place for (wire bytes, error
 * types, WebSocket close frames) so a studio export reads back as the same interactions.
 */
import { STATUS_CODES } from 'node:http';
import packageJson from '../../../package.json' with { type: 'json' };
import type {
  Body,
  Cassette,
  Headers,
  HttpError,
  HttpRequest,
  Interaction,
  WebSocketInteraction,
} from '../cassette.model';
import { headerPairs, headerValue } from '../headers';
import {
  contentFromBody,
  postDataFromBody,
  wireSizeOf,
  type HarContentOut,
  type HarPostDataOut,
} from './har-body';
import { webSocketFields, type HarWebSocketFields } from './har-websocket';

interface NameValue {
  name: string;
  value: string;
}

interface HarRequestOut {
  method: string;
  url: string;
  httpVersion: string;
  headers: NameValue[];
  queryString: NameValue[];
  cookies: never[];
  headersSize: -1;
  bodySize: number;
  postData?: HarPostDataOut;
}

interface HarResponseOut {
  status: number;
  statusText: string;
  httpVersion: string;
  headers: NameValue[];
  cookies: never[];
  content: HarContentOut;
  redirectURL: string;
  headersSize: -1;
  bodySize: number;
  _error?: string;
  _errorType?: HttpError['errorType'];
  _timeoutMs?: number;
  _redirectCount?: number;
}

export interface HarEntryOut extends Partial<HarWebSocketFields> {
  startedDateTime: string;
  time: number;
  request: HarRequestOut;
  response: HarResponseOut;
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
}

export interface HarDocumentOut {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    pages: never[];
    entries: HarEntryOut[];
  };
}

const HTTP_VERSION = 'HTTP/1.1';

function nameValues(headers: Headers): NameValue[] {
  return headerPairs(headers).map(([name, value]) => ({ name, value }));
}

function queryStringOf(url: string): NameValue[] {
  if (!URL.canParse(url)) return [];
  return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
}

function requestOf(request: HttpRequest): HarRequestOut {
  const out: HarRequestOut = {
    method: request.method,
    url: request.url,
    httpVersion: HTTP_VERSION,
    headers: nameValues(request.headers),
    queryString: queryStringOf(request.url),
    cookies: [],
    headersSize: -1,
    bodySize: wireSizeOf(request.body),
  };
  const postData = postDataFromBody(request.body, request.headers);
  if (postData !== undefined) out.postData = postData;
  return out;
}

function responseOf(status: number, headers: Headers, body: Body | null): HarResponseOut {
  return {
    status,
    statusText: STATUS_CODES[status] ?? '',
    httpVersion: HTTP_VERSION,
    headers: nameValues(headers),
    cookies: [],
    content: contentFromBody(body, headers),
    redirectURL: headerValue(headers, 'location') ?? '',
    headersSize: -1,
    bodySize: wireSizeOf(body),
  };
}

/** A failed request: status 0 and Chrome's `_error`, plus the studio's exact error fields. */
function failedResponseOf(error: HttpError): HarResponseOut {
  const response: HarResponseOut = {
    ...responseOf(0, {}, null),
    httpVersion: '',
    bodySize: -1,
    _error: error.message,
    _errorType: error.errorType,
  };
  if (error.timeoutMs !== undefined) response._timeoutMs = error.timeoutMs;
  if (error.redirectCount !== undefined) response._redirectCount = error.redirectCount;
  return response;
}

function webSocketEntryParts(
  interaction: WebSocketInteraction,
): Pick<HarEntryOut, 'request' | 'response'> {
  return {
    request: requestOf({
      method: 'GET',
      url: interaction.url,
      headers: interaction.requestHeaders ?? {},
      body: null,
    }),
    response: responseOf(101, interaction.responseHeaders ?? {}, null),
  };
}

function entryOf(interaction: Interaction): HarEntryOut {
  const time = interaction.responseTimeMs ?? 0;
  const common = {
    startedDateTime: interaction.recordedAt,
    time,
    cache: {},
    timings: { send: 0, wait: time, receive: 0 },
  };
  switch (interaction.type) {
    case 'Http': {
      const { status, headers, body } = interaction.response;
      return {
        ...common,
        request: requestOf(interaction.request),
        response: responseOf(status, headers, body),
      };
    }
    case 'HttpError':
      return {
        ...common,
        request: requestOf(interaction.request),
        response: failedResponseOf(interaction.error),
      };
    case 'WebSocket':
      return { ...common, ...webSocketEntryParts(interaction), ...webSocketFields(interaction) };
  }
}

/** The HAR document of a cassette. */
export function encodeHar(cassette: Cassette): HarDocumentOut {
  return {
    log: {
      version: '1.2',
      creator: { name: 'Magneto Studio', version: packageJson.version },
      pages: [],
      entries: cassette.interactions.map(entryOf),
    },
  };
}
