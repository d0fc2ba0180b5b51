/** Template queries and mutations over HTTP: helpers, validation, custom helpers, applying. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gql, gqlData, startStudio } from './api-harness';

const APPLY = /* GraphQL */ `
  mutation Apply($input: ApplyTemplateInput!) {
    applyTemplate(input: $input) {
      applied
      preview
      results {
        interactionId
        ok
        before
        after
        diff
        rendered
        error
      }
    }
  }
`;

async function cassetteWithTwoInteractions(url: string): Promise<string[]> {
  const interaction = (id: number) => ({
    kind: 'Http',
    request: { method: 'GET', url: `https://api.example.com/users/${id}` },
    response: { status: 200, headers: { 'content-type': 'text/plain' }, body: `user ${id}` },
  });
  const { createCassette } = await gqlData(
    url,
    'mutation($input: CreateCassetteInput!) { createCassette(input: $input) { interactions { id } } }',
    { input: { name: 'users', interactions: [interaction(1), interaction(2)] } },
  );
  return createCassette.interactions.map((item: { id: string }) => item.id);
}

describe('templates over HTTP', () => {
  it('lists the helpers with syntax and examples', async () => {
    const studio = await startStudio();
    const { templateHelpers } = await gqlData(
      studio.url,
      '{ templateHelpers { name category syntax description example examples { template output } block custom } }',
    );
    const names = templateHelpers.map((helper: { name: string }) => helper.name);
    expect(names).toEqual(expect.arrayContaining(['now', 'uuid', 'each']));
    const uuid = templateHelpers.find((helper: { name: string }) => helper.name === 'uuid');
    expect(uuid).toMatchObject({ custom: false, block: false });
    expect(uuid.syntax.length).toBeGreaterThan(0);
    expect(uuid.example).toBe(uuid.examples[0]?.template ?? '');
  });

  it('validates a template with sample data and reports errors with positions', async () => {
    const studio = await startStudio();
    const query =
      'query($t: String!, $s: JSON, $c: String) { validateTemplate(template: $t, sampleData: $s, contentType: $c) { valid preview usedVariables errors { kind message line column origin } } }';
    const ok = await gqlData(studio.url, query, {
      t: '{"method":"{{request.method}}","id":"{{queryParam "id"}}"}',
      s: { request: { method: 'POST', url: '/users?id=7' } },
      c: 'application/json',
    });
    expect(ok.validateTemplate).toMatchObject({
      valid: true,
      preview: '{"method":"POST","id":"7"}',
      errors: [],
    });
    const broken = await gqlData(studio.url, query, { t: 'x\n{{#if}}', s: null, c: null });
    expect(broken.validateTemplate.valid).toBe(false);
    expect(broken.validateTemplate.errors[0]).toMatchObject({ kind: 'syntax', origin: 'template' });
    const unknown = await gqlData(studio.url, query, { t: '{{nosuchhelper 1}}' });
    expect(unknown.validateTemplate.errors[0]).toMatchObject({ kind: 'unknown-helper', line: 1 });
    const badSample = await gql(studio.url, query, { t: 'x', s: { request: 'nope' } });
    expect(badSample.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('registers a custom helper (stored in the data folder), uses it, and removes it', async () => {
    const studio = await startStudio();
    const registered = await gqlData(
      studio.url,
      'mutation { registerCustomHelper(name: "shout", code: "(args) => String(args[0]).toUpperCase()", description: "Upper case") { name category custom description } }',
    );
    expect(registered.registerCustomHelper).toEqual({
      name: 'shout',
      category: 'custom',
      custom: true,
      description: 'Upper case',
    });
    const stored = JSON.parse(
      await readFile(path.join(studio.dataDir, 'custom-helpers.json'), 'utf8'),
    );
    expect(stored.helpers.map((helper: { name: string }) => helper.name)).toEqual(['shout']);
    const rendered = await gqlData(
      studio.url,
      '{ validateTemplate(template: "{{shout \\"hi\\"}}") { valid preview } }',
    );
    expect(rendered.validateTemplate).toEqual({ valid: true, preview: 'HI' });
    const badCode = await gql(
      studio.url,
      'mutation { registerCustomHelper(name: "bad", code: "42") { name } }',
    );
    expect(badCode.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await gqlData(studio.url, 'mutation { removeCustomHelper(name: "shout") }')).toEqual({
      removeCustomHelper: true,
    });
    expect(await gqlData(studio.url, 'mutation { removeCustomHelper(name: "shout") }')).toEqual({
      removeCustomHelper: false,
    });
  });

  it('previews a template on several interactions without writing, then applies it', async () => {
    const studio = await startStudio();
    const ids = await cassetteWithTwoInteractions(studio.url);
    const template = { body: '{"path":"{{request.path}}"}', contentType: 'application/json' };
    const preview = await gqlData(studio.url, APPLY, {
      input: { cassetteName: 'users', interactionIds: ids, template, preview: true },
    });
    expect(preview.applyTemplate).toMatchObject({ applied: 0, preview: true });
    expect(
      preview.applyTemplate.results.map((result: { rendered: string }) => result.rendered),
    ).toEqual(['{"path":"/users/1"}', '{"path":"/users/2"}']);
    expect(preview.applyTemplate.results[0].diff).toContain('+{"path":"{{request.path}}"}');
    const untouched = await gqlData(
      studio.url,
      '{ cassette(name: "users") { interactions { response { body hasTemplates } } } }',
    );
    expect(untouched.cassette.interactions[0].response).toEqual({
      body: 'user 1',
      hasTemplates: false,
    });

    const applied = await gqlData(studio.url, APPLY, {
      input: { cassetteName: 'users', interactionIds: [ids[0], 'missing'], template },
    });
    expect(applied.applyTemplate.applied).toBe(1);
    expect(applied.applyTemplate.results[1]).toMatchObject({ interactionId: 'missing', ok: false });
    const after = await gqlData(
      studio.url,
      '{ cassette(name: "users") { interactions { id response { body headers hasTemplates } } } }',
    );
    expect(after.cassette.interactions[0].response).toMatchObject({
      body: '{"path":"{{request.path}}"}',
      headers: { 'content-type': 'application/json' },
      hasTemplates: true,
    });
    expect(after.cassette.interactions[1].response.body).toBe('user 2');
  });

  it('applies a library template by id and lists the library', async () => {
    const studio = await startStudio();
    const ids = await cassetteWithTwoInteractions(studio.url);
    const { responseTemplates } = await gqlData(
      studio.url,
      '{ responseTemplates { id category source body } }',
    );
    expect(responseTemplates.length).toBeGreaterThan(5);
    const builtIn = responseTemplates[0];
    expect(builtIn.source).toBe('builtin');
    const result = await gqlData(studio.url, APPLY, {
      input: { cassetteName: 'users', interactionIds: [ids[1]], templateId: builtIn.id },
    });
    expect(result.applyTemplate.applied).toBe(1);
    const neither = await gql(studio.url, APPLY, {
      input: { cassetteName: 'users', interactionIds: [ids[1]] },
    });
    expect(neither.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await gql(studio.url, APPLY, {
      input: { cassetteName: 'users', interactionIds: [ids[1]], templateId: 'no-such-template' },
    });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      templateId: 'no-such-template',
    });
  });
});
