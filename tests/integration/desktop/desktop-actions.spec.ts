/** The menu's actions on a real studio: import, export, the CA, the proxy, the API access. */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DesktopActions, type NativeDialogs } from '../../../src-main/desktop/desktop-actions';
import { SwitchableStudio } from '../../../src-main/studio/switchable-studio';

const IMPORT_FIXTURES_DIR = path.resolve(__dirname, '../../fixtures/import');
const TOKEN = 'desktop-actions-token-0123456789';
const answers: { files: string[]; savePath?: string } = { files: [] };
const dialogs: NativeDialogs = {
  chooseFilesToImport: async () => answers.files,
  chooseSavePath: async () => answers.savePath,
  chooseFolder: async () => undefined,
};

let root: string;
let studio: SwitchableStudio;
let actions: DesktopActions;

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'magneto-desktop-actions-'));
  studio = await SwitchableStudio.start({
    config: {
      cassetteDir: path.join(root, 'cassettes'),
      dataDir: path.join(root, 'data'),
      proxyPort: 0,
      apiPort: 0,
    },
    token: TOKEN,
    startProxy: false,
  });
  actions = new DesktopActions({
    studio,
    dialogs,
    token: TOKEN,
    about: {
      name: 'Magneto Studio',
      version: '0.1.0',
      platform: 'linux',
      versions: { electron: '', chrome: '', node: '' },
    },
    onFolderOpened: async () => undefined,
  });
});

afterEach(async () => {
  await studio.close();
  answers.files = [];
  delete answers.savePath;
  await fs.rm(root, { recursive: true, force: true });
});

describe('the desktop actions', () => {
  it('import the files chosen, reporting each failure', async () => {
    const broken = path.join(root, 'broken.json');
    await fs.writeFile(broken, '{ "not": "a cassette" }');
    answers.files = [
      path.join(IMPORT_FIXTURES_DIR, 'chrome-devtools.har'),
      path.join(IMPORT_FIXTURES_DIR, 'talkback-user.json5'),
      broken,
    ];
    const report = await actions.importCassettes();
    expect(report.imported.map((item) => [item.fileName, item.format])).toEqual([
      ['chrome-devtools.har', 'har'],
      ['talkback-user.json5', 'talkback'],
    ]);
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0]?.fileName).toBe('broken.json');
    expect(studio.current.library.list().items).toHaveLength(2);
  });

  it('export the whole library as one zip where the user chose', async () => {
    await expect(actions.exportLibrary()).rejects.toThrow(
      'The library has no cassettes to export.',
    );
    await studio.current.library.create('one');
    await studio.current.library.create('two');
    answers.savePath = path.join(root, 'library.zip');
    expect(await actions.exportLibrary()).toBe(answers.savePath);
    const entries = unzipSync(await fs.readFile(answers.savePath));
    expect(Object.keys(entries).sort()).toEqual(['one.json', 'two.json']);
    delete answers.savePath;
    expect(await actions.exportLibrary()).toBeNull();
  });

  it('export the CA certificate, never its key', async () => {
    answers.savePath = path.join(root, 'magneto-ca.pem');
    expect(await actions.exportCaCertificate()).toBe(answers.savePath);
    const pem = await fs.readFile(answers.savePath, 'utf8');
    expect(pem).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(pem).not.toContain('PRIVATE KEY');
  });

  it('start, reconfigure and stop the proxy', async () => {
    expect((await actions.startProxy()).running).toBe(true);
    expect((await actions.setMode('record')).mode).toBe('record');
    expect((await actions.stopProxy()).running).toBe(false);
  });

  it('give the API address and token for other tools', async () => {
    const access = actions.apiAccess();
    expect(access).toBe(
      `GraphQL API: ${studio.current.api.url}/graphql\nAuthorization: Bearer ${TOKEN}\n`,
    );
    const response = await fetch(`${studio.current.api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ query: '{ globalStats { totalCassettes } }' }),
    });
    expect(response.status).toBe(200);
  });

  it('refuse to read a folder for the page', async () => {
    await expect(actions.readFile(root)).rejects.toThrow(`${root} is not a file.`);
  });
});
