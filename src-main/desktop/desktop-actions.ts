/**
 * What the desktop app's menu and dialogs do, on the running studio: import files, export the
 * library, save a file the page produced, switch the cassette folder, drive the proxy, export the
 * CA. Electron-free: the native dialogs come in as functions.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { RecordMode } from '../../proxy/cassette/cassette.model';
import type { AppInfo, OpenedFile, SaveFileRequest } from '../../src-preload/desktop-api';
import { writeFileAtomic } from '../library/atomic-write';
import type { ProxyStatusView } from '../services/proxy-service';
import type { SwitchableStudio } from '../studio/switchable-studio';

/** The native dialogs, each resolving with undefined (or []) when the user cancels. */
export interface NativeDialogs {
  chooseFilesToImport(): Promise<string[]>;
  chooseSavePath(suggestedName: string): Promise<string | undefined>;
  chooseFolder(current: string): Promise<string | undefined>;
}

export interface DesktopActionsOptions {
  studio: SwitchableStudio;
  dialogs: NativeDialogs;
  /** The launch's API token (for "Copy API address and token"). */
  token: string;
  /** Name, version and runtime versions of the app. */
  about: Pick<AppInfo, 'name' | 'version' | 'platform' | 'versions'>;
  /** Called with every folder the studio switched to (recent folders, last folder). */
  onFolderOpened(dir: string): Promise<void>;
}

export interface ImportReport {
  imported: Array<{ fileName: string; name: string; format: string }>;
  failed: Array<{ fileName: string; error: string }>;
}

/** Files larger than this are not read into memory for the page. */
export const MAX_OPENED_FILE_BYTES = 256 * 1024 * 1024;

export class DesktopActionError extends Error {
  override readonly name = 'DesktopActionError';
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class DesktopActions {
  constructor(private readonly options: DesktopActionsOptions) {}

  private get services() {
    return this.options.studio.current.services;
  }

  appInfo(): AppInfo {
    const studio = this.options.studio;
    return {
      ...this.options.about,
      cassetteDir: studio.cassetteDir,
      apiUrl: studio.current.api.url,
    };
  }

  /** The address and token other tools use to reach this studio's API. */
  apiAccess(): string {
    const url = this.options.studio.current.api.url;
    return `GraphQL API: ${url}/graphql\nAuthorization: Bearer ${this.options.token}\n`;
  }

  async readFile(file: string): Promise<OpenedFile> {
    const stats = await fs.stat(file);
    if (!stats.isFile()) throw new DesktopActionError(`${file} is not a file.`);
    if (stats.size > MAX_OPENED_FILE_BYTES) {
      throw new DesktopActionError(`${file} is larger than 256 MiB.`);
    }
    const bytes = await fs.readFile(file);
    return { fileName: path.basename(file), path: file, base64: bytes.toString('base64') };
  }

  async openCassetteFiles(): Promise<OpenedFile[]> {
    const chosen = await this.options.dialogs.chooseFilesToImport();
    const files: OpenedFile[] = [];
    for (const file of chosen) files.push(await this.readFile(file));
    return files;
  }

  /** Asks where to save, then writes the bytes (atomically); null when cancelled. */
  async saveFile(request: SaveFileRequest): Promise<string | null> {
    const target = await this.options.dialogs.chooseSavePath(request.suggestedName);
    if (target === undefined) return null;
    await writeFileAtomic(target, Buffer.from(request.base64, 'base64'));
    return target;
  }

  async chooseCassetteFolder(): Promise<string | null> {
    const dir = await this.options.dialogs.chooseFolder(this.options.studio.cassetteDir);
    return dir === undefined ? null : this.openFolder(dir);
  }

  async openFolder(dir: string): Promise<string> {
    const opened = await this.options.studio.switchFolder(dir);
    await this.options.onFolderOpened(opened);
    return opened;
  }

  /** File > Import: every chosen file imported as a new cassette; failures reported per file. */
  async importCassettes(): Promise<ImportReport> {
    const report: ImportReport = { imported: [], failed: [] };
    for (const file of await this.options.dialogs.chooseFilesToImport()) {
      const fileName = path.basename(file);
      try {
        const opened = await this.readFile(file);
        const result = await this.services.importExport.importCassette({
          content: opened.base64,
          encoding: 'base64',
          fileName,
        });
        report.imported.push({ fileName, name: result.summary.name, format: result.sourceFormat });
      } catch (error) {
        report.failed.push({ fileName, error: errorText(error) });
      }
    }
    return report;
  }

  /** File > Export: every cassette in the native format (one file, or a zip of several). */
  async exportLibrary(): Promise<string | null> {
    const names = this.options.studio.current.library.list().items.map((item) => item.name);
    if (names.length === 0) throw new DesktopActionError('The library has no cassettes to export.');
    const exported = await this.services.importExport.exportCassettes({ names, format: 'native' });
    return this.saveFile({ suggestedName: exported.fileName, base64: exported.base64 });
  }

  /** Help > Export CA certificate: the certificate (never its key) as PEM. */
  async exportCaCertificate(): Promise<string | null> {
    const ca = await this.services.proxy.caCertificate();
    const target = await this.options.dialogs.chooseSavePath('magneto-ca.pem');
    if (target === undefined) return null;
    await writeFileAtomic(target, new TextEncoder().encode(ca.pem));
    return target;
  }

  startProxy(): Promise<ProxyStatusView> {
    return this.services.proxy.start();
  }

  stopProxy(): Promise<ProxyStatusView> {
    return this.services.proxy.stop();
  }

  setMode(mode: RecordMode): Promise<ProxyStatusView> {
    return this.services.proxy.setMode(mode);
  }
}
