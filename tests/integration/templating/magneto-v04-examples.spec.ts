import { describe, expect, it } from 'vitest';
import type { HttpInteraction } from '../../../proxy/cassette/cassette.model';
import { readCassetteFile } from '../../../proxy/cassette/formats/registry';
import {
  renderResponseTemplates,
  responseHasTemplates,
} from '../../../proxy/templating/response-templates';
import type { TemplateRenderOptions } from '../../../proxy/templating/render-state';
import type { TemplateRequest } from '../../../proxy/templating/templating.model';
import { validateTemplate } from '../../../proxy/templating/validate-template';
import { magnetoFixture } from '../../support/fixtures';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

async function httpInteractions(name: string): Promise<HttpInteraction[]> {
  const { cassette } = await readCassetteFile(magnetoFixture(`v0.4-template-examples/${name}`));
  return cassette.interactions.filter(
    (interaction): interaction is HttpInteraction => interaction.type === 'Http',
  );
}

/** Renders the recorded response for `request` and parses the body as JSON. */
function renderJson(
  interaction: HttpInteraction,
  request: TemplateRequest,
  options: TemplateRenderOptions = {},
): Record<string, unknown> {
  expect(responseHasTemplates(interaction.response)).toBe(true);
  const result = renderResponseTemplates(interaction.response, request, options);
  if ('error' in result) throw result.error;
  const { body } = result.response;
  if (body?.kind !== 'text') throw new Error('expected a text body');
  return JSON.parse(body.text) as Record<string, unknown>;
}

function expectFresh(isoTime: unknown, started: number): void {
  expect(typeof isoTime).toBe('string');
  const time = Date.parse(isoTime as string);
  expect(time).toBeGreaterThanOrEqual(started - 1);
  expect(time).toBeLessThanOrEqual(Date.now() + 1);
}

describe("Magneto-Serge's v0.4 template examples", () => {
  it('dynamic-timestamps: fresh RFC 3339 times, Unix seconds and UUIDs', async () => {
    const [time, event] = await httpInteractions('dynamic-timestamps.json');
    if (time === undefined || event === undefined) throw new Error('fixture has two interactions');
    const started = Date.now();
    const clock = renderJson(time, {
      method: 'GET',
      url: 'https://api.example.com/v1/time/current',
      headers: {},
      body: null,
    });
    expectFresh(clock['iso8601'], started);
    expect(clock['timezone']).toBe('UTC');
    expect(
      Math.abs(
        (clock['unix_epoch'] as number) - Math.floor(Date.parse(clock['iso8601'] as string) / 1000),
      ),
    ).toBeLessThanOrEqual(1);

    const first = renderJson(event, event.request);
    const second = renderJson(event, event.request);
    expect(first['id']).toMatch(UUID_V4);
    expect(second['id']).not.toBe(first['id']);
    expect(first['created_at']).toBe(first['updated_at']);
    expectFresh(first['created_at'], started);
    expect(first['name']).toBe('test');
  });

  it('webhook-with-request-data: echoes the request headers, method and URL', async () => {
    const [webhook] = await httpInteractions('webhook-with-request-data.json');
    if (webhook === undefined) throw new Error('fixture has one interaction');
    const started = Date.now();
    const request: TemplateRequest = {
      method: 'POST',
      url: 'https://webhooks.example.com/api/events?attempt=2',
      headers: {
        'x-user-id': 'user-777',
        'x-session-id': 'sess-xyz',
        'content-type': 'application/json',
      },
      body: '{"event":"user.created"}',
    };
    const rendered = renderJson(webhook, request);
    expect(rendered).toMatchObject({
      event: 'user.created',
      user_id: 'user-777',
      session_id: 'sess-xyz',
      method: 'POST',
      endpoint: 'https://webhooks.example.com/api/events?attempt=2',
    });
    expect(rendered['webhook_id']).toMatch(UUID_V4);
    expectFresh(rendered['timestamp'], started);
    expect(typeof rendered['unix_time']).toBe('number');
  });

  it('api-auth-with-env: reads only allowed variables', async () => {
    const [auth] = await httpInteractions('api-auth-with-env.json');
    if (auth === undefined) throw new Error('fixture has one interaction');
    const env = { API_ACCESS_TOKEN: 'legacy-secret', MAGNETO_API_ACCESS_TOKEN: 'magneto-token' };
    const template = auth.response.body?.kind === 'text' ? auth.response.body.text : '';

    // As recorded, the example reads API_ACCESS_TOKEN: outside the default allow list, so empty.
    const asRecorded = renderJson(auth, auth.request, { env });
    expect(asRecorded['access_token']).toBe('');
    expect(asRecorded['request_id']).toMatch(UUID_V4);
    const validation = validateTemplate(template, {}, { env, contentType: 'application/json' });
    expect(validation.errors).toEqual([
      expect.objectContaining({
        kind: 'env-not-allowed',
        line: 1,
        column: 25,
        message: expect.stringContaining('"API_ACCESS_TOKEN"'),
      }),
    ]);

    // With a MAGNETO_* name, the default allow list lets it through.
    const renamed: HttpInteraction = {
      ...auth,
      response: {
        ...auth.response,
        body: {
          kind: 'text',
          text: template.replace('API_ACCESS_TOKEN', 'MAGNETO_API_ACCESS_TOKEN'),
        },
      },
    };
    const allowed = renderJson(renamed, auth.request, { env });
    expect(allowed).toMatchObject({
      access_token: 'magneto-token',
      token_type: 'Bearer',
      expires_in: 3600,
    });
    expectFresh(allowed['issued_at'], Date.now() - 1000);

    // Or the allow list can be widened to the recorded name.
    expect(renderJson(auth, auth.request, { env, envAllowList: ['API_*'] })['access_token']).toBe(
      'legacy-secret',
    );
  });
});
