import { describe, expect, it } from 'vitest';
import { readCassetteFileSync } from '../../../../proxy/cassette/formats/registry';
import { importFixture } from './import-fixtures';

describe('sample files through the registry', () => {
  it.each([
    ['chrome-devtools.har', 'har', 'json', 6],
    ['polly-recording.har', 'har', 'json', 3],
    ['vcrpy-cassette.yaml', 'vcr', 'yaml', 3],
    ['ruby-vcr-cassette.yml', 'vcr', 'yaml', 3],
    ['talkback-user.json5', 'talkback', 'json5', 1],
    ['talkback-upload.json5', 'talkback', 'json5', 1],
  ] as const)('%s is read as %s in %s', (name, format, container, count) => {
    const decoded = readCassetteFileSync(importFixture(name));
    expect(decoded.format).toBe(format);
    expect(decoded.container).toBe(container);
    expect(decoded.cassette.interactions).toHaveLength(count);
  });

  it('reads Ruby `!binary` bodies as bytes, not as their base64 text', () => {
    const { cassette } = readCassetteFileSync(importFixture('ruby-vcr-cassette.yml'));
    const first = cassette.interactions[0];
    expect(first?.type === 'Http' && first.response.body?.contentEncoding).toBe('gzip');
  });
});
