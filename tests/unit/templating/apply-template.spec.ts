import { describe, expect, it } from 'vitest';
import type { Cassette, Interaction } from '../../../proxy/cassette/cassette.model';
import { applyTemplate } from '../../../proxy/templating/apply-template';
import type { ResponseTemplate } from '../../../proxy/templating/templating.model';

const http = (id: string, url: string): Interaction => ({
  id,
  type: 'Http',
  recordedAt: '2025-06-02T00:00:00Z',
  request: { method: 'GET', url, headers: {}, body: null },
  response: {
    status: 200,
    headers: {
      'content-type': 'text/plain',
      'content-length': '5',
      'content-encoding': 'gzip',
      'x-kept': 'yes',
    },
    body: { kind: 'text', text: 'hello', contentEncoding: 'gzip' },
  },
});

const cassette: Cassette = {
  version: '2.0',
  name: 'demo',
  recordedAt: '2025-06-02T00:00:00Z',
  interactions: [
    http('a', '/items/1'),
    http('b', '/items/2'),
    {
      id: 'ws',
      type: 'WebSocket',
      recordedAt: '2025-06-02T00:00:00Z',
      url: 'ws://x',
      messages: [],
      closeFrame: null,
    },
  ],
  metadata: { createdAt: '', modifiedAt: '', tags: [], description: '', settings: {} },
};

const template: ResponseTemplate = {
  id: 'item',
  name: 'Item',
  category: 'UUIDs',
  description: 'An item',
  contentType: 'application/json',
  status: 201,
  headers: { 'X-Item': '{{pathSegment 1}}' },
  body: '{"id": {{pathSegment 1}}}',
};

describe('applyTemplate', () => {
  it('updates a copy and reports before, after, diff and the rendered body', () => {
    const { cassette: updated, results } = applyTemplate(
      cassette,
      ['b', 'missing', 'ws', 'b'],
      template,
    );
    expect(results.map(({ interactionId, ok }) => ({ interactionId, ok }))).toEqual([
      { interactionId: 'b', ok: true },
      { interactionId: 'missing', ok: false },
      { interactionId: 'ws', ok: false },
    ]);
    expect(results[1]?.error).toBe('the cassette has no interaction "missing"');
    expect(results[2]?.error).toContain('WebSocket interaction');
    const [result] = results;
    expect(result?.before).toBe(
      'HTTP 200\ncontent-encoding: gzip\ncontent-length: 5\ncontent-type: text/plain\nx-kept: yes\n\nhello',
    );
    expect(result?.after).toBe(
      'HTTP 201\ncontent-type: application/json\nx-item: {{pathSegment 1}}\nx-kept: yes\n\n{"id": {{pathSegment 1}}}',
    );
    expect(result?.diff).toContain('-HTTP 200\n');
    expect(result?.diff).toContain('+{"id": {{pathSegment 1}}}');
    expect(result?.rendered).toBe('{"id": 2}');
    expect(updated).not.toBe(cassette);
    expect(updated.interactions[0]).toBe(cassette.interactions[0]);
    const changed = updated.interactions[1];
    expect(changed?.type === 'Http' && changed.response).toEqual({
      status: 201,
      headers: {
        'x-kept': 'yes',
        'content-type': 'application/json',
        'x-item': '{{pathSegment 1}}',
      },
      body: { kind: 'text', text: '{"id": {{pathSegment 1}}}' },
    });
    const original = cassette.interactions[1];
    expect(original?.type === 'Http' && original.response.status).toBe(200);
  });

  it('changes nothing in preview', () => {
    const { cassette: same, results } = applyTemplate(cassette, ['a'], template, { preview: true });
    expect(same).toBe(cassette);
    expect(results[0]).toMatchObject({ ok: true, rendered: '{"id": 1}' });
  });

  it('reports an interaction whose request makes the template fail, and leaves it alone', () => {
    const failing = { ...template, body: '{{divide 1 (pathSegment 5)}}' };
    const { cassette: same, results } = applyTemplate(cassette, ['a'], failing);
    expect(same).toBe(cassette);
    expect(results[0]).toMatchObject({ ok: false, error: expect.stringContaining('divide') });
    expect(results[0]?.diff).toContain('+{{divide 1 (pathSegment 5)}}');
  });
});
