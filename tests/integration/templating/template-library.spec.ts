import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderResponseTemplates } from '../../../proxy/templating/response-templates';
import { TemplateLibrary } from '../../../proxy/templating/template-library';
import { TemplateDefinitionError } from '../../../proxy/templating/template-schema';
import { BUILT_IN_TEMPLATE_CATEGORIES } from '../../../proxy/templating/templating.model';
import type { ResponseTemplate, TemplateRequest } from '../../../proxy/templating/templating.model';
import { validateTemplate } from '../../../proxy/templating/validate-template';

const builtInDir = fileURLToPath(new URL('../../../resources/templates', import.meta.url));

const requests: TemplateRequest[] = [
  { method: 'GET', url: '/api/users?page=3&limit=4&count=2', headers: {}, body: null },
  {
    method: 'POST',
    url: 'https://api.example.com/oauth/token',
    headers: { 'content-type': 'application/json', 'x-user-id': 'u-1', 'x-request-id': 'req-9' },
    body: '{"username":"ada","scope":"read write","type":"user.created","email":"nope","name":"Widget"}',
  },
  {
    method: 'POST',
    url: '/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  },
];

const custom: ResponseTemplate = {
  id: 'my-greeting',
  name: 'Greeting',
  category: 'Custom',
  description: 'Says hello',
  contentType: 'application/json',
  body: '{"hello": {{toJson (default request.query.name "world")}}}',
};

describe('TemplateLibrary', () => {
  let dataDir: string;
  let library: TemplateLibrary;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'magneto-templates-'));
    library = new TemplateLibrary({ dataDir, builtInDir });
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('ships built-in templates in every category, each valid and rendering valid JSON', async () => {
    const builtIns = await library.listBuiltIns();
    expect(new Set(builtIns.map((template) => template.category))).toEqual(
      new Set(BUILT_IN_TEMPLATE_CATEGORIES),
    );
    for (const template of builtIns) {
      expect(template.source).toBe('builtin');
      const validation = validateTemplate(
        template.body,
        { request: requests[1] },
        { contentType: template.contentType },
      );
      expect(validation.errors, template.id).toEqual([]);
      for (const request of requests) {
        const response = {
          status: template.status ?? 200,
          headers: { 'content-type': template.contentType, ...template.headers },
          body: { kind: 'text' as const, text: template.body },
        };
        const result = renderResponseTemplates(response, request);
        if ('error' in result) throw new Error(`${template.id}: ${result.error.message}`);
        const { body } = result.response;
        const text = body?.kind === 'text' ? body.text : '';
        expect(() => JSON.parse(text), `${template.id} for ${request.url}: ${text}`).not.toThrow();
        for (const value of Object.values(result.response.headers))
          expect(String(value)).not.toContain('{{');
      }
    }
  });

  it('saves, lists, gets and deletes user templates', async () => {
    const saved = await library.save(custom);
    expect(saved).toEqual({ ...custom, source: 'user' });
    const file = path.join(dataDir, 'templates', 'my-greeting.json');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(custom);
    const all = await library.list();
    expect(all.at(-1)).toEqual(saved);
    expect(all.filter((template) => template.source === 'builtin').length).toBeGreaterThanOrEqual(
      12,
    );
    expect(await library.get('my-greeting')).toEqual(saved);
    expect(await library.delete('my-greeting')).toBe(true);
    expect(await library.delete('my-greeting')).toBe(false);
    expect(await library.get('my-greeting')).toBeUndefined();
  });

  it('refuses invalid templates with a clear error and writes nothing', async () => {
    await expect(library.save({ ...custom, id: 'Not Kebab' })).rejects.toThrow(
      /id: must be kebab-case/,
    );
    await expect(library.save({ ...custom, extra: 1 })).rejects.toThrow(TemplateDefinitionError);
    await expect(library.save({ ...custom, body: '{{#if x}}' })).rejects.toThrow(
      /template error at line 1/,
    );
    await expect(library.save({ ...custom, body: '{{nope 1}}' })).rejects.toThrow(
      /unknown helper "nope"/,
    );
    await expect(library.save({ ...custom, headers: { 'x-a': '{{oops 1}}' } })).rejects.toThrow(
      /unknown helper "oops"/,
    );
    await expect(library.save({ ...custom, id: 'oauth-token' })).rejects.toThrow(
      /built-in template/,
    );
    await expect(library.delete('oauth-token')).rejects.toThrow(/cannot be deleted/);
    expect((await library.list()).some((template) => template.source === 'user')).toBe(false);
  });

  it('exports and imports templates as JSON, all or nothing', async () => {
    await library.save(custom);
    const exported = await library.exportTemplates();
    expect(JSON.parse(exported)).toEqual({ version: 1, templates: [custom] });
    expect(JSON.parse(await library.exportTemplates(['oauth-token'])).templates[0].id).toBe(
      'oauth-token',
    );
    await expect(library.exportTemplates(['missing'])).rejects.toThrow(
      /no template with id missing/,
    );

    const other = new TemplateLibrary({ dataDir: path.join(dataDir, 'other'), builtInDir });
    expect(await other.importTemplates(exported)).toEqual({
      imported: ['my-greeting'],
      skipped: [],
    });
    expect(await other.importTemplates(exported)).toEqual({
      imported: [],
      skipped: ['my-greeting'],
    });
    const changed = JSON.stringify({ version: 1, templates: [{ ...custom, name: 'Changed' }] });
    expect(await other.importTemplates(changed, { overwrite: true })).toEqual({
      imported: ['my-greeting'],
      skipped: [],
    });
    expect((await other.get('my-greeting'))?.name).toBe('Changed');

    const mixed = JSON.stringify({
      version: 1,
      templates: [
        { ...custom, id: 'fine' },
        { ...custom, id: 'bad', body: '{{#each}}' },
      ],
    });
    await expect(other.importTemplates(mixed)).rejects.toThrow(/template 2 \("bad"\)/);
    expect(await other.get('fine')).toBeUndefined();
    await expect(other.importTemplates('{"version": 2, "templates": []}')).rejects.toThrow(
      /the import is not a valid template: version/,
    );
    await expect(other.importTemplates('nope')).rejects.toThrow(/not valid JSON/);
  });

  it('reports unreadable user files and leaves them in place', async () => {
    await library.save(custom);
    const broken = path.join(dataDir, 'templates', 'broken.json');
    await writeFile(broken, '{"id": "broken"');
    const scan = await library.scan();
    expect(
      scan.templates.filter((template) => template.source === 'user').map((t) => t.id),
    ).toEqual(['my-greeting']);
    expect(scan.problems).toEqual([expect.stringContaining('broken.json is not valid JSON')]);
    expect(await readFile(broken, 'utf8')).toBe('{"id": "broken"');
  });
});
