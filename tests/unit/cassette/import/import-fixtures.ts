/** Sample files of foreign formats in tests/fixtures/import/, parsed as the container layer would. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSON5 from 'json5';
import YAML from 'yaml';
import { vcrYamlTags } from '../../../../proxy/cassette/formats/vcr-yaml-tags';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Absolute path of a sample file, e.g. `importFixture('chrome-devtools.har')`. */
export function importFixture(name: string): string {
  return path.resolve(here, '../../../fixtures/import', name);
}

function text(name: string): string {
  return fs.readFileSync(importFixture(name), 'utf8');
}

export function readJsonFixture(name: string): unknown {
  return JSON.parse(text(name));
}

export function readJson5Fixture(name: string): unknown {
  return JSON5.parse(text(name));
}

export function readYamlFixture(name: string): unknown {
  return YAML.parse(text(name), { customTags: vcrYamlTags });
}
