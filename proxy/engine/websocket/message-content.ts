/**
 * Whether a client message is the one a recording expects: same type, and the same text (or the
 * same JSON value, whatever the key order and spacing), or the same bytes. The client's text is
 * redacted first, as the recorded one was.
 */
import type { WebSocketMessage } from '../../cassette/cassette.model';
import { canonicalJson } from '../../matching/json-diff';
import { redactJsonText } from '../../redaction/json-redaction';
import type { RedactionRules } from '../../redaction/redaction-rules';
import { recordedData } from './frames';

/** A data message from the client, in the model's terms. */
export type ClientFrame = Pick<WebSocketMessage, 'data'> & { msgType: 'Text' | 'Binary' };

/** The client's message as a recording would hold it (text redacted, binary as base64). */
export function clientFrame(
  payload: Buffer,
  isBinary: boolean,
  rules: RedactionRules,
): ClientFrame {
  if (isBinary) return { msgType: 'Binary', data: recordedData('Binary', payload) };
  return { msgType: 'Text', data: redactJsonText(payload.toString('utf8'), rules, false) };
}

function canonicalJsonOf(text: string): string | undefined {
  try {
    return canonicalJson(JSON.parse(text));
  } catch {
    return undefined;
  }
}

export function sameContent(recorded: WebSocketMessage, frame: ClientFrame): boolean {
  if (recorded.msgType !== frame.msgType) return false;
  if (recorded.data === frame.data) return true;
  if (frame.msgType === 'Binary') {
    return Buffer.from(recorded.data, 'base64').equals(Buffer.from(frame.data, 'base64'));
  }
  const expected = canonicalJsonOf(recorded.data);
  return expected !== undefined && expected === canonicalJsonOf(frame.data);
}
