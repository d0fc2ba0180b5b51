/**
 * The API token, when the studio requires one: from `?token=` in the page's URL (then kept for the
 * tab's session and removed from the address bar), or from a `<meta name="magneto-api-token">` the
 * server put in the page.
 */

const STORAGE_KEY = 'magneto.apiToken';

export function readApiToken(win: Window = window): string | undefined {
  const url = new URL(win.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl !== null && fromUrl !== '') {
    win.sessionStorage.setItem(STORAGE_KEY, fromUrl);
    url.searchParams.delete('token');
    win.history.replaceState(win.history.state, '', url.toString());
    return fromUrl;
  }
  const stored = win.sessionStorage.getItem(STORAGE_KEY);
  if (stored !== null && stored !== '') return stored;
  const meta = win.document.querySelector<HTMLMetaElement>('meta[name="magneto-api-token"]');
  return meta?.content !== undefined && meta.content !== '' ? meta.content : undefined;
}
