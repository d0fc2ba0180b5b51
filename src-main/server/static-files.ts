/**
 * Files of a built UI served read-only from a folder: never outside it, `index.html` for unknown
 * paths without an extension (a single-page app's routes).
 */
import fs from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { sendError } from './http-responses';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

async function fileIn(dir: string, relative: string): Promise<string | undefined> {
  const root = path.resolve(dir);
  const target = path.resolve(root, `.${path.posix.normalize(`/${relative}`)}`);
  if (target !== root && !target.startsWith(`${root}${path.sep}`)) return undefined;
  try {
    const stat = await fs.stat(target);
    if (stat.isFile()) return target;
    if (stat.isDirectory()) return fileIn(dir, path.posix.join(relative, 'index.html'));
  } catch {
    return undefined;
  }
  return undefined;
}

/**
 * Answers GET and HEAD for `relative` (a decoded path below the folder). Returns false, answering
 * nothing, when there is no such file and no fallback applies.
 */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  dir: string,
  relative: string,
  spaFallback: boolean,
): Promise<boolean> {
  let file = await fileIn(dir, relative);
  if (file === undefined && spaFallback && path.posix.extname(relative) === '') {
    file = await fileIn(dir, 'index.html');
  }
  if (file === undefined) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendError(res, 405, 'METHOD_NOT_ALLOWED', 'Static files answer GET and HEAD only.', {
      allow: 'GET, HEAD',
    });
    return true;
  }
  const bytes = await fs.readFile(file);
  const extension = path.extname(file).toLowerCase();
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
    'content-length': String(bytes.length),
    'cache-control': extension === '.html' ? 'no-cache' : 'public, max-age=300',
  });
  res.end(req.method === 'HEAD' ? undefined : bytes);
  return true;
}
