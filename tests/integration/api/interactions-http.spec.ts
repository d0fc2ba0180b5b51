/** Interaction edits over HTTP: every kind, ids from the library, clear refusals. */
import { describe, expect, it } from 'vitest';
import { gql, gqlData, startStudio } from './api-harness';

const FIELDS = /* GraphQL */ `
  id kind recordedAt responseTimeMs
  request { method url headers body bodyEncoding bodySize }
  response { status headers body bodyEncoding hasTemplates }
  error { type message timeoutMs redirectCount }
  websocketUrl websocketMessages { direction timestampMs type data } websocketClose { code reason }
`;
const ADD = `mutation Add($name: String!, $interaction: InteractionInput!) { addInteraction(cassetteName: $name, interaction: $interaction) { ${FIELDS} } }`;
const UPDATE = `mutation Update($name: String!, $id: ID!, $interaction: InteractionInput!) { updateInteraction(cassetteName: $name, interactionId: $id, interaction: $interaction) { ${FIELDS} } }`;

describe('interaction mutations over HTTP', () => {
  it('adds HTTP, HTTP error and WebSocket interactions with ids from the library', async () => {
    const studio = await startStudio();
    await gqlData(studio.url, 'mutation { createCassette(input: { name: "mixed" }) { name } }');
    const http = await gqlData(studio.url, ADD, {
      name: 'mixed',
      interaction: {
        kind: 'Http',
        responseTimeMs: 12,
        recordedAt: '2025-06-02T12:00:00.000Z',
        request: {
          method: 'POST',
          url: 'https://api.example.com/upload',
          body: 'AAEC/w==',
          bodyEncoding: 'Base64',
        },
        response: { status: 201, headers: { 'X-Id': ['a', 'b'] }, body: '{"now":"{{now}}"}' },
      },
    });
    expect(http.addInteraction).toMatchObject({
      kind: 'Http',
      recordedAt: '2025-06-02T12:00:00.000Z',
      responseTimeMs: 12,
      request: { method: 'POST', body: 'AAEC/w==', bodyEncoding: 'Base64', bodySize: 4 },
      response: {
        status: 201,
        headers: { 'x-id': ['a', 'b'] },
        bodyEncoding: 'Text',
        hasTemplates: true,
      },
      error: null,
      websocketUrl: null,
    });
    const failure = await gqlData(studio.url, ADD, {
      name: 'mixed',
      interaction: {
        kind: 'HttpError',
        request: { method: 'GET', url: 'https://down.example.com/' },
        error: { type: 'Timeout', message: 'no answer', timeoutMs: 3000 },
      },
    });
    expect(failure.addInteraction).toMatchObject({
      kind: 'HttpError',
      response: null,
      error: { type: 'Timeout', message: 'no answer', timeoutMs: 3000, redirectCount: null },
    });
    const socket = await gqlData(studio.url, ADD, {
      name: 'mixed',
      interaction: {
        kind: 'WebSocket',
        websocketUrl: 'wss://chat.example.com/room',
        websocketMessages: [
          { direction: 'Sent', timestampMs: 0, type: 'Text', data: 'hello' },
          { direction: 'Received', timestampMs: 5, type: 'Binary', data: 'AQI=' },
        ],
        websocketClose: { code: 1000, reason: 'bye' },
      },
    });
    expect(socket.addInteraction).toMatchObject({
      kind: 'WebSocket',
      request: null,
      websocketUrl: 'wss://chat.example.com/room',
      websocketMessages: [
        { direction: 'Sent', timestampMs: 0, type: 'Text', data: 'hello' },
        { direction: 'Received', timestampMs: 5, type: 'Binary', data: 'AQI=' },
      ],
      websocketClose: { code: 1000, reason: 'bye' },
    });
    const ids = [http, failure, socket].map((result) => result.addInteraction.id);
    expect(new Set(ids).size).toBe(3);
    const { cassette } = await gqlData(
      studio.url,
      `{ cassette(name: "mixed") { interactionCount stats { httpCount httpErrorCount websocketCount }
         sockets: interactions(kind: WebSocket) { id } page: interactions(limit: 1, offset: 1) { id }
         one: interaction(id: "${ids[0]}") { kind } none: interaction(id: "nope") { kind } } }`,
    );
    expect(cassette).toEqual({
      interactionCount: 3,
      stats: { httpCount: 1, httpErrorCount: 1, websocketCount: 1 },
      sockets: [{ id: ids[2] }],
      page: [{ id: ids[1] }],
      one: { kind: 'Http' },
      none: null,
    });
  });

  it('replaces an interaction keeping its id and time, and deletes it', async () => {
    const studio = await startStudio();
    await gqlData(studio.url, 'mutation { createCassette(input: { name: "c" }) { name } }');
    const interaction = {
      kind: 'Http',
      request: { method: 'GET', url: 'https://a.example.com/' },
      response: { status: 200, body: 'one' },
    };
    const { addInteraction } = await gqlData(studio.url, ADD, { name: 'c', interaction });
    const replaced = await gqlData(studio.url, UPDATE, {
      name: 'c',
      id: addInteraction.id,
      interaction: { ...interaction, response: { status: 404, body: 'two' } },
    });
    expect(replaced.updateInteraction).toMatchObject({
      id: addInteraction.id,
      recordedAt: addInteraction.recordedAt,
      response: { status: 404, body: 'two' },
    });
    const deleted = await gqlData(
      studio.url,
      `mutation { deleteInteraction(cassetteName: "c", interactionId: "${addInteraction.id}") }`,
    );
    expect(deleted).toEqual({ deleteInteraction: true });
    const again = await gql(
      studio.url,
      `mutation { deleteInteraction(cassetteName: "c", interactionId: "${addInteraction.id}") }`,
    );
    expect(again.errors?.[0]?.extensions).toEqual({
      code: 'INTERACTION_NOT_FOUND',
      name: 'c',
      interactionId: addInteraction.id,
    });
  });

  it('refuses incomplete or invalid interactions with BAD_USER_INPUT, writing nothing', async () => {
    const studio = await startStudio();
    await gqlData(studio.url, 'mutation { createCassette(input: { name: "c" }) { name } }');
    const cases = [
      { kind: 'Http', request: { method: 'GET', url: 'https://a/' } },
      { kind: 'HttpError', request: { method: 'GET', url: 'https://a/' } },
      { kind: 'WebSocket' },
      { kind: 'Http', request: { method: 'GET', url: 'https://a/' }, response: { status: 42 } },
      {
        kind: 'Http',
        request: { method: 'GET', url: 'https://a/', headers: { a: 1 } },
        response: { status: 200 },
      },
      {
        kind: 'Http',
        request: { method: 'GET', url: 'https://a/', body: 'not base64!', bodyEncoding: 'Base64' },
        response: { status: 200 },
      },
    ];
    for (const interaction of cases) {
      const result = await gql(studio.url, ADD, { name: 'c', interaction });
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(interaction)).toBe(
        'BAD_USER_INPUT',
      );
    }
    const badDate = await gql(studio.url, ADD, {
      name: 'c',
      interaction: { kind: 'WebSocket', websocketUrl: 'ws://a', recordedAt: 'yesterday' },
    });
    expect(badDate.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const { cassette } = await gqlData(studio.url, '{ cassette(name: "c") { interactionCount } }');
    expect(cassette.interactionCount).toBe(0);
    const missing = await gql(studio.url, ADD, { name: 'nope', interaction: cases[0] });
    expect(missing.errors?.[0]?.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
  });
});
