/**
 * The one construction of the studio's services, called by the headless entry and the desktop
 * main alike: the same objects behind GraphQL (HTTP, WebSocket, IPC), REST, health and metrics.
 */
import type { ProxyEngineSurface } from '../../proxy/engine/worker/proxy-engine-surface';
import { CustomHelperStore, CustomHelperStoreError, TemplateLibrary } from '../../proxy/templating';
import type { StudioConfig } from '../config/studio-config';
import type { CassetteLibrary } from '../library/library';
import { CassetteService } from './cassette-service';
import { HealthService } from './health-service';
import { ImportExportService } from './import-export-service';
import { LibraryRevision } from './library-revision';
import { ProxyService } from './proxy-service';
import { StatsService } from './stats-service';
import { TemplateService } from './template-service';

export interface StudioServicesOptions {
  config: StudioConfig;
  /** The opened cassette library (its owner closes it). */
  library: CassetteLibrary;
  /**
   * The proxy engine (`WorkerProxyEngine` in the studio, or `ProxyEngine`); without one, proxy
   * operations report PROXY_UNAVAILABLE.
   */
  engine?: ProxyEngineSurface;
  /** The response-template library; default the one of `config.dataDir`. */
  templates?: TemplateLibrary;
}

export interface StudioServices {
  readonly config: StudioConfig;
  readonly cassettes: CassetteService;
  readonly stats: StatsService;
  readonly importExport: ImportExportService;
  readonly proxy: ProxyService;
  readonly templates: TemplateService;
  readonly health: HealthService;
  /** Changes with every change of the library (for caches of what was read from it). */
  readonly revision: LibraryRevision;
  /** Custom helpers from the data folder that could not be registered at start. */
  readonly customHelperProblems: ReadonlyArray<{ name: string; error: string }>;
}

/** Builds the services and registers the stored custom helpers. */
export async function createStudioServices(
  options: StudioServicesOptions,
): Promise<StudioServices> {
  const { config, library, engine } = options;
  const customHelpers = new CustomHelperStore(config.dataDir);
  const failed = await loadCustomHelpers(customHelpers);
  const cassettes = new CassetteService(library);
  const proxy = new ProxyService(config, library, engine);
  const templates = options.templates ?? new TemplateLibrary({ dataDir: config.dataDir });
  return {
    config,
    cassettes,
    stats: new StatsService(library),
    importExport: new ImportExportService(library, cassettes),
    proxy,
    templates: new TemplateService(library, templates, customHelpers),
    health: new HealthService(library, proxy),
    revision: new LibraryRevision(library),
    customHelperProblems: failed,
  };
}

/** Registers the stored helpers; a file that cannot be read is reported, not fatal. */
async function loadCustomHelpers(
  store: CustomHelperStore,
): Promise<Array<{ name: string; error: string }>> {
  try {
    return (await store.load()).failed;
  } catch (error) {
    if (error instanceof CustomHelperStoreError) return [{ name: '*', error: error.message }];
    throw error;
  }
}
