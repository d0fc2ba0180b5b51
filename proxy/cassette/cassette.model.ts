/**
 * The cassette model: one shape for HTTP exchanges, HTTP errors and WebSocket sessions, plus the
 * studio's own metadata. Shared by the engine, the application core and the renderer, so this file
 * imports nothing from Node (no Buffer, no fs): bodies are text or base64 strings.
 *
 * Field names follow Magneto-Serge's structs in camelCase; the codecs map them to the snake_case
 * names used on disk.
 */

/** Header map with lower-case names. A repeated header (Set-Cookie) keeps every value, in order. */
export type Headers = Record<string, string | string[]>;

/** `Content-Encoding` values the studio decodes when recording and re-encodes on replay. */
export type ContentCoding = 'gzip' | 'deflate' | 'br';

interface BodyCommon {
  /**
   * The body travelled with this `Content-Encoding`; the content here is decoded. Replay encodes it
   * again as the client accepts.
   */
  contentEncoding?: ContentCoding;
  /**
   * Base64 of the exact encoded bytes seen on the wire, kept only when encoding the decoded content
   * again would not give the same bytes (so exports stay byte-exact).
   */
  wireBase64?: string;
  /** Recording kept only the first bytes of the body; `originalSize` says how many there were. */
  truncated?: boolean;
  /** Size in bytes of the decoded body before truncation. */
  originalSize?: number;
}

/** A body that is valid UTF-8: stored as readable text. */
export interface TextBody extends BodyCommon {
  kind: 'text';
  text: string;
}

/** Any other body: stored as base64. */
export interface BinaryBody extends BodyCommon {
  kind: 'binary';
  base64: string;
}

export type Body = TextBody | BinaryBody;

export interface HttpRequest {
  method: string;
  url: string;
  headers: Headers;
  body: Body | null;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  body: Body | null;
  /**
   * Server-sent events (`text/event-stream`) only: when each event arrived, in milliseconds after
   * the response head. Event i is the i-th block of the body text that ends with a blank line;
   * replay sends each block at its time, and whatever follows the last one at the end.
   */
  eventOffsetsMs?: number[];
}

export type HttpErrorType =
  | 'DnsResolutionFailed'
  | 'ConnectionRefused'
  | 'TlsError'
  | 'ConnectionReset'
  | 'Timeout'
  | 'TooManyRedirects'
  | 'Other';

export const HTTP_ERROR_TYPES: readonly HttpErrorType[] = [
  'DnsResolutionFailed',
  'ConnectionRefused',
  'TlsError',
  'ConnectionReset',
  'Timeout',
  'TooManyRedirects',
  'Other',
];

export interface HttpError {
  errorType: HttpErrorType;
  message: string;
  /** Only for `Timeout`. */
  timeoutMs?: number;
  /** Only for `TooManyRedirects`. */
  redirectCount?: number;
}

export type WebSocketDirection = 'Sent' | 'Received';
export type WebSocketMessageType = 'Text' | 'Binary' | 'Ping' | 'Pong';

export interface WebSocketMessage {
  /** `Sent` is client to server, `Received` is server to client. */
  direction: WebSocketDirection;
  /** Milliseconds since the connection opened. */
  timestampMs: number;
  msgType: WebSocketMessageType;
  /** The text for `Text`; base64 of the payload for `Binary`, `Ping` and `Pong`. */
  data: string;
}

export interface WebSocketCloseFrame {
  code: number;
  reason: string;
}

interface InteractionCommon {
  /** Stable id within the cassette (native format stores it; older formats get `i<index>`). */
  id: string;
  /** RFC 3339, kept as written (Magneto-Serge writes nanoseconds). */
  recordedAt: string;
  responseTimeMs?: number;
}

export interface HttpInteraction extends InteractionCommon {
  type: 'Http';
  request: HttpRequest;
  response: HttpResponse;
}

export interface HttpErrorInteraction extends InteractionCommon {
  type: 'HttpError';
  request: HttpRequest;
  error: HttpError;
}

export interface WebSocketInteraction extends InteractionCommon {
  type: 'WebSocket';
  url: string;
  /** Headers of the client's upgrade request, when recorded by the studio. */
  requestHeaders?: Headers;
  /** Headers of the server's 101 answer, when recorded by the studio. */
  responseHeaders?: Headers;
  messages: WebSocketMessage[];
  closeFrame: WebSocketCloseFrame | null;
}

export type Interaction = HttpInteraction | HttpErrorInteraction | WebSocketInteraction;
export type InteractionType = Interaction['type'];
export const INTERACTION_TYPES: readonly InteractionType[] = ['Http', 'HttpError', 'WebSocket'];

export type SameSite = 'Strict' | 'Lax' | 'None';

export interface Cookie {
  name: string;
  value: string;
  domain: string;
  path: string;
  expires: string | null;
  maxAge: number | null;
  secure: boolean;
  httpOnly: boolean;
  sameSite: SameSite | null;
  createdAt: string;
}

/** Record modes, in VCR's vocabulary. */
export type RecordMode = 'auto' | 'record' | 'replay' | 'new-episodes' | 'passthrough';
export const RECORD_MODES: readonly RecordMode[] = [
  'auto',
  'record',
  'replay',
  'new-episodes',
  'passthrough',
];

/** Per-cassette settings; every field is optional and the engine supplies defaults. */
export interface CassetteSettings {
  mode?: RecordMode;
  /** Matching options, in the shape the engine's matcher defines. */
  matching?: Record<string, unknown>;
  /** Redaction options, in the shape the engine's redactor defines. */
  redaction?: Record<string, unknown>;
}

/** What the studio adds to a cassette. */
export interface CassetteMetadata {
  createdAt: string;
  modifiedAt: string;
  tags: string[];
  description: string;
  settings: CassetteSettings;
}

export interface Cassette {
  /** Format version the cassette was read from or will be written as ("2.0" for native). */
  version: string;
  name: string;
  recordedAt: string;
  /** Cookies, when the source had them (Magneto-Serge omits the key when there are none). */
  cookies?: Cookie[];
  interactions: Interaction[];
  metadata: CassetteMetadata;
}

/** The native format's version. */
export const NATIVE_FORMAT_VERSION = '2.0';
