/** The application menu's template: its menus, items, enabled states and actions. */
import { describe, expect, it } from 'vitest';
import {
  buildMenuTemplate,
  type MenuActions,
  type MenuView,
} from '../../../src-main/desktop/app-menu';

/** Electron's MenuItemConstructorOptions, as the builder returns them (tests may not import electron). */
type MenuItemConstructorOptions = ReturnType<typeof buildMenuTemplate>[number];

function recorder(): { actions: MenuActions; calls: string[] } {
  const calls: string[] = [];
  const actions = new Proxy({} as MenuActions, {
    get: (_target, name: string) => (argument?: unknown) =>
      calls.push(argument === undefined ? name : `${name}(${String(argument)})`),
  });
  return { actions, calls };
}

const VIEW: MenuView = {
  platform: 'linux',
  appName: 'Magneto Studio',
  cassetteDir: '/work/cassettes',
  recentFolders: ['/work/cassettes', '/work/other'],
  proxy: { available: true, running: true, mode: 'replay' },
};

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  return (item?.submenu ?? []) as MenuItemConstructorOptions[];
}

function find(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const item = template.find((each) => each.label === label);
  if (item === undefined) throw new Error(`no "${label}" in ${template.map((each) => each.label)}`);
  return item;
}

function click(item: MenuItemConstructorOptions): void {
  (item.click as () => void)();
}

describe('the application menu', () => {
  it('has File, Edit, View, Proxy and Help', () => {
    const { actions } = recorder();
    const template = buildMenuTemplate(VIEW, actions);
    expect(template.map((item) => item.label)).toEqual([
      '&File',
      '&Edit',
      '&View',
      '&Proxy',
      '&Help',
    ]);
  });

  it('File imports, exports, opens folders and lists the recent ones', () => {
    const { actions, calls } = recorder();
    const file = submenu(find(buildMenuTemplate(VIEW, actions), '&File'));
    expect(file.map((item) => item.label ?? item.type ?? item.role)).toEqual([
      'Import Cassettes…',
      'Export Library…',
      'separator',
      'Open Cassette Folder…',
      'Recent Folders',
      'Show Cassette Folder',
      'separator',
      'quit',
    ]);
    const recent = submenu(find(file, 'Recent Folders'));
    expect(recent.map((item) => [item.label, item.checked])).toEqual([
      ['/work/cassettes', true],
      ['/work/other', false],
    ]);
    click(find(file, 'Import Cassettes…'));
    click(find(file, 'Export Library…'));
    click(find(file, 'Open Cassette Folder…'));
    click(find(recent, '/work/other'));
    click(find(file, 'Show Cassette Folder'));
    expect(calls).toEqual([
      'importCassettes',
      'exportLibrary',
      'chooseCassetteFolder',
      'openRecentFolder(/work/other)',
      'showCassetteFolder',
    ]);
    expect(find(file, 'Import Cassettes…').accelerator).toBe('CmdOrCtrl+O');
  });

  it('says when there are no recent folders', () => {
    const { actions } = recorder();
    const file = submenu(find(buildMenuTemplate({ ...VIEW, recentFolders: [] }, actions), '&File'));
    expect(submenu(find(file, 'Recent Folders'))).toEqual([
      { label: 'No recent folders', enabled: false },
    ]);
  });

  it('Edit and View carry the standard roles', () => {
    const { actions } = recorder();
    const template = buildMenuTemplate(VIEW, actions);
    expect(submenu(find(template, '&Edit')).map((item) => item.role ?? item.type)).toEqual([
      'undo',
      'redo',
      'separator',
      'cut',
      'copy',
      'paste',
      'selectAll',
    ]);
    expect(submenu(find(template, '&View')).map((item) => item.role ?? item.type)).toContain(
      'togglefullscreen',
    );
  });

  it('Proxy starts or stops the proxy as it is, and picks the mode', () => {
    const { actions, calls } = recorder();
    const running = submenu(find(buildMenuTemplate(VIEW, actions), '&Proxy'));
    expect(find(running, 'Start Proxy').enabled).toBe(false);
    expect(find(running, 'Stop Proxy').enabled).toBe(true);
    const modes = submenu(find(running, 'Mode'));
    expect(modes.map((item) => [item.type, item.checked])).toEqual([
      ['radio', false],
      ['radio', false],
      ['radio', true],
      ['radio', false],
      ['radio', false],
    ]);
    expect(modes.map((item) => item.label)).toEqual([
      'Auto (replay an existing cassette, else record)',
      'Record',
      'Replay',
      'New episodes (replay, record what is missing)',
      'Passthrough (forward, record nothing)',
    ]);
    click(find(running, 'Stop Proxy'));
    click(find(modes, 'Record'));
    expect(calls).toEqual(['stopProxy', 'setMode(record)']);

    const stopped = submenu(
      find(
        buildMenuTemplate({ ...VIEW, proxy: { ...VIEW.proxy, running: false } }, actions),
        '&Proxy',
      ),
    );
    expect(find(stopped, 'Start Proxy').enabled).toBe(true);
    expect(find(stopped, 'Stop Proxy').enabled).toBe(false);
    const unavailable = submenu(
      find(
        buildMenuTemplate({ ...VIEW, proxy: { ...VIEW.proxy, available: false } }, actions),
        '&Proxy',
      ),
    );
    expect(unavailable.filter((item) => item.enabled === true)).toEqual([]);
  });

  it('Help opens the docs, exports the CA and copies the API access', () => {
    const { actions, calls } = recorder();
    const help = submenu(find(buildMenuTemplate(VIEW, actions), '&Help'));
    expect(help.map((item) => item.label ?? item.role ?? item.type)).toEqual([
      'Documentation',
      'Export CA Certificate…',
      'Copy API Address and Token',
      'separator',
      'about',
    ]);
    for (const label of ['Documentation', 'Export CA Certificate…', 'Copy API Address and Token']) {
      click(find(help, label));
    }
    expect(calls).toEqual(['openDocumentation', 'exportCaCertificate', 'copyApiAccess']);
  });

  it('follows macOS conventions there', () => {
    const { actions } = recorder();
    const template = buildMenuTemplate({ ...VIEW, platform: 'darwin' }, actions);
    expect(template.map((item) => item.role ?? item.label)).toEqual([
      'appMenu',
      '&File',
      '&Edit',
      '&View',
      '&Proxy',
      'windowMenu',
      'help',
    ]);
    expect(submenu(find(template, '&File')).at(-1)).toEqual({ role: 'close' });
  });
});
