/**
 * Files of a built UI served read-only from a folder: never outside it, `index.html` for unknown
 * paths without an extension (a single-page app's routes). Text files go out gzip- or
 * brotli-compressed as the client accepts; hashed assets (under `assets/`) are cached for good,
 * HTML revalidated each time; ETags answer repeated requests with 304.
 */
import type { Stats } from 'node:fs';
import fs from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { negotiateEncoding, type ContentCoding } from './accept-encoding';
import { sendError } from './http-responses';
import { StaticFileCache, type Representation, type StaticFile } from './static-file-cache';

interface ContentType {
  type: string;
  compressible: boolean;
}

const text = (type: string): ContentType => ({ type, compressible: true });
const binary = (type: string): ContentType => ({ type, compressible: false });

const CONTENT_TYPES: Record<string, ContentType> = {
  '.html': text('text/html; charset=utf-8'),
  '.js': text('text/javascript; charset=utf-8'),
  '.mjs': text('text/javascript; charset=utf-8'),
  '.css': text('text/css; charset=utf-8'),
  '.json': text('application/json; charset=utf-8'),
  '.map': text('application/json; charset=utf-8'),
  '.svg': text('image/svg+xml'),
  '.txt': text('text/plain; charset=utf-8'),
  '.ttf': text('font/ttf'),
  '.wasm': text('application/wasm'),
  '.png': binary('image/png'),
  '.ico': binary('image/x-icon'),
  '.woff2': binary('font/woff2'),
  '.woff': binary('font/woff'),
};
const UNKNOWN_TYPE = binary('application/octet-stream');

/** Hashed file names (the build's `assets/` folder) never change content: cache them for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
const SHORT_LIVED = 'public, max-age=300';

interface Found {
  file: string;
  stat: Stats;
}

async function fileIn(dir: string, relative: string): Promise<Found | undefined> {
  const root = path.resolve(dir);
  const target = path.resolve(root, `.${path.posix.normalize(`/${relative}`)}`);
  if (target !== root && !target.startsWith(`${root}${path.sep}`)) return undefined;
  try {
    const stat = await fs.stat(target);
    if (stat.isFile()) return { file: target, stat };
    if (stat.isDirectory()) return fileIn(dir, path.posix.join(relative, 'index.html'));
  } catch {
    return undefined;
  }
  return undefined;
}

function cacheControl(dir: string, file: string, extension: string): string {
  if (extension === '.html') return REVALIDATE;
  const inside = path.relative(path.resolve(dir), file).split(path.sep);
  return inside.length > 1 && inside[0] === 'assets' ? IMMUTABLE : SHORT_LIVED;
}

/** Whether `If-None-Match` names the representation (weak comparison, as for GET). */
function notModified(req: IncomingMessage, etag: string): boolean {
  const header = req.headers['if-none-match'];
  if (header === undefined) return false;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}

function addVary(res: ServerResponse, header: string): void {
  const current = res.getHeader('vary');
  res.setHeader('vary', current === undefined ? header : `${String(current)}, ${header}`);
}

/**
 * The representation the client accepts best (compressing on first demand only the form chosen);
 * undefined when it accepts none.
 */
async function chooseRepresentation(
  file: StaticFile,
  acceptEncoding: string | undefined,
): Promise<Representation | undefined> {
  const available = new Set<ContentCoding>(file.compressible ? ['br', 'gzip'] : []);
  for (;;) {
    const coding = negotiateEncoding(acceptEncoding, available);
    if (coding === undefined) return undefined;
    if (coding === 'identity') return file.identity;
    const form = await file.encoded(coding);
    if (form !== undefined) return form;
    available.delete(coding);
  }
}

export class StaticFiles {
  private readonly cache = new StaticFileCache();

  /**
   * Answers GET and HEAD for `relative` (a decoded path below the folder). Returns false, answering
   * nothing, when there is no such file and no fallback applies.
   */
  async serve(
    req: IncomingMessage,
    res: ServerResponse,
    dir: string,
    relative: string,
    spaFallback: boolean,
  ): Promise<boolean> {
    let found = await fileIn(dir, relative);
    if (found === undefined && spaFallback && path.posix.extname(relative) === '') {
      found = await fileIn(dir, 'index.html');
    }
    if (found === undefined) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendError(res, 405, 'METHOD_NOT_ALLOWED', 'Static files answer GET and HEAD only.', {
        allow: 'GET, HEAD',
      });
      return true;
    }
    const extension = path.extname(found.file).toLowerCase();
    const contentType = CONTENT_TYPES[extension] ?? UNKNOWN_TYPE;
    const file = await this.cache.get(found.file, found.stat, contentType.compressible);
    if (file.compressible) addVary(res, 'Accept-Encoding');
    const chosen = await chooseRepresentation(file, req.headers['accept-encoding']);
    if (chosen === undefined) {
      sendError(res, 406, 'NOT_ACCEPTABLE', 'Accept-Encoding allows none of br, gzip, identity.');
      return true;
    }
    res.setHeader('cache-control', cacheControl(dir, found.file, extension));
    res.setHeader('etag', chosen.etag);
    if (notModified(req, chosen.etag)) {
      res.writeHead(304).end();
      return true;
    }
    res.writeHead(200, {
      'content-type': contentType.type,
      'content-length': String(chosen.bytes.length),
      ...(chosen.coding === 'identity' ? {} : { 'content-encoding': chosen.coding }),
    });
    res.end(req.method === 'HEAD' ? undefined : chosen.bytes);
    return true;
  }
}
