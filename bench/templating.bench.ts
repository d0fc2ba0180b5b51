/**
 * Template rendering throughput: a typical 1 KB JSON response template with five helpers, rendered
 * for a request over and over (the compiled template comes from the cache, as on replay).
 */
import type { HttpResponse } from '../proxy/cassette/cassette.model';
import { renderResponseTemplates } from '../proxy/templating/response-templates';
import { renderTemplate } from '../proxy/templating/render-template';
import type { TemplateRequest } from '../proxy/templating/templating.model';
import type { BenchResult } from './bench-harness';

const FILLER = Array.from(
  { length: 9 },
  (_, i) =>
    `    {"sku": "SKU-${1000 + i}", "name": "Catalogue item number ${i}", "price": ${(i + 1) * 3}.5, "stock": ${i * 7}}`,
).join(',\n');

/** About 1 KB once rendered; uses uuid, now, request.*, jsonPath, toJson and sequence. */
export const TYPICAL_TEMPLATE = `{
  "id": "{{uuid}}",
  "created_at": "{{now}}",
  "method": "{{request.method}}",
  "user_id": {{toJson (jsonPath request.body "$.user.id")}},
  "tenant": {{toJson (default request.headers.x-tenant "public")}},
  "order_number": {{sequence "orders"}},
  "items": [
${FILLER}
  ]
}`;

const REQUEST: TemplateRequest = {
  method: 'POST',
  url: 'https://api.example.com/v1/orders?page=1',
  headers: { 'content-type': 'application/json', 'x-tenant': 'acme' },
  body: '{"user":{"id":42,"name":"Ada"},"items":[{"sku":"A-1","qty":2}]}',
};

/** A cassette with more templated responses than compiled templates are cached by source. */
const MANY_RESPONSES = 2000;

/** Runs `work` repeatedly for about `durationMs` and returns how many times per second it ran. */
function perSecond(work: () => void, durationMs: number): number {
  for (let i = 0; i < 500; i++) work();
  let count = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < durationMs) {
    for (let i = 0; i < 100; i++) work();
    count += 100;
    elapsed = performance.now() - start;
  }
  return Math.round((count * 1000) / elapsed);
}

export async function benchTemplating(durationMs = 1000): Promise<BenchResult[]> {
  const response: HttpResponse = {
    status: 201,
    headers: { 'content-type': 'application/json', 'x-request-id': '{{uuid}}' },
    body: { kind: 'text', text: TYPICAL_TEMPLATE },
  };
  const bytes = Buffer.byteLength(renderTemplate(TYPICAL_TEMPLATE, REQUEST));
  const renders = perSecond(() => renderTemplate(TYPICAL_TEMPLATE, REQUEST), durationMs);
  const responses = perSecond(() => renderResponseTemplates(response, REQUEST), durationMs);
  // More distinct templates than the cache by source keeps: each is kept with its response.
  const many = Array.from({ length: MANY_RESPONSES }, (_, i) => ({
    ...response,
    body: { kind: 'text' as const, text: TYPICAL_TEMPLATE.replace('SKU-1000', `SKU-${i}`) },
  }));
  let next = 0;
  const manyRate = perSecond(
    () => renderResponseTemplates(many[next++ % MANY_RESPONSES] as HttpResponse, REQUEST),
    durationMs,
  );
  return [
    {
      name: `templating: render a ${bytes}-byte JSON template with 5 helpers`,
      value: renders,
      unit: 'renders/s',
      target: { op: '>=', value: 20_000 },
    },
    {
      name: 'templating: renderResponseTemplates (body + one header)',
      value: responses,
      unit: 'responses/s',
    },
    {
      name: `templating: renderResponseTemplates, ${MANY_RESPONSES.toLocaleString('en')} templated responses in turn`,
      value: manyRate,
      unit: 'responses/s',
      baseline: `${(manyRate / responses).toFixed(2)}× one response rendered over and over`,
    },
  ];
}
