/**
 * Serves the renderer build at `app://studio/` (a privileged custom scheme rather than `file://`,
 * so the page has an origin of its own), every answer with the desktop Content-Security-Policy.
 */
import { pathToFileURL } from 'node:url';
import { net, protocol, type Session } from 'electron';
import { APP_SCHEME, DESKTOP_CONTENT_SECURITY_POLICY, rendererFileFor } from './web-security';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveRenderer(session: Session, rendererDir: string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    const file = rendererFileFor(rendererDir, request.url);
    if (file === undefined) return new Response('Not found', { status: 404 });
    const found = await net.fetch(pathToFileURL(file).toString()).catch(() => undefined);
    if (found === undefined || !found.ok) return new Response('Not found', { status: 404 });
    const headers = new Headers(found.headers);
    headers.set('content-security-policy', DESKTOP_CONTENT_SECURITY_POLICY);
    headers.set('x-content-type-options', 'nosniff');
    return new Response(found.body, { status: 200, headers });
  });
}
