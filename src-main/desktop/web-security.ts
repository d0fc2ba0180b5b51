/**
 * The renderer's security policy, as data the Electron glue applies: the app's own origin
 * (`app://studio`, a privileged custom scheme instead of `file://`), its Content-Security-Policy,
 * the permissions it gets, and which URLs it may load. Electron-free, so tests assert it directly.
 */
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'studio';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * Sent with every file of the renderer. The desktop UI reaches the studio over a message port
 * only, so it connects nowhere; no inline scripts, no plugins, no frames, no forms.
 */
export const DESKTOP_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Permissions the page may use: writing to the clipboard (Copy buttons). Nothing else. */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function permissionAllowed(
  permission: string,
  requestingUrl: string,
  appOrigin: string,
): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && originOf(requestingUrl) === appOrigin;
}

function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    // Custom schemes report "null" as their origin: rebuild it from the parts.
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return undefined;
  }
}

/** Whether `url` is one of the app's own pages (the only thing the window may show). */
export function isAppUrl(url: string, appOrigin: string): boolean {
  return originOf(url) === appOrigin;
}

/** The URL the window opens: the UI with the launch's API token (the page keeps it, then drops it from the address). */
export function appEntryUrl(appOrigin: string, token: string): string {
  const url = new URL('/index.html', appOrigin);
  url.searchParams.set('token', token);
  return url.toString();
}

/**
 * The file of the renderer build that an `app://studio/...` request asks for, or undefined when it
 * is outside the build folder or not for this host.
 */
export function rendererFileFor(rendererDir: string, requestUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return undefined;
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  if (relative.includes('\0')) return undefined;
  const root = path.resolve(rendererDir);
  const target = path.resolve(root, `.${path.posix.normalize(`/${relative}`)}`);
  if (target === root) return path.join(root, 'index.html');
  return target.startsWith(`${root}${path.sep}`) ? target : undefined;
}
