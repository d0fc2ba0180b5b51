/** The committed GraphQL types are what `npm run codegen` makes of the schema and the documents. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import config, { GENERATED_FILE } from '../../../codegen';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('GraphQL code generation', () => {
  it('the committed generated file is up to date (run `npm run codegen` when this fails)', async () => {
    const outputs = await generate({ ...config, cwd: REPO, hooks: {}, silent: true }, false);
    const output = outputs.find(
      (file: { filename: string; content: string }) =>
        path.resolve(REPO, file.filename) === path.join(REPO, GENERATED_FILE),
    );
    expect(output).toBeDefined();
    const target = path.join(REPO, GENERATED_FILE);
    const options = (await prettier.resolveConfig(target)) ?? {};
    const expected = await prettier.format(output?.content ?? '', { ...options, filepath: target });
    expect(await fs.readFile(target, 'utf8')).toBe(expected);
  }, 60_000);
});
