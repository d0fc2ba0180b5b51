import { describe, expect, it } from 'vitest';
import { magnetoV1Format } from '../../../../proxy/cassette/formats/magneto-v1';
import { asHttp, fixtureJson, loadMagnetoFixture } from './codec-spec-helpers';

type V04Document = {
  interactions: Array<{ kind: { Http: { response: { body: string } } } }>;
};

describe('Magneto-Serge v0.4 template examples', () => {
  it.each([
    ['v0.4-template-examples/api-auth-with-env.json', 1],
    ['v0.4-template-examples/dynamic-timestamps.json', 2],
    ['v0.4-template-examples/webhook-with-request-data.json', 1],
  ])('loads %s with its %i interactions and template bodies intact', (name, count) => {
    const { cassette } = loadMagnetoFixture(name);
    expect(cassette.interactions).toHaveLength(count);
    expect(cassette.cookies).toBeUndefined();
    const original = fixtureJson<V04Document>(name);
    cassette.interactions.forEach((interaction, index) => {
      expect(interaction.recordedAt).toBe(cassette.recordedAt);
      expect(interaction.id).toBe(`i${index}`);
      expect(asHttp(interaction).response.body).toEqual({
        kind: 'text',
        text: original.interactions[index]?.kind.Http.response.body,
      });
    });
  });

  it('keeps the template expressions of response bodies', () => {
    const { cassette } = loadMagnetoFixture(
      'v0.4-template-examples/webhook-with-request-data.json',
    );
    const webhook = asHttp(cassette.interactions[0]);
    expect(webhook.response.body).toEqual({
      kind: 'text',
      text: expect.stringContaining('"user_id":"{{ request.headers.x-user-id }}"'),
    });
    expect(webhook.request.body).toEqual({ kind: 'text', text: '{"event":"user.created"}' });
    expect(webhook.responseTimeMs).toBe(150);
    const auth = asHttp(
      loadMagnetoFixture('v0.4-template-examples/api-auth-with-env.json').cassette.interactions[0],
    );
    expect(auth.responseTimeMs).toBeUndefined();
    expect(auth.response.body?.kind === 'text' && auth.response.body.text).toContain(
      '{{ env \\"API_ACCESS_TOKEN\\" }}',
    );
  });

  it('exports a v0.4 cassette in the 1.0 shape', () => {
    const { cassette } = loadMagnetoFixture('v0.4-template-examples/dynamic-timestamps.json');
    const document = magnetoV1Format.encode?.(cassette, 'json') as {
      interactions: Array<Record<string, unknown>>;
    };
    expect(document.interactions[0]).toMatchObject({
      type: 'Http',
      recorded_at: '2025-10-26T00:00:00Z',
      response_time_ms: 50,
    });
    expect(magnetoV1Format.decode(document, {})).toEqual(cassette);
  });

  it('reads the older shape of errors, WebSocket sessions and cookies', () => {
    const request = { method: 'GET', url: 'https://a.example/', headers: {}, body: null };
    const cookie = fixtureJson<{ cookies: unknown[] }>('mixed-with-cookies.json').cookies[0];
    const document = {
      version: '1.0',
      name: 'older',
      recorded_at: '2025-10-26T00:00:00Z',
      interactions: [
        {
          kind: { HttpError: { request, error: { error_type: 'Other', message: 'boom' } } },
          response_time_ms: null,
        },
        {
          kind: { WebSocket: { url: 'wss://a.example/', messages: [], close_frame: null } },
          recorded_at: '2025-10-26T00:00:05Z',
        },
      ],
      cookies: [cookie],
    };
    const cassette = magnetoV1Format.decode(document, {});
    expect(cassette.interactions).toEqual([
      {
        type: 'HttpError',
        id: 'i0',
        recordedAt: '2025-10-26T00:00:00Z',
        request,
        error: { errorType: 'Other', message: 'boom' },
      },
      {
        type: 'WebSocket',
        id: 'i1',
        recordedAt: '2025-10-26T00:00:05Z',
        url: 'wss://a.example/',
        messages: [],
        closeFrame: null,
      },
    ]);
    expect(cassette.cookies).toHaveLength(1);
  });
});
