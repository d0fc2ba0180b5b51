/**
 * Keeps the application menu in line with the studio (proxy started or stopped, mode, folder,
 * recent folders) and runs its actions, reporting failures in a message box.
 */
import { clipboard, dialog, Menu, shell } from 'electron';
import type { RecordMode } from '../../proxy/cassette/cassette.model';
import type { SwitchableStudio } from '../studio/switchable-studio';
import { buildMenuTemplate, type MenuActions } from './app-menu';
import type { DesktopActions, ImportReport } from './desktop-actions';

export interface MenuControllerOptions {
  appName: string;
  studio: SwitchableStudio;
  actions: DesktopActions;
  recentFolders(): readonly string[];
  documentationPath: string;
}

function importMessage(report: ImportReport): string {
  const lines = report.imported.map((item) => `✓ ${item.fileName} → ${item.name} (${item.format})`);
  for (const failure of report.failed) lines.push(`✗ ${failure.fileName}: ${failure.error}`);
  return lines.join('\n');
}

export class MenuController {
  private stopWatching: () => void = () => undefined;

  constructor(private readonly options: MenuControllerOptions) {
    options.studio.on('started', () => this.watchProxy());
    this.watchProxy();
  }

  refresh(): void {
    const { studio, appName } = this.options;
    const proxy = this.proxyStatus();
    const template = buildMenuTemplate(
      {
        platform: process.platform,
        appName,
        cassetteDir: studio.cassetteDir,
        recentFolders: this.options.recentFolders(),
        proxy: { available: proxy.available, running: proxy.running, mode: proxy.mode },
      },
      this.menuActions(),
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  /** The proxy's state, or an unavailable proxy while no studio runs (a switch that failed). */
  private proxyStatus(): { available: boolean; running: boolean; mode: RecordMode } {
    try {
      return this.options.studio.current.services.proxy.status();
    } catch {
      return { available: false, running: false, mode: 'auto' };
    }
  }

  /** Rebuilds the menu whenever the current studio's proxy changes state. */
  private watchProxy(): void {
    this.stopWatching();
    const engine = this.options.studio.current.engine;
    const onStatus = () => this.refresh();
    engine.on('status', onStatus);
    this.stopWatching = () => engine.off('status', onStatus);
    this.refresh();
  }

  private run(title: string, work: () => Promise<unknown>): void {
    work()
      .catch((error: unknown) =>
        dialog.showErrorBox(title, error instanceof Error ? error.message : String(error)),
      )
      .finally(() => this.refresh());
  }

  private menuActions(): MenuActions {
    const { actions } = this.options;
    return {
      importCassettes: () =>
        this.run('Import failed', async () => {
          const report = await actions.importCassettes();
          if (report.imported.length + report.failed.length === 0) return;
          await dialog.showMessageBox({
            type: report.failed.length === 0 ? 'info' : 'warning',
            message: `Imported ${report.imported.length} of ${report.imported.length + report.failed.length} files`,
            detail: importMessage(report),
          });
        }),
      exportLibrary: () => this.run('Export failed', () => actions.exportLibrary()),
      chooseCassetteFolder: () =>
        this.run('Cannot open the folder', () => actions.chooseCassetteFolder()),
      openRecentFolder: (dir) => this.run('Cannot open the folder', () => actions.openFolder(dir)),
      showCassetteFolder: () =>
        this.run('Cannot show the folder', async () => {
          const problem = await shell.openPath(this.options.studio.cassetteDir);
          if (problem !== '') throw new Error(problem);
        }),
      startProxy: () => this.run('Cannot start the proxy', () => actions.startProxy()),
      stopProxy: () => this.run('Cannot stop the proxy', () => actions.stopProxy()),
      setMode: (mode) => this.run('Cannot change the mode', () => actions.setMode(mode)),
      openDocumentation: () =>
        this.run('Cannot open the documentation', async () => {
          const problem = await shell.openPath(this.options.documentationPath);
          if (problem !== '') throw new Error(problem);
        }),
      exportCaCertificate: () =>
        this.run('Cannot export the CA certificate', () => actions.exportCaCertificate()),
      copyApiAccess: () => clipboard.writeText(actions.apiAccess()),
    };
  }
}
