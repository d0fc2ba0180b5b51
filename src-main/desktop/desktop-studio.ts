/**
 * The studio the desktop app runs: its configuration (the cassette folder from
 * MAGNETO_CASSETTE_DIR, else the one open last if it still exists, else `<Documents>/Magneto Studio/cassettes`; the
 * data folder shared with the `magneto` CLI) and its start, which does not give up when a port is
 * taken (say by `magneto serve`): the API then takes a free port and the proxy waits to be started.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { resolveStudioConfig, type StudioConfig } from '../config/studio-config';
import { SwitchableStudio } from '../studio/switchable-studio';
import type { DesktopState } from './desktop-state';

export interface DesktopConfigInput {
  env: NodeJS.ProcessEnv;
  state: DesktopState;
  documentsDir: string;
}

export function desktopStudioConfig({
  env,
  state,
  documentsDir,
}: DesktopConfigInput): StudioConfig {
  const fromEnv = env.MAGNETO_CASSETTE_DIR !== undefined && env.MAGNETO_CASSETTE_DIR !== '';
  // A remembered folder that was deleted since is not created again: the default is used instead.
  const remembered =
    state.cassetteDir !== undefined && existsSync(state.cassetteDir)
      ? state.cassetteDir
      : undefined;
  const cassetteDir = fromEnv
    ? undefined
    : (remembered ?? path.join(documentsDir, 'Magneto Studio', 'cassettes'));
  return resolveStudioConfig({ cassetteDir }, env, documentsDir);
}

/** A token for this launch only: the API on localhost requires it, the window gets it. */
export function launchToken(): string {
  return randomBytes(24).toString('base64url');
}

export interface DesktopStudioStart {
  studio: SwitchableStudio;
  /** Set when a port was taken and the studio started without it. */
  warning?: string;
}

function portTaken(error: unknown): boolean {
  return /EADDRINUSE|address already in use/iu.test(
    error instanceof Error ? error.message : String(error),
  );
}

export async function startDesktopStudio(
  config: StudioConfig,
  token: string,
): Promise<DesktopStudioStart> {
  try {
    return { studio: await SwitchableStudio.start({ config, token }) };
  } catch (error) {
    if (!portTaken(error)) throw error;
    const studio = await SwitchableStudio.start({
      config: { ...config, apiPort: 0 },
      token,
      startProxy: false,
    });
    return {
      studio,
      warning: `${error instanceof Error ? error.message : String(error)}. The API listens on ${studio.current.api.url} instead, and the proxy is stopped: start it from the Proxy menu once port ${config.proxyPort} is free.`,
    };
  }
}
