/** Deterministic synthetic cassettes for tests and benchmarks. */
import type { Cassette, HttpInteraction } from '../../proxy/cassette/cassette.model';

const HOSTS = ['api.example.com', 'auth.example.com', 'cdn.example.com', 'billing.example.com'];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE'];
const STATUSES = [200, 201, 204, 404, 500];

/** A JSON body of about `size` bytes, distinct for each index. */
export function jsonBodyText(index: number, size: number): string {
  const head = {
    id: index,
    name: `item-${index}`,
    tags: ['alpha', 'beta'],
    active: index % 2 === 0,
  };
  const base = JSON.stringify({ ...head, note: '' });
  const fill = 'lorem ipsum dolor sit amet '
    .repeat(Math.ceil(size / 27))
    .slice(0, Math.max(0, size - base.length));
  return JSON.stringify({ ...head, note: fill });
}

export function syntheticInteraction(index: number, bodySize = 1000): HttpInteraction {
  const host = HOSTS[index % HOSTS.length] ?? 'api.example.com';
  const at = new Date(Date.UTC(2025, 5, 2, 12, 0, 0) + index * 1000).toISOString();
  return {
    type: 'Http',
    id: `i${index}`,
    recordedAt: at,
    responseTimeMs: 5 + (index % 50),
    request: {
      method: METHODS[index % METHODS.length] ?? 'GET',
      url: `https://${host}/api/items/${index}?page=${index % 7}`,
      headers: { accept: 'application/json', host },
      body: null,
    },
    response: {
      status: STATUSES[index % STATUSES.length] ?? 200,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: { kind: 'text', text: jsonBodyText(index, bodySize) },
    },
  };
}

export interface SyntheticOptions {
  interactions: number;
  bodySize?: number;
  tags?: string[];
  description?: string;
  recordedAt?: string;
}

export function syntheticCassette(name: string, options: SyntheticOptions): Cassette {
  const recordedAt = options.recordedAt ?? '2025-06-02T12:00:00.000Z';
  return {
    version: '2.0',
    name,
    recordedAt,
    interactions: Array.from({ length: options.interactions }, (_, i) =>
      syntheticInteraction(i, options.bodySize),
    ),
    metadata: {
      createdAt: recordedAt,
      modifiedAt: recordedAt,
      tags: options.tags ?? [],
      description: options.description ?? '',
      settings: {},
    },
  };
}
