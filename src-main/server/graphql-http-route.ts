/**
 * POST and GET /graphql following the GraphQL-over-HTTP spec (graphql-http's handler), with the
 * body read under the size cap and batched requests refused with a clear error.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHandler } from 'graphql-http';
import { toClientError } from '../graphql/api-errors';
import type { GraphQLRuntime } from './graphql-execution';
import { readBody, sendJson } from './http-responses';

export type HttpRoute = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

function isJsonArray(text: string): boolean {
  return text.trimStart().startsWith('[');
}

export function graphqlHttpRoute(runtime: GraphQLRuntime, maxBodyBytes: number): HttpRoute {
  const handle = createHandler<IncomingMessage, undefined>({
    schema: runtime.schema,
    context: () => runtime.context() as never,
    parse: runtime.parse,
    validate: runtime.validate,
    execute: runtime.execute('http'),
    formatError: toClientError,
  });
  return async (req, res) => {
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
    const [text, init] = await handle({
      method: req.method ?? 'GET',
      url: req.url ?? '/graphql',
      headers: req.headers,
      body,
      raw: req,
      context: undefined,
    });
    res.writeHead(init.status, init.statusText, init.headers);
    res.end(text);
  };
}
