/**
 * POST and GET /graphql following the GraphQL-over-HTTP spec (graphql-http's handler), with the
 * body read under the size cap, batched requests refused with a clear error, and answers to
 * queries that read the library alone kept until it changes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHandler } from 'graphql-http';
import { toClientError } from '../graphql/api-errors';
import { libraryReadChecker } from '../graphql/library-reads';
import { AnswerCache, type HttpAnswer } from './answer-cache';
import type { GraphQLRuntime } from './graphql-execution';
import { readBody, sendJson } from './http-responses';

export type HttpRoute = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

function isJsonArray(text: string): boolean {
  return text.trimStart().startsWith('[');
}

function send(res: ServerResponse, answer: HttpAnswer): void {
  res.writeHead(answer.status, answer.statusText, answer.headers);
  res.end(answer.body);
}

export function graphqlHttpRoute(runtime: GraphQLRuntime, maxBodyBytes: number): HttpRoute {
  const answers = new AnswerCache(runtime.services.revision);
  const readsLibraryAlone = libraryReadChecker(runtime.schema);
  /** graphql-http requests whose operation read the library alone, without errors. */
  const keepable = new WeakSet<object>();
  const handle = createHandler<IncomingMessage, undefined>({
    schema: runtime.schema,
    context: () => runtime.context() as never,
    parse: runtime.parse,
    validate: runtime.validate,
    execute: runtime.execute('http'),
    formatError: toClientError,
    onOperation: (req, args, result) => {
      if (
        result.errors === undefined &&
        readsLibraryAlone(args.document, args.operationName, args.variableValues)
      ) {
        keepable.add(req);
      }
    },
  });
  return async (req, res) => {
    const start = performance.now();
    const body = req.method === 'POST' ? await readBody(req, maxBodyBytes) : null;
    if (body !== null && isJsonArray(body)) {
      sendJson(res, 400, {
        errors: [
          {
            message: 'Batched operations are not supported: send one operation per request.',
            extensions: { code: 'BATCH_NOT_SUPPORTED' },
          },
        ],
      });
      return;
    }
    const key = answers.keyOf(req, body);
    const kept = key === undefined ? undefined : answers.get(key);
    if (kept !== undefined) {
      send(res, kept);
      runtime.metrics.recordKeptAnswer((performance.now() - start) / 1000);
      return;
    }
    const revision = answers.current;
    const request = {
      method: req.method ?? 'GET',
      url: req.url ?? '/graphql',
      headers: req.headers,
      body,
      raw: req,
      context: undefined,
    };
    const [text, init] = await handle(request);
    const bytes = Buffer.from(text ?? '');
    const answer: HttpAnswer = {
      status: init.status,
      statusText: init.statusText,
      headers: { ...init.headers, 'content-length': String(bytes.length) },
      body: bytes,
    };
    send(res, answer);
    if (key !== undefined && keepable.has(request)) answers.keep(key, revision, answer);
  };
}
