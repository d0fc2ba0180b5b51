import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfigFile } from '../../../src-main/config/config-file';
import { resolveStudioConfig } from '../../../src-main/config/studio-config';

describe('configuration file', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'magneto-config-'));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  async function write(name: string, text: string): Promise<string> {
    const file = path.join(dir, name);
    await fs.writeFile(file, text);
    return file;
  }

  it('is read, and sits below environment variables and flags', async () => {
    const file = await readConfigFile(
      await write(
        'ok.json',
        JSON.stringify({ cassetteDir: 'from-file', proxyPort: 7001, apiPort: 7002 }),
      ),
    );
    expect(resolveStudioConfig({}, {}, '/w', file)).toMatchObject({
      cassetteDir: '/w/from-file',
      proxyPort: 7001,
      apiPort: 7002,
    });
    expect(
      resolveStudioConfig({ apiPort: 9 }, { MAGNETO_PROXY_PORT: '8' }, '/w', file),
    ).toMatchObject({
      cassetteDir: '/w/from-file',
      proxyPort: 8,
      apiPort: 9,
    });
  });

  it('names the file and the field when something is wrong', async () => {
    await expect(readConfigFile(path.join(dir, 'absent.json'))).rejects.toThrow(
      /cannot read the configuration file .*absent\.json/,
    );
    const broken = await write('broken.json', '{ "apiPort": ');
    await expect(readConfigFile(broken)).rejects.toThrow(`${broken} is not JSON`);
    const badPort = await write('port.json', '{ "apiPort": "eighty" }');
    await expect(readConfigFile(badPort)).rejects.toThrow(`${badPort}: apiPort:`);
    const unknown = await write('unknown.json', '{ "colour": "blue" }');
    await expect(readConfigFile(unknown)).rejects.toThrow(/colour/);
    const shortToken = await write('token.json', '{ "token": "short" }');
    await expect(readConfigFile(shortToken)).rejects.toThrow(
      'token: a token needs at least 16 characters',
    );
  });
});
