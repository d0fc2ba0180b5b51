import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  HELPER_EXAMPLE_OPTIONS,
  HELPER_EXAMPLE_REQUEST,
} from '../../../proxy/templating/helper-example-context';
import { listTemplateHelpers } from '../../../proxy/templating/helper-registry';
import { renderTemplate } from '../../../proxy/templating/render-template';
import { SequenceCounters } from '../../../proxy/templating/sequence-counters';
import { validateTemplate } from '../../../proxy/templating/validate-template';

const helpersDir = fileURLToPath(new URL('../../../proxy/templating/helpers', import.meta.url));

function helperFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? helperFiles(full) : [full];
  });
}

const examples = listTemplateHelpers().flatMap((helper) =>
  helper.examples.map((example, index) => ({ helper: helper.name, index, ...example })),
);

describe('helper documentation', () => {
  it('lists every helper once, with serialisable metadata only', () => {
    const helpers = listTemplateHelpers();
    const names = helpers.map((helper) => helper.name);
    expect(new Set(names).size).toBe(names.length);
    expect(JSON.parse(JSON.stringify(helpers))).toEqual(helpers);
    for (const helper of helpers) {
      expect(helper.description.length, helper.name).toBeGreaterThan(10);
      expect(helper.examples.length, helper.name).toBeGreaterThan(0);
      expect(helper.signature, helper.name).toContain(helper.name);
    }
  });

  it('registers one helper per file of helpers/<category>/', () => {
    const files = helperFiles(helpersDir).filter(
      (file) => !file.includes(`${path.sep}control${path.sep}`),
    );
    const builtIns = listTemplateHelpers().filter((helper) => helper.category !== 'control');
    expect(builtIns).toHaveLength(files.length);
    for (const file of files) {
      expect(path.basename(path.dirname(file))).toMatch(/^[a-z]+$/);
    }
    const categories = new Set(builtIns.map((helper) => helper.category));
    for (const category of [
      'dates',
      'ids',
      'random',
      'fake',
      'request',
      'json',
      'strings',
      'encoding',
      'math',
      'logic',
      'collections',
      'jwt',
      'environment',
    ]) {
      expect(categories).toContain(category);
    }
  });

  it.each(examples)('$helper example $index renders as documented: $template', (example) => {
    const options = { ...HELPER_EXAMPLE_OPTIONS, sequences: new SequenceCounters() };
    const output = renderTemplate(example.template, HELPER_EXAMPLE_REQUEST, options);
    if (example.output !== undefined) expect(output).toBe(example.output);
    else expect(output.length).toBeGreaterThan(0);
    const validation = validateTemplate(
      example.template,
      { request: HELPER_EXAMPLE_REQUEST },
      options,
    );
    expect(validation.errors.filter((error) => error.kind !== 'env-not-allowed')).toEqual([]);
  });
});
