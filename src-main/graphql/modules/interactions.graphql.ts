/** Interactions as read: HTTP exchanges, HTTP errors and WebSocket sessions. */
import type {
  Body,
  HttpResponse,
  Interaction,
  WebSocketMessage,
} from '../../../proxy/cassette/cassette.model';
import { bodyByteLength } from '../../../proxy/cassette/body';
import { responseHasTemplates } from '../../../proxy/templating/response-templates';

export const typeDefs = /* GraphQL */ `
  """
  What an interaction records.
  """
  enum InteractionKind {
    "An HTTP request and its response."
    Http
    "A WebSocket session: its URL and every message."
    WebSocket
    "An HTTP request whose upstream failed (DNS, refused, TLS, timeout…)."
    HttpError
  }

  """
  How a body is written in body.
  """
  enum BodyEncoding {
    "Readable text (the bytes were valid UTF-8)."
    Text
    "Base64 of the bytes."
    Base64
  }

  """
  Which way a WebSocket message went.
  """
  enum WebSocketDirection {
    "From the client to the server."
    Sent
    "From the server to the client."
    Received
  }

  """
  The type of a WebSocket frame.
  """
  enum WebSocketMessageType {
    "A text frame."
    Text
    "A binary frame (data is base64)."
    Binary
    "A ping (data is base64)."
    Ping
    "A pong (data is base64)."
    Pong
  }

  """
  Why an upstream request failed.
  """
  enum HttpErrorType {
    "The host name could not be resolved."
    DnsResolutionFailed
    "The server refused the connection."
    ConnectionRefused
    "The TLS handshake failed."
    TlsError
    "The connection was reset."
    ConnectionReset
    "No answer in time."
    Timeout
    "Too many redirects."
    TooManyRedirects
    "Another failure."
    Other
  }

  """
  One recorded interaction.
  """
  type Interaction {
    "Stable id within the cassette."
    id: ID!
    "What it records."
    kind: InteractionKind!
    "When it was recorded."
    recordedAt: DateTime!
    "How long the upstream took to answer, when known."
    responseTimeMs: Int
    "The HTTP request (Http and HttpError kinds)."
    request: HttpRequest
    "The HTTP response (Http kind)."
    response: HttpResponse
    "The upstream failure (HttpError kind)."
    error: HttpErrorDetails
    "The WebSocket URL (WebSocket kind)."
    websocketUrl: String
    "Every WebSocket message, in order (WebSocket kind)."
    websocketMessages: [WebSocketMessage!]
    "How the WebSocket session closed, when it did (WebSocket kind)."
    websocketClose: WebSocketClose
  }

  """
  A recorded HTTP request.
  """
  type HttpRequest {
    "The method, such as GET."
    method: String!
    "The absolute URL."
    url: String!
    "Headers: lower-case names, a repeated header as a list of values."
    headers: JSON!
    "The body as text, or base64 (see bodyEncoding); null when there is none."
    body: String
    "How body is written; null when there is no body."
    bodyEncoding: BodyEncoding
    "Decoded size of the body in bytes."
    bodySize: Int!
  }

  """
  A recorded HTTP response.
  """
  type HttpResponse {
    "The status code."
    status: Int!
    "Headers: lower-case names, a repeated header as a list of values."
    headers: JSON!
    "The body as text, or base64 (see bodyEncoding); null when there is none."
    body: String
    "How body is written; null when there is no body."
    bodyEncoding: BodyEncoding
    "Decoded size of the body in bytes."
    bodySize: Int!
    "Whether the body or a header holds a template ({{ … }}) rendered on replay."
    hasTemplates: Boolean!
  }

  """
  A recorded upstream failure.
  """
  type HttpErrorDetails {
    "The kind of failure."
    type: HttpErrorType!
    "What happened, in words."
    message: String!
    "For timeouts: the time allowed."
    timeoutMs: Int
    "For redirect loops: how many redirects were followed."
    redirectCount: Int
  }

  """
  One WebSocket message.
  """
  type WebSocketMessage {
    "Which way it went."
    direction: WebSocketDirection!
    "Milliseconds since the connection opened."
    timestampMs: Int!
    "The frame type."
    type: WebSocketMessageType!
    "The text (Text frames) or base64 of the payload (other frames)."
    data: String!
  }

  """
  A WebSocket close frame.
  """
  type WebSocketClose {
    "The close code."
    code: Int!
    "The close reason."
    reason: String!
  }
`;

const bodyText = (body: Body | null): string | null =>
  body === null ? null : body.kind === 'text' ? body.text : body.base64;

const bodyEncoding = (body: Body | null): string | null =>
  body === null ? null : body.kind === 'text' ? 'text' : 'base64';

const bodyFields = {
  body: (part: { body: Body | null }) => bodyText(part.body),
  bodyEncoding: (part: { body: Body | null }) => bodyEncoding(part.body),
  bodySize: (part: { body: Body | null }) => bodyByteLength(part.body),
};

export function resolvers(): Record<string, unknown> {
  return {
    BodyEncoding: { Text: 'text', Base64: 'base64' },
    Interaction: {
      kind: (interaction: Interaction) => interaction.type,
      request: (interaction: Interaction) =>
        interaction.type === 'WebSocket' ? null : interaction.request,
      response: (interaction: Interaction) =>
        interaction.type === 'Http' ? interaction.response : null,
      error: (interaction: Interaction) =>
        interaction.type === 'HttpError' ? interaction.error : null,
      websocketUrl: (interaction: Interaction) =>
        interaction.type === 'WebSocket' ? interaction.url : null,
      websocketMessages: (interaction: Interaction) =>
        interaction.type === 'WebSocket' ? interaction.messages : null,
      websocketClose: (interaction: Interaction) =>
        interaction.type === 'WebSocket' ? interaction.closeFrame : null,
    },
    HttpRequest: bodyFields,
    HttpResponse: {
      ...bodyFields,
      hasTemplates: (response: HttpResponse) => responseHasTemplates(response),
    },
    HttpErrorDetails: {
      type: (error: { errorType: string }) => error.errorType,
    },
    WebSocketMessage: {
      type: (message: WebSocketMessage) => message.msgType,
    },
  };
}
