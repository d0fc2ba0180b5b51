/**
 * What the proxy benchmarks serve: `/items/<n>` answered with a distinct ~1 KB JSON body, by the raw
 * servers from memory and by the engine from a cassette holding the same answers (or, templated,
 * ~1 KB JSON templates rendered on each replay).
 */
import type { Cassette, HttpInteraction } from '../../proxy/cassette/cassette.model';
import {
  jsonBodyText,
  syntheticCassette,
  syntheticInteraction,
} from '../../tests/support/synthetic-cassettes';

export const PATHS = 1000;
export const BODY_SIZE = 1000;
export const JSON_TYPE = 'application/json; charset=utf-8';

export function itemPath(index: number): string {
  return `/items/${index}`;
}

export function itemBody(index: number): string {
  return jsonBodyText(index, BODY_SIZE);
}

/** `count` request targets: `/items/0…` after `prefix` (an origin, for absolute-form requests). */
export function itemTargets(count: number, prefix = ''): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}${itemPath(i)}`);
}

/**
 * The item's answer as a ~1 KB JSON template with five helpers: uuid, now, request.path, randomInt
 * and header.
 */
export function itemTemplate(index: number): string {
  const fields =
    '"id":"{{uuid}}","served_at":"{{now}}","path":"{{request.path}}",' +
    '"score":{{randomInt 1 1000}},"host":"{{header "host"}}"';
  const item = jsonBodyText(index, BODY_SIZE - fields.length - 12);
  return `{${fields},"item":${item}}`;
}

/**
 * The recorded GET of `<origin>/items/<index>`, answered 200 with the item's body, or with `text`
 * in its place.
 */
export function itemInteraction(
  origin: string,
  index: number,
  id: string,
  text?: string,
): HttpInteraction {
  const synthetic = syntheticInteraction(index, BODY_SIZE);
  const host = new URL(origin).host;
  return {
    ...synthetic,
    id,
    request: {
      method: 'GET',
      url: `${origin}${itemPath(index)}`,
      headers: { accept: 'application/json', host },
      body: null,
    },
    response: {
      ...synthetic.response,
      status: 200,
      headers: { 'content-type': JSON_TYPE },
      ...(text !== undefined && { body: { kind: 'text', text } }),
    },
  };
}

/** A cassette answering `/items/0…count-1` on each of `origins`; with `itemTemplate` when templated. */
export function itemsCassette(
  name: string,
  origins: readonly string[],
  count: number,
  templated = false,
): Cassette {
  const cassette = syntheticCassette(name, { interactions: 0 });
  cassette.interactions = origins.flatMap((origin, o) =>
    Array.from({ length: count }, (_, i) =>
      itemInteraction(origin, i, `o${o}i${i}`, templated ? itemTemplate(i) : undefined),
    ),
  );
  return cassette;
}
