/**
 * The whole studio in one process, without Electron: the cassette library (following the folder),
 * the proxy engine, the services, and the API server that also serves the UI. `magneto serve`
 * and the end-to-end tests start it; the desktop main builds the same pieces.
 */
import type { ProxyEngineSurface } from '../../proxy/engine/worker/proxy-engine-surface';
import { WorkerProxyEngine } from '../../proxy/engine/worker/worker-proxy-engine';
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
  /** The proxy engine, in a worker thread of its own. */
  engine: ProxyEngineSurface;
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
  const engine = new WorkerProxyEngine();
  // Its worker thread loads while the library opens; stop() ends it, started or not.
  engine.prepare();
  const library = await CassetteLibrary.open({
    cassetteDir: config.cassetteDir,
    dataDir: config.dataDir,
    watch: true,
  }).catch(async (error: unknown) => {
    await engine.stop();
    throw error;
  });
  // The engine stops (saving its recordings) before the library closes.
  const closers: Array<() => Promise<unknown>> = [() => library.close(), () => engine.stop()];
  /** Runs every closer, last first, even when one fails; throws the first failure. */
  const close = async () => {
    const failures: unknown[] = [];
    for (const closer of closers.splice(0).reverse()) {
      await closer().catch((error: unknown) => failures.push(error));
    }
    if (failures.length > 0) throw failures[0];
  };
  try {
    const templates = new TemplateLibrary({
      dataDir: config.dataDir,
      builtInDir: assets.templatesDir,
    });
    const services = await createStudioServices({ config, library, engine, templates });
    const servesUi = hasBuiltPage(assets.uiDir);
    // The proxy's worker thread starts while the API server does.
    const [proxy, api] = await Promise.allSettled([
      (options.startProxy ?? true) ? services.proxy.start() : undefined,
      startApiServer({
        services,
        host: options.host,
        port: config.apiPort,
        token: options.token,
        staticDir: servesUi ? assets.uiDir : undefined,
        playgroundDir: assets.playgroundDir,
      }),
    ]);
    if (api.status === 'fulfilled') closers.push(() => api.value.close());
    if (proxy.status === 'rejected') throw proxy.reason;
    if (api.status === 'rejected') throw api.reason;
    return { library, engine, services, api: api.value, servesUi, close };
  } catch (error) {
    await close();
    throw error;
  }
}
