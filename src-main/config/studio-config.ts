/**
 * The studio's configuration, resolved once from CLI flags, then environment variables, then
 * defaults. Names: MAGNETO_CASSETTE_DIR, MAGNETO_DATA_DIR, MAGNETO_PROXY_PORT, MAGNETO_API_PORT,
 * and MAGNETO_PROXY_HOST (the proxy's address, 127.0.0.1 unless set: 0.0.0.0 in the Docker image).
 */
import os from 'node:os';
import path from 'node:path';

export interface StudioConfig {
  /** Folder of cassette files, the source of truth. */
  cassetteDir: string;
  /** Folder for the index, the CA, settings and custom helpers. */
  dataDir: string;
  proxyPort: number;
  apiPort: number;
  /** Address the proxy listens on; the engine's default (127.0.0.1) when absent. */
  proxyHost?: string;
}

export interface ConfigFlags {
  cassetteDir?: string;
  dataDir?: string;
  proxyPort?: string | number;
  apiPort?: string | number;
}

export const DEFAULT_PROXY_PORT = 8888;
export const DEFAULT_API_PORT = 8889;

/** The OS's usual folder for an application's data. */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (platform === 'win32') {
    return path.win32.join(
      env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'),
      'Magneto Studio',
    );
  }
  if (platform === 'darwin') {
    return path.posix.join(home, 'Library', 'Application Support', 'Magneto Studio');
  }
  const xdg = env.XDG_DATA_HOME;
  return path.posix.join(
    xdg && xdg.length > 0 ? xdg : path.posix.join(home, '.local', 'share'),
    'magneto-studio',
  );
}

/** A TCP port from a flag or variable, with the name of its source in the error. */
export function parsePort(value: string | number, source: string): number {
  const port = typeof value === 'number' ? value : Number(value.trim());
  if (!Number.isInteger(port) || port < 0 || port > 65535 || String(value).trim() === '') {
    throw new Error(`${source} must be a port number from 0 to 65535, got "${value}"`);
  }
  return port;
}

function pick(flag: string | undefined, env: string | undefined): string | undefined {
  if (flag !== undefined && flag !== '') return flag;
  return env !== undefined && env !== '' ? env : undefined;
}

/** Flags win over environment variables, which win over the configuration file, then defaults. */
export function resolveStudioConfig(
  flags: ConfigFlags = {},
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
  file: Partial<StudioConfig> = {},
): StudioConfig {
  const cassetteDir =
    pick(flags.cassetteDir, env.MAGNETO_CASSETTE_DIR) ?? file.cassetteDir ?? 'cassettes';
  const dataDir = pick(flags.dataDir, env.MAGNETO_DATA_DIR) ?? file.dataDir ?? defaultDataDir(env);
  const port = (flag: string | number | undefined, name: string, fallback: number): number => {
    if (flag !== undefined) return parsePort(flag, `--${name.toLowerCase().replace(/_/g, '-')}`);
    const fromEnv = env[`MAGNETO_${name}`];
    return fromEnv !== undefined && fromEnv !== ''
      ? parsePort(fromEnv, `MAGNETO_${name}`)
      : fallback;
  };
  const proxyHost = env.MAGNETO_PROXY_HOST;
  return {
    ...(proxyHost !== undefined && proxyHost !== '' ? { proxyHost } : {}),
    cassetteDir: path.resolve(cwd, cassetteDir),
    dataDir: path.resolve(cwd, dataDir),
    proxyPort: port(flags.proxyPort, 'PROXY_PORT', file.proxyPort ?? DEFAULT_PROXY_PORT),
    apiPort: port(flags.apiPort, 'API_PORT', file.apiPort ?? DEFAULT_API_PORT),
  };
}
