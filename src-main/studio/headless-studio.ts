/**
 * The whole studio in one process, without Electron: the cassette library (following the folder),
 * the proxy engine, the services, and the API server that also serves the UI. `magneto serve`
 * and the end-to-end tests start it; the desktop main builds the same pieces.
 */
import { ProxyEngine } from '../../proxy/engine/proxy-engine';
import { TemplateLibrary } from '../../proxy/templating';
import type { StudioConfig } from '../config/studio-config';
import { CassetteLibrary } from '../library/library';
import { startApiServer, type ApiServer } from '../server/api-server';
import { createStudioServices, type StudioServices } from '../services/studio-services';
import { hasBuiltPage, studioAssets, type StudioAssets } from './studio-assets';

export interface HeadlessStudioOptions {
  config: StudioConfig;
  /** Address of the API (default 127.0.0.1); beyond loopback a token is required. */
  host?: string;
  token?: string;
  /** Start the proxy at once (passthrough until a cassette is chosen). Default true. */
  startProxy?: boolean;
  assets?: StudioAssets;
}

export interface HeadlessStudio {
  library: CassetteLibrary;
  engine: ProxyEngine;
  services: StudioServices;
  api: ApiServer;
  /** The UI was found and is served at the API's `/`. */
  servesUi: boolean;
  /** Stops taking requests, lets in-flight writes finish, saves recordings, closes the index. */
  close(): Promise<void>;
}

export async function startHeadlessStudio(options: HeadlessStudioOptions): Promise<HeadlessStudio> {
  const { config } = options;
  const assets = options.assets ?? studioAssets();
  const library = await CassetteLibrary.open({
    cassetteDir: config.cassetteDir,
    dataDir: config.dataDir,
    watch: true,
  });
  const engine = new ProxyEngine();
  const closers: Array<() => Promise<unknown>> = [() => library.close()];
  const close = async () => {
    for (const closer of closers.splice(0).reverse()) await closer();
  };
  try {
    const templates = new TemplateLibrary({
      dataDir: config.dataDir,
      builtInDir: assets.templatesDir,
    });
    const services = await createStudioServices({ config, library, engine, templates });
    if (options.startProxy ?? true) await services.proxy.start();
    closers.push(async () => {
      if (engine.status().running) await engine.stop();
    });
    const servesUi = hasBuiltPage(assets.uiDir);
    const api = await startApiServer({
      services,
      host: options.host,
      port: config.apiPort,
      token: options.token,
      staticDir: servesUi ? assets.uiDir : undefined,
      playgroundDir: assets.playgroundDir,
    });
    closers.push(() => api.close());
    return { library, engine, services, api, servesUi, close };
  } catch (error) {
    await close();
    throw error;
  }
}
