/** Palette entries for Handlebars' own block helpers (they are Handlebars', so only documented here). */
import type { TemplateHelperInfo } from '../../templating.model';

export const HANDLEBARS_BUILT_INS: readonly TemplateHelperInfo[] = [
  {
    name: 'if',
    category: 'control',
    block: true,
    signature: '{{#if value}}…{{else}}…{{/if}}',
    description:
      'Renders the block when the value is true (not empty, 0, false, null or an empty array).',
    examples: [
      {
        template: '{{#if request.headers.authorization}}signed in{{else}}anonymous{{/if}}',
        output: 'signed in',
      },
    ],
  },
  {
    name: 'unless',
    category: 'control',
    block: true,
    signature: '{{#unless value}}…{{/unless}}',
    description: 'Renders the block when the value is false.',
    examples: [
      { template: '{{#unless request.headers.x-debug}}quiet{{/unless}}', output: 'quiet' },
    ],
  },
  {
    name: 'each',
    category: 'control',
    block: true,
    signature: '{{#each list}}…{{else}}…{{/each}}',
    description:
      'Renders the block for every item of an array or object, with `@index`, `@key`, `@first` and `@last`. Counts against the iteration budget.',
    examples: [
      {
        template: '[{{#each request.json.items}}"{{sku}}"{{#unless @last}},{{/unless}}{{/each}}]',
        output: '["A-1","B-2"]',
      },
    ],
  },
  {
    name: 'with',
    category: 'control',
    block: true,
    signature: '{{#with object}}…{{/with}}',
    description: 'Renders the block with the object as its context.',
    examples: [
      {
        template: '{{#with request.json.user}}{{name}} ({{id}}){{/with}}',
        output: 'Ada Lovelace (42)',
      },
    ],
  },
  {
    name: 'lookup',
    category: 'control',
    signature: 'lookup object key',
    description: 'A property of an object by a computed key (own properties only).',
    examples: [{ template: '{{lookup request.query "page"}}', output: '2' }],
  },
];
