/** What the preload exposes on `window.magnetoDesktop`; absent when the UI runs in a browser. */
export interface AppInfo {
  platform: string;
  versions: Record<string, string | undefined>;
}

export interface MagnetoDesktopApi {
  appInfo(): AppInfo;
}
