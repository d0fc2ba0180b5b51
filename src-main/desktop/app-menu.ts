/**
 * The application menu as a template, built from what it shows (proxy state, recent folders) and
 * the actions it triggers. Electron-free: the main process hands it to Menu.buildFromTemplate, the
 * tests read it.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { RECORD_MODES, type RecordMode } from '../../proxy/cassette/cassette.model';

export interface MenuView {
  platform: NodeJS.Platform;
  appName: string;
  cassetteDir: string;
  recentFolders: readonly string[];
  proxy: { available: boolean; running: boolean; mode: RecordMode };
}

export interface MenuActions {
  importCassettes(): void;
  exportLibrary(): void;
  chooseCassetteFolder(): void;
  openRecentFolder(dir: string): void;
  showCassetteFolder(): void;
  startProxy(): void;
  stopProxy(): void;
  setMode(mode: RecordMode): void;
  openDocumentation(): void;
  exportCaCertificate(): void;
  copyApiAccess(): void;
}

export const MODE_LABELS: Record<RecordMode, string> = {
  auto: 'Auto (replay an existing cassette, else record)',
  record: 'Record',
  replay: 'Replay',
  'new-episodes': 'New episodes (replay, record what is missing)',
  passthrough: 'Passthrough (forward, record nothing)',
};

function fileMenu(view: MenuView, actions: MenuActions): MenuItemConstructorOptions {
  const recent: MenuItemConstructorOptions[] =
    view.recentFolders.length === 0
      ? [{ label: 'No recent folders', enabled: false }]
      : view.recentFolders.map((dir) => ({
          label: dir,
          type: 'checkbox',
          checked: dir === view.cassetteDir,
          click: () => actions.openRecentFolder(dir),
        }));
  return {
    label: '&File',
    submenu: [
      {
        label: 'Import Cassettes…',
        accelerator: 'CmdOrCtrl+O',
        click: () => actions.importCassettes(),
      },
      {
        label: 'Export Library…',
        accelerator: 'CmdOrCtrl+Shift+E',
        click: () => actions.exportLibrary(),
      },
      { type: 'separator' },
      {
        label: 'Open Cassette Folder…',
        accelerator: 'CmdOrCtrl+Shift+O',
        click: () => actions.chooseCassetteFolder(),
      },
      { label: 'Recent Folders', submenu: recent },
      { label: 'Show Cassette Folder', click: () => actions.showCassetteFolder() },
      { type: 'separator' },
      view.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
    ],
  };
}

function proxyMenu(view: MenuView, actions: MenuActions): MenuItemConstructorOptions {
  const { available, running, mode } = view.proxy;
  return {
    label: '&Proxy',
    submenu: [
      { label: 'Start Proxy', enabled: available && !running, click: () => actions.startProxy() },
      { label: 'Stop Proxy', enabled: available && running, click: () => actions.stopProxy() },
      { type: 'separator' },
      {
        label: 'Mode',
        enabled: available,
        submenu: RECORD_MODES.map((each) => ({
          label: MODE_LABELS[each],
          type: 'radio' as const,
          checked: each === mode,
          click: () => actions.setMode(each),
        })),
      },
    ],
  };
}

export function buildMenuTemplate(
  view: MenuView,
  actions: MenuActions,
): MenuItemConstructorOptions[] {
  const mac = view.platform === 'darwin';
  return [
    ...(mac ? [{ label: view.appName, role: 'appMenu' as const }] : []),
    fileMenu(view, actions),
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    proxyMenu(view, actions),
    ...(mac ? [{ role: 'windowMenu' as const }] : []),
    {
      label: '&Help',
      role: 'help',
      submenu: [
        { label: 'Documentation', click: () => actions.openDocumentation() },
        { label: 'Export CA Certificate…', click: () => actions.exportCaCertificate() },
        { label: 'Copy API Address and Token', click: () => actions.copyApiAccess() },
        ...(mac ? [] : [{ type: 'separator' as const }, { role: 'about' as const }]),
      ],
    },
  ];
}
