/**
 * YAML tags VCR cassettes use beyond the core schema. VCR.py writes bytes as `!!binary`, which the
 * `yaml` package reads by default; Ruby's Psych writes binary strings with its local `!binary` tag.
 * Pass `vcrYamlTags` as `customTags` when parsing YAML so both become bytes.
 */
import type { ScalarTag } from 'yaml';

const rubyBinaryTag: ScalarTag = {
  tag: '!binary',
  resolve: (base64: string) => Buffer.from(base64, 'base64'),
};

export const vcrYamlTags: ScalarTag[] = [rubyBinaryTag];
