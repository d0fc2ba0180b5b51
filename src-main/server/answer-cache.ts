/**
 * HTTP answers to GraphQL queries that read the library alone, kept until the library next
 * changes: dashboards and lists ask the same again and again, and a kept answer costs no parsing,
 * validation, execution or serialisation. A request is known by its method, `Accept`,
 * `Content-Type` and body (or URL, for GET): the same bytes get the same answer.
 */
import type { IncomingMessage } from 'node:http';
import { BoundedLru } from '../../proxy/support/bounded-lru';
import type { LibraryRevision } from '../services/library-revision';

export interface HttpAnswer {
  status: number;
  statusText: string | undefined;
  /** With `content-length`. */
  headers: Readonly<Record<string, string>>;
  body: Buffer;
}

const KEPT_ANSWERS = 100;
/** Longer requests are not worth a key; larger answers are not kept (at most ~25 MB in all). */
const MAX_KEY_LENGTH = 20_000;
const MAX_ANSWER_BYTES = 256 * 1024;

interface Kept {
  revision: number;
  answer: HttpAnswer;
}

export class AnswerCache {
  private readonly kept = new BoundedLru<string, Kept>(KEPT_ANSWERS);

  constructor(private readonly revision: LibraryRevision) {}

  /** The request's key, or undefined when it is too long to keep. */
  keyOf(req: IncomingMessage, body: string | null): string | undefined {
    const payload = body ?? req.url ?? '';
    if (payload.length > MAX_KEY_LENGTH) return undefined;
    const { accept = '', 'content-type': contentType = '' } = req.headers;
    return `${req.method ?? ''}\n${accept}\n${contentType}\n${payload}`;
  }

  /** The library's revision now: read it before executing, give it to `keep`. */
  get current(): number {
    return this.revision.current;
  }

  /** The answer kept for `key`, unless the library changed since. */
  get(key: string): HttpAnswer | undefined {
    const kept = this.kept.get(key);
    return kept !== undefined && kept.revision === this.revision.current ? kept.answer : undefined;
  }

  /** Keeps an answer computed from the library at `revision` (nothing when it changed since). */
  keep(key: string, revision: number, answer: HttpAnswer): void {
    if (revision !== this.revision.current || answer.body.length > MAX_ANSWER_BYTES) return;
    this.kept.set(key, { revision, answer });
  }
}
