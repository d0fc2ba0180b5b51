/**
 * The sample every helper example is documented (and tested) against: a fixed request, clock,
 * seed and environment, so that `output` in the docs is exactly what the template renders.
 */
import type { TemplateRenderOptions } from './render-state';
import type { TemplateRequest } from './templating.model';

export const HELPER_EXAMPLE_REQUEST: TemplateRequest = {
  method: 'POST',
  url: 'https://api.example.com/v1/users/42/orders?page=2&tag=a&tag=b',
  headers: {
    'content-type': 'application/json',
    'x-user-id': 'user-12345',
    cookie: 'session=abc123; theme=dark',
    authorization: 'Bearer demo-token',
  },
  body: '{"user":{"id":42,"name":"Ada Lovelace"},"items":[{"sku":"A-1","qty":2},{"sku":"B-2","qty":1}]}',
};

export const HELPER_EXAMPLE_OPTIONS: TemplateRenderOptions = {
  now: '2025-06-02T14:03:11.482Z',
  seed: 'magneto',
  cassette: 'examples',
  env: { MAGNETO_API_TOKEN: 'token-from-env', MAGNETO_REGION: 'eu-west-1', HOME: '/home/ada' },
};
