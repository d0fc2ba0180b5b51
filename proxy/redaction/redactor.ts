/**
 * Hides secrets in interactions and cassettes before they reach disk: headers, URL query strings
 * and user info, JSON and form bodies, WebSocket URLs, handshake headers and JSON text messages,
 * error messages' URLs and the cassette's cookie jar. Pure: the input is never modified.
 */
import type {
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

function redactMessage<T extends HttpRequest | HttpResponse>(message: T, rules: RedactionRules): T {
  const headers = redactHeaders(message.headers, rules);
  const body = redactBody(message.body, message.headers, rules);
  return { ...message, headers: withContentLength(headers, message.body, body), body };
}

function redactRequest(request: HttpRequest, rules: RedactionRules): HttpRequest {
  return { ...redactMessage(request, rules), url: redactUrl(request.url, rules) };
}

function redactWebSocketMessage(
  message: WebSocketMessage,
  rules: RedactionRules,
): WebSocketMessage {
  if (message.msgType !== 'Text') return message;
  return { ...message, data: redactJsonText(message.data, rules, false) };
}

function redactWith(interaction: Interaction, rules: RedactionRules): Interaction {
  // A deep copy first: whatever redaction leaves alone must not be shared with the input either.
  const copy = structuredClone(interaction);
  switch (copy.type) {
    case 'Http':
      return {
        ...copy,
        request: redactRequest(copy.request, rules),
        response: redactMessage(copy.response, rules),
      };
    case 'HttpError':
      return {
        ...copy,
        request: redactRequest(copy.request, rules),
        error: { ...copy.error, message: redactUrlsInText(copy.error.message, rules) },
      };
    case 'WebSocket': {
      const { requestHeaders, responseHeaders } = copy;
      return {
        ...copy,
        url: redactUrl(copy.url, rules),
        ...(requestHeaders === undefined
          ? {}
          : { requestHeaders: redactHeaders(requestHeaders, rules) }),
        ...(responseHeaders === undefined
          ? {}
          : { responseHeaders: redactHeaders(responseHeaders, rules) }),
        messages: copy.messages.map((message) => redactWebSocketMessage(message, rules)),
      };
    }
  }
}

/** A copy of the interaction with its secrets hidden. */
export function redactInteraction(
  interaction: Interaction,
  options: RedactionOptions,
): Interaction {
  return redactWith(interaction, compileRules(options));
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
    interactions: cassette.interactions.map((interaction) => redactWith(interaction, rules)),
  };
}
