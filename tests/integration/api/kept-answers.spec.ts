/**
 * Answers to queries that read the library alone, kept until the library changes: what is kept
 * (over real HTTP, counted by /metrics), and that no change is ever missed, be it a mutation, a
 * file written on disk by another program, or a query whose answer moves with the clock or the
 * proxy.
 */
import { writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { encodeForStorage } from '../../../proxy/cassette/formats/registry';
import { ProxyEngine } from '../../../proxy/engine/proxy-engine';
import { syntheticCassette } from '../../support/synthetic-cassettes';
import { proxyRequest } from '../engine/helpers/proxy-request';
import { gql, gqlData, startStudio, type Studio } from './api-harness';

const LIST = '{ cassettes(limit: 10) { totalCount items { name interactionCount } } }';

async function keptAnswers(studio: Studio): Promise<number> {
  const text = await (await fetch(`${studio.url}/metrics`)).text();
  return Number(/^magneto_graphql_kept_answers_total (\d+)$/m.exec(text)?.[1]);
}

async function seeded(options: { watch?: boolean; engine?: ProxyEngine } = {}): Promise<Studio> {
  const studio = await startStudio(options);
  for (const name of ['alpha', 'beta']) {
    await studio.library.create(name, {
      interactions: syntheticCassette(name, { interactions: 2 }).interactions,
    });
  }
  return studio;
}

/** Reads `read()` every few milliseconds until it returns `expected`; fails after `timeoutMs`. */
async function eventually<T>(
  read: () => Promise<T>,
  expected: T,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (last !== expected) {
    if (Date.now() > deadline) throw new Error(`still ${String(last)}, not ${String(expected)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    last = await read();
  }
}

/** POSTs `body` as is (the bytes are the key) and returns the answer's status, type and text. */
async function post(studio: Studio, body: string, accept = 'application/graphql-response+json') {
  const response = await request(`${studio.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept },
    body,
  });
  return {
    status: response.statusCode,
    type: response.headers['content-type'],
    length: Number(response.headers['content-length']),
    text: await response.body.text(),
  };
}

describe('kept answers', () => {
  it('answers a repeated library query from what it kept, byte for byte', async () => {
    const studio = await seeded();
    const body = JSON.stringify({ query: LIST });
    const first = await post(studio, body);
    expect(first.status).toBe(200);
    expect(JSON.parse(first.text).data.cassettes.totalCount).toBe(2);
    expect(await keptAnswers(studio)).toBe(0);
    const second = await post(studio, body);
    expect(second).toEqual(first);
    expect(second.length).toBe(Buffer.byteLength(second.text));
    expect(await keptAnswers(studio)).toBe(1);
    // Another Accept gets its own answer, with its own media type.
    const asJson = await post(studio, body, 'application/json');
    expect(asJson.type).toBe('application/json; charset=utf-8');
    expect(asJson.text).toBe(first.text);
    expect(await keptAnswers(studio)).toBe(1);
    const metrics = await (await fetch(`${studio.url}/metrics`)).text();
    expect(metrics).toMatch(
      /magneto_graphql_operations_total\{type="query",transport="http",result="ok"\} 3/,
    );
  });

  it('never answers with what it kept once a mutation changed the library', async () => {
    const studio = await seeded();
    const read = async () => (await gqlData(studio.url, LIST)).cassettes;
    expect((await read()).totalCount).toBe(2);
    expect((await read()).totalCount).toBe(2);
    await gqlData(studio.url, 'mutation { createCassette(input: { name: "gamma" }) { name } }');
    expect((await read()).totalCount).toBe(3);
    await gqlData(
      studio.url,
      'mutation { updateCassette(name: "gamma", input: { tags: ["new"] }) { name } }',
    );
    const stats = '{ globalStats { totalCassettes totalInteractions } }';
    expect((await gqlData(studio.url, stats)).globalStats.totalInteractions).toBe(4);
    await gqlData(studio.url, 'mutation { deleteCassette(name: "alpha") }');
    expect((await gqlData(studio.url, stats)).globalStats).toEqual({
      totalCassettes: 2,
      totalInteractions: 2,
    });
    expect((await read()).items.map((item: { name: string }) => item.name)).toEqual([
      'beta',
      'gamma',
    ]);
  });

  it('never answers with what it kept once a file changed on disk', async () => {
    const studio = await seeded({ watch: true });
    const count = async () =>
      (await gqlData(studio.url, '{ cassette(name: "beta") { interactionCount } }')).cassette
        .interactionCount as number;
    expect(await count()).toBe(2);
    expect(await count()).toBe(2);
    const kept = await keptAnswers(studio);
    expect(kept).toBe(1);
    const edited = syntheticCassette('beta', { interactions: 7 });
    await writeFile(path.join(studio.cassetteDir, 'beta.json'), encodeForStorage(edited, 'json'));
    await eventually(count, 7);
  });

  it('keeps no answer that moves with the clock, the proxy or a failure', async () => {
    const studio = await seeded({ engine: new ProxyEngine() });
    const twice = async (query: string, variables?: Record<string, unknown>) => {
      await gql(studio.url, query, variables);
      await gql(studio.url, query, variables);
    };
    await twice('{ cassettes(filter: { maxAgeDays: 30 }) { totalCount } }');
    await twice('query($f: CassetteFilterInput) { cassettes(filter: $f) { totalCount } }', {
      f: { minAgeDays: 1 },
    });
    await twice(
      'query($f: CassetteFilterInput = { minAgeDays: 1 }) { cassettes(filter: $f) { totalCount } }',
    );
    await twice('{ globalStats { totalCassettes } proxyStatus { running } }');
    await twice('{ activity(days: 7) { from } }');
    await twice('{ cassette(name: "missing") { name } }');
    await twice('{ templateHelpers { name } }');
    expect(await keptAnswers(studio)).toBe(0);
    // The same filter without an age, from a variable, is kept.
    await twice('query($f: CassetteFilterInput) { cassettes(filter: $f) { totalCount } }', {
      f: { tags: ['x'] },
    });
    expect(await keptAnswers(studio)).toBe(1);
  });

  it('never answers with what it kept once the proxy recorded into the library', async () => {
    const studio = await seeded({ engine: new ProxyEngine() });
    const upstream = http.createServer((_req, res) => res.end('{"ok":true}'));
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    try {
      const { startProxy } = await gqlData(
        studio.url,
        'mutation { startProxy(input: { port: 0, mode: RECORD, cassetteName: "recorded" }) { port } }',
      );
      const interactions = async () =>
        (await gqlData(studio.url, '{ globalStats { totalInteractions } }')).globalStats
          .totalInteractions as number;
      const before = await interactions();
      expect(await interactions()).toBe(before);
      expect(await keptAnswers(studio)).toBe(1);
      const { port } = upstream.address() as AddressInfo;
      const answer = await proxyRequest(startProxy.port, { url: `http://127.0.0.1:${port}/ok` });
      expect(answer.status).toBe(200);
      await eventually(interactions, before + 1);
    } finally {
      await new Promise((resolve) => upstream.close(resolve));
    }
  });
});
