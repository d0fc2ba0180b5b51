/**
 * The real headless studio for end-to-end tests, in this process: a temporary cassette folder
 * seeded with the Magneto-Serge fixtures and the import fixtures (HAR, VCR, Talkback), the studio's
 * services with a proxy engine, and the API server on 127.0.0.1 serving the built renderer.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeForStorage } from '../../../proxy/cassette/formats/registry';
import { ProxyEngine } from '../../../proxy/engine/proxy-engine';
import { resolveStudioConfig } from '../../../src-main/config/studio-config';
import { CassetteLibrary } from '../../../src-main/library/library';
import { startApiServer, type ApiServer } from '../../../src-main/server/api-server';
import {
  createStudioServices,
  type StudioServices,
} from '../../../src-main/services/studio-services';
import { MAGNETO_FIXTURES_DIR } from '../../support/fixtures';
import { syntheticCassette } from '../../support/synthetic-cassettes';
import { builtRenderer } from './build-renderer';

export const IMPORT_FIXTURES_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../fixtures/import',
);

/** Import fixtures left out of the seed, so tests can drop them. */
export const DROPPABLE_FIXTURES = ['chrome-devtools.har', 'talkback-user.json5'];

export interface E2eStudio {
  url: string;
  root: string;
  cassetteDir: string;
  library: CassetteLibrary;
  services: StudioServices;
  engine: ProxyEngine;
  server: ApiServer;
  /** Stops the API server, runs `whileDown`, and listens again on the same port. */
  restartServer(whileDown: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

export interface E2eStudioOptions {
  /** Extra synthetic cassettes ("bulk-000"…), for paging and bulk actions. */
  synthetic?: number;
  /** Cassette files written straight into the folder before it opens ("load-00000"…). */
  files?: number;
  /** A bearer token the API then requires. */
  token?: string;
}

async function seed(cassetteDir: string, files: number): Promise<void> {
  await fs.mkdir(cassetteDir, { recursive: true });
  const fixtures = (await fs.readdir(MAGNETO_FIXTURES_DIR)).filter((name) =>
    name.endsWith('.json'),
  );
  for (const name of fixtures) {
    await fs.copyFile(path.join(MAGNETO_FIXTURES_DIR, name), path.join(cassetteDir, name));
  }
  for (let index = 0; index < files; index++) {
    const name = `load-${String(index).padStart(5, '0')}`;
    const cassette = syntheticCassette(name, { interactions: 1 + (index % 3), bodySize: 60 });
    await fs.writeFile(path.join(cassetteDir, `${name}.json`), encodeForStorage(cassette, 'json'));
  }
}

async function importFixtures(services: StudioServices): Promise<void> {
  const files = (await fs.readdir(IMPORT_FIXTURES_DIR)).filter(
    (name) => !DROPPABLE_FIXTURES.includes(name),
  );
  for (const fileName of files) {
    const content = await fs.readFile(path.join(IMPORT_FIXTURES_DIR, fileName), 'utf8');
    const name = fileName.replace(/\.[^.]+$/, '');
    await services.importExport.importCassette({ content, fileName, name });
  }
}

export async function startE2eStudio(options: E2eStudioOptions = {}): Promise<E2eStudio> {
  const staticDir = await builtRenderer();
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'magneto-e2e-'));
  const cassetteDir = path.join(root, 'cassettes');
  const dataDir = path.join(root, 'data');
  await seed(cassetteDir, options.files ?? 0);
  const library = await CassetteLibrary.open({ cassetteDir, dataDir, watch: false });
  for (let index = 0; index < (options.synthetic ?? 0); index++) {
    const name = `bulk-${String(index).padStart(3, '0')}`;
    await library.create(
      name,
      syntheticCassette(name, { interactions: 1 + (index % 4), bodySize: 200 }),
    );
  }
  const engine = new ProxyEngine();
  const config = { ...resolveStudioConfig({ cassetteDir, dataDir }), apiPort: 0, proxyPort: 0 };
  const services = await createStudioServices({ config, library, engine });
  await importFixtures(services);
  await services.cassettes.update('http-basic', { tags: ['api', 'smoke'] });
  await services.cassettes.update('websocket-chat', { tags: ['ws'] });
  const listen = (port: number): Promise<ApiServer> =>
    startApiServer({
      services,
      host: '127.0.0.1',
      port,
      staticDir,
      rateLimit: false,
      token: options.token,
    });
  const studio: E2eStudio = {
    url: '',
    root,
    cassetteDir,
    library,
    services,
    engine,
    server: await listen(0),
    async restartServer(whileDown) {
      await studio.server.close();
      await whileDown();
      studio.server = await listen(studio.server.port);
    },
    async close() {
      await studio.server.close();
      await engine.stop();
      await library.close();
      await fs.rm(root, { recursive: true, force: true });
    },
  };
  studio.url = studio.server.url;
  return studio;
}
