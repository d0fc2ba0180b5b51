/**
 * The studio's template language for Monaco: text or JSON with Handlebars expressions. Monarch
 * colours JSON strings, numbers and punctuation, and inside `{{…}}` the known helpers, request
 * paths, hash arguments, literals, `@data` variables and comments (also inside JSON strings).
 * Token names are ones the vs and vs-dark themes colour with at least 4.5:1 contrast.
 */
import type * as Monaco from 'monaco-editor';

export const TEMPLATE_LANGUAGE = 'magneto-handlebars';

const OPEN = /\{\{\{?~?[#/^>&]?/;
const CLOSE = /~?\}\}\}?/;

/** The tokenizer, with `helpers` (names) coloured as keywords. */
export function templateMonarch(helpers: readonly string[]): Monaco.languages.IMonarchLanguage {
  return {
    defaultToken: '',
    tokenPostfix: '.hbs',
    helpers: [...helpers, 'else'],
    tokenizer: {
      root: [
        [/\{\{!--/, 'comment', '@blockComment'],
        [/\{\{!/, 'comment', '@comment'],
        [OPEN, 'delimiter.handlebars', '@expression'],
        [/"/, 'string', '@jsonString'],
        [/-?\d+(\.\d+)?([eE][+-]?\d+)?/, 'number'],
        [/\b(true|false|null)\b/, 'keyword.json'],
        [/[{}[\],:]/, 'delimiter'],
      ],
      jsonString: [
        [OPEN, 'delimiter.handlebars', '@expression'],
        [/[^"\\{]+/, 'string'],
        [/\\./, 'string.escape'],
        [/\{/, 'string'],
        [/"/, 'string', '@pop'],
      ],
      blockComment: [
        [/--\}\}/, 'comment', '@pop'],
        [/[^-]+/, 'comment'],
        [/-/, 'comment'],
      ],
      comment: [
        [/\}\}/, 'comment', '@pop'],
        [/[^}]+/, 'comment'],
        [/\}/, 'comment'],
      ],
      expression: [
        [CLOSE, 'delimiter.handlebars', '@pop'],
        [/\s+/, 'white'],
        [/"([^"\\]|\\.)*"/, 'string'],
        [/'([^'\\]|\\.)*'/, 'string'],
        [/-?\d+(\.\d+)?/, 'number'],
        [/\b(true|false|null|undefined)\b/, 'keyword.literal'],
        [/@[A-Za-z_]\w*/, 'variable'],
        [/[A-Za-z_][\w-]*(?==)/, 'key'],
        [/=/, 'delimiter'],
        [/\bthis\b/, 'variable'],
        [/\brequest(\.[\w$[\]-]+)*/, 'variable'],
        [
          /[A-Za-z_$][\w$-]*/,
          { cases: { '@helpers': 'keyword.helper', '@default': 'identifier' } },
        ],
        [/\.\.?\/?|\.[\w$[\]-]+/, 'identifier'],
        [/[()]/, 'delimiter.parenthesis'],
        [/[|[\]]/, 'delimiter'],
      ],
    },
  };
}

export const templateLanguageConfiguration: Monaco.languages.LanguageConfiguration = {
  comments: { blockComment: ['{{!--', '--}}'] },
  brackets: [
    ['{', '}'],
    ['[', ']'],
    ['(', ')'],
  ],
  autoClosingPairs: [
    { open: '{', close: '}' },
    { open: '[', close: ']' },
    { open: '(', close: ')' },
    { open: '"', close: '"', notIn: ['string'] },
  ],
  surroundingPairs: [
    { open: '{', close: '}' },
    { open: '"', close: '"' },
  ],
  wordPattern: /[\w$@-]+/,
};
