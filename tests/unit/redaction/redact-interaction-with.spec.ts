import { describe, expect, it } from 'vitest';
import type { Interaction } from '../../../proxy/cassette/cassette.model';
import { DEFAULT_REDACTION_OPTIONS } from '../../../proxy/redaction/redaction-options';
import { compileRules } from '../../../proxy/redaction/redaction-rules';
import { redactInteraction, redactInteractionWith } from '../../../proxy/redaction/redactor';

/** Every object and array reachable from `value`. */
function objectsOf(value: unknown, found = new Set<object>()): Set<object> {
  if (value === null || typeof value !== 'object' || found.has(value)) return found;
  found.add(value);
  for (const child of Object.values(value)) objectsOf(child, found);
  return found;
}

const INTERACTIONS: Interaction[] = [
  {
    type: 'Http',
    id: 'h',
    recordedAt: '2025-06-02T12:00:00Z',
    responseTimeMs: 3,
    request: {
      method: 'GET',
      url: 'https://x.test/a?b=1',
      headers: { accept: ['a/b', 'c/d'] },
      body: { kind: 'binary', base64: 'AAEC' },
    },
    response: {
      status: 200,
      headers: { 'content-type': 'text/event-stream' },
      body: {
        kind: 'text',
        text: 'data: {"n":1}\n\n',
        wireBase64: 'AAAA',
        contentEncoding: 'gzip',
      },
      eventOffsetsMs: [5, 9],
    },
  },
  {
    type: 'HttpError',
    id: 'e',
    recordedAt: '2025-06-02T12:00:00Z',
    request: { method: 'POST', url: 'https://x.test/e', headers: {}, body: null },
    error: { errorType: 'Timeout', message: 'no answer from https://x.test/e', timeoutMs: 10 },
  },
  {
    type: 'WebSocket',
    id: 'w',
    recordedAt: '2025-06-02T12:00:00Z',
    url: 'wss://x.test/socket',
    requestHeaders: { 'sec-websocket-protocol': 'chat' },
    responseHeaders: { 'x-ids': ['1', '2'] },
    messages: [
      { direction: 'Sent', timestampMs: 0, msgType: 'Text', data: '{"hi":true}' },
      { direction: 'Received', timestampMs: 4, msgType: 'Binary', data: 'AQID' },
    ],
    closeFrame: { code: 1000, reason: 'bye' },
  },
];

describe('redactInteractionWith', () => {
  it.each(INTERACTIONS)('shares no object with its input ($type)', (interaction) => {
    const redacted = redactInteractionWith(interaction, compileRules(DEFAULT_REDACTION_OPTIONS));
    expect(redacted).toEqual(interaction);
    const shared = [...objectsOf(redacted)].filter((object) => objectsOf(interaction).has(object));
    expect(shared).toEqual([]);
  });

  it('gives what redactInteraction gives, with rules compiled once', () => {
    const rules = compileRules({ ...DEFAULT_REDACTION_OPTIONS, bodyFields: ['hi', 'n'] });
    for (const interaction of INTERACTIONS) {
      const options = { ...DEFAULT_REDACTION_OPTIONS, bodyFields: ['hi', 'n'] };
      // Twice: the rules remember the field names they were asked about.
      expect(redactInteractionWith(interaction, rules)).toEqual(
        redactInteraction(interaction, options),
      );
      expect(redactInteractionWith(interaction, rules)).toEqual(
        redactInteraction(interaction, options),
      );
    }
    const socket = redactInteractionWith(INTERACTIONS[2] as Interaction, rules);
    expect(socket.type === 'WebSocket' && socket.messages[0]?.data).toBe('{"hi":"[REDACTED]"}');
  });
});
