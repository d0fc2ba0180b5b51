/** The user's template library over HTTP: save (checked), list, export, import, delete. */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gql, gqlData, startStudio } from './api-harness';

const SAVE = /* GraphQL */ `
  mutation Save($input: ResponseTemplateInput!) {
    saveResponseTemplate(input: $input) {
      id
      name
      category
      description
      contentType
      status
      headers
      body
      source
    }
  }
`;

const ORDER = {
  id: 'order-shipped',
  name: 'Order shipped',
  category: 'Orders',
  status: 200,
  headers: { 'x-order': '{{pathSegment 2}}' },
  body: '{"order": "{{pathSegment 2}}", "at": "{{now}}"}',
};

describe('template library over HTTP', () => {
  it('saves a template with defaults, lists it after the built-ins, and replaces it by id', async () => {
    const studio = await startStudio();
    const { saveResponseTemplate: saved } = await gqlData(studio.url, SAVE, { input: ORDER });
    expect(saved).toEqual({
      ...ORDER,
      description: '',
      contentType: 'application/json',
      source: 'user',
    });
    expect(await readdir(path.join(studio.dataDir, 'templates'))).toEqual(['order-shipped.json']);

    await gqlData(studio.url, SAVE, { input: { ...ORDER, name: 'Order shipped (v2)' } });
    const { responseTemplates } = await gqlData(
      studio.url,
      '{ responseTemplates { id name source } }',
    );
    const last = responseTemplates[responseTemplates.length - 1];
    expect(last).toEqual({ id: 'order-shipped', name: 'Order shipped (v2)', source: 'user' });
    expect(responseTemplates.filter((item: { source: string }) => item.source === 'user')).toEqual([
      last,
    ]);
  });

  it('refuses a broken template, a bad id and a built-in id, writing nothing', async () => {
    const studio = await startStudio();
    const broken = await gql(studio.url, SAVE, {
      input: { ...ORDER, body: '{\n  "a": "{{#each items}}"\n}' },
    });
    expect(broken.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/template error at line \d+, column \d+/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const badId = await gql(studio.url, SAVE, { input: { ...ORDER, id: 'Not Kebab' } });
    expect(badId.errors?.[0]?.message).toMatch(/kebab-case/);
    const builtIn = await gql(studio.url, SAVE, { input: { ...ORDER, id: 'server-time' } });
    expect(builtIn.errors?.[0]?.message).toMatch(/built-in template/);
    const { responseTemplates } = await gqlData(studio.url, '{ responseTemplates { source } }');
    expect(responseTemplates.some((item: { source: string }) => item.source === 'user')).toBe(
      false,
    );
  });

  it('exports user templates as JSON that imports into another studio, skipping taken ids', async () => {
    const source = await startStudio();
    await gqlData(source.url, SAVE, { input: ORDER });
    await gqlData(source.url, SAVE, { input: { ...ORDER, id: 'order-late', name: 'Late' } });
    const { exportResponseTemplates: everything } = await gqlData(
      source.url,
      '{ exportResponseTemplates }',
    );
    expect(JSON.parse(everything)).toMatchObject({
      version: 1,
      templates: [{ id: 'order-late' }, { id: 'order-shipped' }],
    });
    const { exportResponseTemplates: chosen } = await gqlData(
      source.url,
      'query($ids: [String!]) { exportResponseTemplates(ids: $ids) }',
      { ids: ['server-time'] },
    );
    expect(JSON.parse(chosen).templates.map((item: { id: string }) => item.id)).toEqual([
      'server-time',
    ]);
    const missing = await gql(source.url, '{ exportResponseTemplates(ids: ["nope"]) }');
    expect(missing.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });

    const target = await startStudio();
    await gqlData(target.url, SAVE, { input: { ...ORDER, name: 'Mine' } });
    const IMPORT =
      'mutation($json: String!, $overwrite: Boolean) { importResponseTemplates(json: $json, overwrite: $overwrite) { imported skipped } }';
    const first = await gqlData(target.url, IMPORT, { json: everything });
    expect(first.importResponseTemplates).toEqual({
      imported: ['order-late'],
      skipped: ['order-shipped'],
    });
    const names = async () =>
      (await gqlData(target.url, '{ responseTemplates { id name source } }')).responseTemplates
        .filter((item: { source: string }) => item.source === 'user')
        .map((item: { name: string }) => item.name);
    expect(await names()).toEqual(['Late', 'Mine']);
    const second = await gqlData(target.url, IMPORT, { json: everything, overwrite: true });
    expect(second.importResponseTemplates.imported).toEqual(['order-late', 'order-shipped']);
    expect(await names()).toEqual(['Late', 'Order shipped']);

    const invalid = await gql(target.url, IMPORT, { json: '{"version": 1, "templates": [{}]}' });
    expect(invalid.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(await names()).toEqual(['Late', 'Order shipped']);
  });

  it('deletes user templates, never built-ins', async () => {
    const studio = await startStudio();
    await gqlData(studio.url, SAVE, { input: ORDER });
    const DELETE = 'mutation($id: String!) { deleteResponseTemplate(id: $id) }';
    expect(
      (await gqlData(studio.url, DELETE, { id: 'order-shipped' })).deleteResponseTemplate,
    ).toBe(true);
    expect(
      (await gqlData(studio.url, DELETE, { id: 'order-shipped' })).deleteResponseTemplate,
    ).toBe(false);
    expect(await readdir(path.join(studio.dataDir, 'templates'))).toEqual([]);
    const builtIn = await gql(studio.url, DELETE, { id: 'server-time' });
    expect(builtIn.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/built-in/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
