/**
 * The examples of src-main/graphql/examples.graphql and docs/GRAPHQL-API.md are valid against the
 * schema, and run without errors, in order, on a studio holding Magneto-Serge fixtures.
 */
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeCassette } from '../../../proxy/cassette/formats/registry';
import { ProxyEngine } from '../../../proxy/engine/proxy-engine';
import {
  Kind,
  parse,
  print,
  validate,
  type OperationDefinitionNode,
} from '../../../src-main/graphql/graphql-js';
import { createSchemaShape } from '../../../src-main/graphql/schema';
import { magnetoFixture } from '../../support/fixtures';
import { gql, startStudio, take, waitFor, wsClient, type Studio } from './api-harness';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const EXAMPLES_FILE = path.join(REPO, 'src-main/graphql/examples.graphql');
const DOCS_FILE = path.join(REPO, 'docs/GRAPHQL-API.md');

async function seededStudio(): Promise<Studio> {
  const studio = await startStudio({ engine: new ProxyEngine() });
  for (const fixture of ['http-basic.json', 'websocket-chat.json']) {
    const { cassette } = decodeCassette(await readFile(magnetoFixture(fixture)));
    await studio.library.create(cassette.name, cassette);
  }
  return studio;
}

function operations(source: string): OperationDefinitionNode[] {
  return parse(source).definitions.filter(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION,
  );
}

async function docsBlocks(): Promise<string[]> {
  const text = await readFile(DOCS_FILE, 'utf8');
  return [...text.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
}

async function runOne(
  studio: Studio,
  operation: OperationDefinitionNode,
  variables?: Record<string, unknown>,
) {
  const result = await gql(studio.url, print(operation), variables);
  expect(result.errors, operation.name?.value).toBeUndefined();
  return result.data;
}

describe('API examples', () => {
  it('examples.graphql is valid and covers every query and mutation', async () => {
    const source = await readFile(EXAMPLES_FILE, 'utf8');
    const schema = createSchemaShape();
    expect(validate(schema, parse(source))).toEqual([]);
    const used = new Set(
      operations(source).flatMap((operation) =>
        operation.selectionSet.selections.flatMap((selection) =>
          selection.kind === Kind.FIELD ? [selection.name.value] : [],
        ),
      ),
    );
    const declared = [
      ...Object.keys(schema.getQueryType()?.getFields() ?? {}),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}),
    ];
    expect(declared.filter((field) => !used.has(field))).toEqual([]);
  });

  it('examples.graphql runs in order without errors', async () => {
    const studio = await seededStudio();
    for (const operation of operations(await readFile(EXAMPLES_FILE, 'utf8')))
      await runOne(studio, operation);
    const deleted = await gql(studio.url, '{ cassettes { items { name } } }');
    expect(deleted.data?.cassettes.items.map((item: { name: string }) => item.name).sort()).toEqual(
      ['http-basic', 'websocket-chat'],
    );
  });

  it('every block of docs/GRAPHQL-API.md is valid', async () => {
    const schema = createSchemaShape();
    const blocks = await docsBlocks();
    expect(blocks.length).toBeGreaterThan(10);
    for (const block of blocks) expect(validate(schema, parse(block)), block).toEqual([]);
  });

  it('the queries, mutations and subscriptions of docs/GRAPHQL-API.md run', async () => {
    const studio = await seededStudio();
    const upstream = http.createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const client = wsClient(studio.url);
    try {
      const all = (await docsBlocks()).flatMap(operations);
      for (const operation of all.filter((candidate) => candidate.operation !== 'subscription')) {
        const variables =
          operation.name?.value === 'NewCassette'
            ? { headers: { 'content-type': 'application/json' } }
            : {};
        await runOne(studio, operation, variables);
      }
      const subscriptions = all.filter((candidate) => candidate.operation === 'subscription');
      expect(subscriptions.map((operation) => operation.name?.value)).toEqual([
        'Changes',
        'LiveStats',
        'Traffic',
      ]);
      const [changesOperation, statsOperation, trafficOperation] =
        subscriptions as OperationDefinitionNode[];
      const before = studio.library.listenerCount('change');
      const stats = take(client, print(statsOperation as OperationDefinitionNode), {}, 1);
      expect((await stats.results)[0]?.globalStatsUpdated.totalCassettes).toBeGreaterThan(0);
      await waitFor(() => studio.library.listenerCount('change') === before);
      const changes = take(client, print(changesOperation as OperationDefinitionNode), {}, 1);
      await waitFor(() => studio.library.listenerCount('change') > before);
      await gql(
        studio.url,
        'mutation { createCassette(input: { name: "docs-trigger" }) { name } }',
      );
      expect((await changes.results)[0]).toMatchObject({
        cassetteUpdated: { type: 'Created', name: 'docs-trigger' },
      });

      const started = await gql(studio.url, 'mutation { startProxy(input: { port: 0 }) { port } }');
      const port = started.data?.startProxy.port as number;
      const engine = (studio.services.proxy as unknown as { engine: ProxyEngine }).engine;
      const listeners = engine.listenerCount('exchange');
      const traffic = take(client, print(trafficOperation as OperationDefinitionNode), {}, 1);
      await waitFor(() => engine.listenerCount('exchange') > listeners);
      const origin = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
      await new Promise<void>((resolve, reject) => {
        http
          .request({ host: '127.0.0.1', port, path: `${origin}/pay` }, (res) =>
            res.resume().on('end', resolve),
          )
          .on('error', reject)
          .end();
      });
      expect((await traffic.results)[0]).toMatchObject({
        proxyTraffic: { outcome: 'RECORDED', request: { method: 'GET' } },
      });
    } finally {
      await new Promise((resolve) => upstream.close(resolve));
    }
  });
});
