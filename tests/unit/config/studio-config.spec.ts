import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  defaultDataDir,
  parsePort,
  resolveStudioConfig,
} from '../../../src-main/config/studio-config';

describe('studio configuration', () => {
  it('uses defaults when nothing is set', () => {
    const config = resolveStudioConfig({}, { HOME: '/home/ada' }, '/work/project');
    expect(config.cassetteDir).toBe('/work/project/cassettes');
    expect(config.proxyPort).toBe(8888);
    expect(config.apiPort).toBe(8889);
    expect(path.isAbsolute(config.dataDir)).toBe(true);
  });

  it('reads the environment, and flags win over it', () => {
    const env = {
      MAGNETO_CASSETTE_DIR: 'env-cassettes',
      MAGNETO_DATA_DIR: '/var/lib/magneto',
      MAGNETO_PROXY_PORT: '9000',
      MAGNETO_API_PORT: '9001',
    };
    expect(resolveStudioConfig({}, env, '/w')).toEqual({
      cassetteDir: '/w/env-cassettes',
      dataDir: '/var/lib/magneto',
      proxyPort: 9000,
      apiPort: 9001,
    });
    expect(
      resolveStudioConfig({ cassetteDir: '/c', proxyPort: '7000', apiPort: 7001 }, env, '/w'),
    ).toEqual({
      cassetteDir: '/c',
      dataDir: '/var/lib/magneto',
      proxyPort: 7000,
      apiPort: 7001,
    });
  });

  it('refuses ports that are not ports, naming where they came from', () => {
    expect(() => resolveStudioConfig({}, { MAGNETO_PROXY_PORT: 'http' }, '/w')).toThrow(
      'MAGNETO_PROXY_PORT must be a port number from 0 to 65535, got "http"',
    );
    expect(() => parsePort('70000', '--api-port')).toThrow('--api-port must be a port number');
    expect(() => parsePort(' ', '--api-port')).toThrow('--api-port');
    expect(() => resolveStudioConfig({ apiPort: '1.5' }, {}, '/w')).toThrow('--api-port');
  });

  it('picks the OS data folder', () => {
    expect(defaultDataDir({}, 'linux', '/home/ada')).toBe('/home/ada/.local/share/magneto-studio');
    expect(defaultDataDir({ XDG_DATA_HOME: '/xdg' }, 'linux', '/home/ada')).toBe(
      '/xdg/magneto-studio',
    );
    expect(defaultDataDir({}, 'darwin', '/Users/ada')).toBe(
      '/Users/ada/Library/Application Support/Magneto Studio',
    );
    expect(
      defaultDataDir({ APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ada'),
    ).toBe('C:\\Users\\ada\\AppData\\Roaming\\Magneto Studio');
    expect(defaultDataDir({}, 'win32', 'C:\\Users\\ada')).toBe(
      'C:\\Users\\ada\\AppData\\Roaming\\Magneto Studio',
    );
  });
});
