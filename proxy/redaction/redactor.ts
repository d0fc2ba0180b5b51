/**
 * Hides secrets in interactions and cassettes before they reach disk: headers, URL query strings
 * and user info, JSON and form bodies, WebSocket URLs, handshake headers and JSON text messages,
 * error messages' URLs and the cassette's cookie jar. Pure: the input is never modified.
 */
import type {
  Body,
  Cassette,
  HttpRequest,
  HttpResponse,
  Interaction,
  WebSocketMessage,
} from '../cassette/cassette.model';
import { redactBody, withContentLength } from './body-redaction';
import { redactHeaders } from './header-redaction';
import { redactJsonText } from './json-redaction';
import type { RedactionOptions } from './redaction-options';
import { compileRules, type RedactionRules } from './redaction-rules';
import { redactUrl, redactUrlsInText } from './url-redaction';

/** A body of its own: every field of a body is a string, a number or a boolean. */
function copyBody(body: Body | null): Body | null {
  return body === null ? null : { ...body };
}

function redactMessage<T extends HttpRequest | HttpResponse>(message: T, rules: RedactionRules): T {
  const headers = redactHeaders(message.headers, rules);
  const body = redactBody(message.body, message.headers, rules);
  return {
    ...message,
    headers: withContentLength(headers, message.body, body),
    body: body === message.body ? copyBody(body) : body,
  };
}

function redactRequest(request: HttpRequest, rules: RedactionRules): HttpRequest {
  return { ...redactMessage(request, rules), url: redactUrl(request.url, rules) };
}

function redactResponse(response: HttpResponse, rules: RedactionRules): HttpResponse {
  const redacted = redactMessage(response, rules);
  const offsets = response.eventOffsetsMs;
  return offsets === undefined ? redacted : { ...redacted, eventOffsetsMs: [...offsets] };
}

function redactWebSocketMessage(
  message: WebSocketMessage,
  rules: RedactionRules,
): WebSocketMessage {
  if (message.msgType !== 'Text') return { ...message };
  return { ...message, data: redactJsonText(message.data, rules, false) };
}

/**
 * The interaction with its secrets hidden, sharing no object with the input (what redaction leaves
 * alone is copied too), built field by field: no deep copy first.
 */
export function redactInteractionWith(
  interaction: Interaction,
  rules: RedactionRules,
): Interaction {
  switch (interaction.type) {
    case 'Http':
      return {
        ...interaction,
        request: redactRequest(interaction.request, rules),
        response: redactResponse(interaction.response, rules),
      };
    case 'HttpError':
      return {
        ...interaction,
        request: redactRequest(interaction.request, rules),
        error: {
          ...interaction.error,
          message: redactUrlsInText(interaction.error.message, rules),
        },
      };
    case 'WebSocket': {
      const { requestHeaders, responseHeaders, closeFrame } = interaction;
      return {
        ...interaction,
        url: redactUrl(interaction.url, rules),
        ...(requestHeaders === undefined
          ? {}
          : { requestHeaders: redactHeaders(requestHeaders, rules) }),
        ...(responseHeaders === undefined
          ? {}
          : { responseHeaders: redactHeaders(responseHeaders, rules) }),
        messages: interaction.messages.map((message) => redactWebSocketMessage(message, rules)),
        closeFrame: closeFrame === null ? null : { ...closeFrame },
      };
    }
  }
}

/** A copy of the interaction with its secrets hidden. */
export function redactInteraction(
  interaction: Interaction,
  options: RedactionOptions,
): Interaction {
  return redactInteractionWith(interaction, compileRules(options));
}

/** A copy of the cassette with every interaction redacted and every stored cookie value hidden. */
export function redactCassette(cassette: Cassette, options: RedactionOptions): Cassette {
  const rules = compileRules(options);
  const { cookies, ...rest } = structuredClone({ ...cassette, interactions: [] });
  return {
    ...rest,
    ...(cookies === undefined
      ? {}
      : { cookies: cookies.map((cookie) => ({ ...cookie, value: rules.placeholder })) }),
    interactions: cassette.interactions.map((interaction) =>
      redactInteractionWith(interaction, rules),
    ),
  };
}
