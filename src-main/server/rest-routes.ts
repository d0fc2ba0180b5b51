/**
 * REST endpoints kept for Magneto-Serge users, on the same services as GraphQL:
 * GET /cassettes, GET /cassettes/:name, POST /cassettes, DELETE /cassettes/:name.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SortField, SortOrder } from '../library/library.model';
import { apiErrorOf, httpStatusOf } from '../services/api-error';
import type { CreateCassetteDraft } from '../services/cassette-service';
import { badInput } from '../services/service-error';
import type { StudioServices } from '../services/studio-services';
import { readBody, RequestTooLargeError, sendError, sendJson } from './http-responses';

function integer(value: string | null, name: string): number | undefined {
  if (value === null) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0)
    throw badInput(`${name} must be a whole number ≥ 0.`);
  return number;
}

/** `name:asc,size:desc` */
function sortOf(value: string | null): Array<{ sortBy: SortField; order: SortOrder }> | undefined {
  if (value === null) return undefined;
  return value.split(',').map((key) => {
    const [sortBy = '', order = 'asc'] = key.split(':');
    if (
      !['name', 'size', 'age', 'interactions', 'modified'].includes(sortBy) ||
      !['asc', 'desc'].includes(order)
    ) {
      throw badInput(
        `Invalid sort key "${key}": use field:order with name, size, age, interactions or modified and asc or desc.`,
      );
    }
    return { sortBy: sortBy as SortField, order: order as SortOrder };
  });
}

function listOf(services: StudioServices, query: URLSearchParams): unknown {
  const tags = query.getAll('tag');
  const text = query.get('q');
  return services.cassettes.page({
    filter: {
      ...(tags.length > 0 ? { tags } : {}),
      ...(text === null ? {} : { text }),
    },
    sort: sortOf(query.get('sort')),
    limit: integer(query.get('limit'), 'limit'),
    offset: integer(query.get('offset'), 'offset'),
    after: query.get('after') ?? undefined,
  });
}

async function createFrom(
  services: StudioServices,
  req: IncomingMessage,
  maxBodyBytes: number,
): Promise<unknown> {
  let draft: unknown;
  try {
    draft = JSON.parse(await readBody(req, maxBodyBytes));
  } catch (error) {
    if (error instanceof SyntaxError) throw badInput(`The body is not JSON: ${error.message}`);
    throw error;
  }
  if (
    typeof draft !== 'object' ||
    draft === null ||
    typeof (draft as { name?: unknown }).name !== 'string'
  ) {
    throw badInput('The body must be a JSON object with at least a "name".');
  }
  return services.cassettes.create(draft as CreateCassetteDraft);
}

function decodedName(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    throw badInput('The cassette name in the path is not valid percent-encoding.');
  }
}

/** Answers /cassettes routes; returns false when the path is not one of them. */
export async function handleRest(
  services: StudioServices,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  maxBodyBytes: number,
): Promise<boolean> {
  const match = /^\/cassettes(?:\/([^/]+))?\/?$/.exec(url.pathname);
  if (match === null) return false;
  const method = req.method ?? 'GET';
  try {
    const name = match[1] === undefined ? undefined : decodedName(match[1]);
    if (name === undefined && method === 'GET')
      sendJson(res, 200, listOf(services, url.searchParams));
    else if (name === undefined && method === 'POST')
      sendJson(res, 201, await createFrom(services, req, maxBodyBytes));
    else if (name !== undefined && method === 'GET')
      sendJson(res, 200, (await services.cassettes.load(name)).cassette);
    else if (name !== undefined && method === 'DELETE') {
      await services.cassettes.delete(name);
      res.writeHead(204).end();
    } else {
      const allow = name === undefined ? 'GET, POST' : 'GET, DELETE';
      sendError(res, 405, 'METHOD_NOT_ALLOWED', `${method} is not allowed here; use ${allow}.`, {
        allow,
      });
    }
  } catch (error) {
    if (error instanceof RequestTooLargeError) throw error;
    const { code, message, details } = apiErrorOf(error);
    sendError(res, httpStatusOf(code), code, message, {}, details);
  }
  return true;
}
