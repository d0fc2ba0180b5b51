/** Completion in templates: helpers (with their docs) and the request's fields and sample keys. */
import type * as Monaco from 'monaco-editor';
import { scanJson } from '../../components/code-editor/json-locations';
import { expressionContext } from './expression-context';
import { helperMarkdown } from './helper-docs';
import { REQUEST_FIELDS, sampleKeys } from './request-fields';
import { useTemplateHelpers } from './template-helpers.store';
import { useTemplateStudio } from './template-studio.store';

type Suggestion = Monaco.languages.CompletionItem;

function sampleValue(): unknown {
  const scan = scanJson(useTemplateStudio.getState().sample);
  return scan.ok ? scan.value : undefined;
}

/** A key as a path segment: `[x-user-id]` when it is not a plain identifier. */
const segment = (key: string): string => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : `[${key}]`);

function pathSuggestions(
  monacoApi: typeof Monaco,
  word: string,
  range: Monaco.IRange,
): Suggestion[] {
  const parts = word.split('.');
  if (parts.length === 2) {
    return REQUEST_FIELDS.map((field) => ({
      label: field.name,
      kind: monacoApi.languages.CompletionItemKind.Field,
      detail: `request.${field.name}`,
      documentation: { value: field.description },
      insertText: field.name,
      range,
    }));
  }
  const field = parts[1] ?? '';
  return sampleKeys(sampleValue(), field).map((key) => ({
    label: key,
    kind: monacoApi.languages.CompletionItemKind.Property,
    detail: `request.${field}.${key} (from the sample request)`,
    insertText: segment(key),
    range,
  }));
}

function helperSuggestions(
  monacoApi: typeof Monaco,
  block: boolean,
  range: Monaco.IRange,
): Suggestion[] {
  const helpers = useTemplateHelpers.getState().helpers ?? [];
  return helpers
    .filter((helper) => !block || helper.block)
    .map((helper) => ({
      label: helper.name,
      kind: monacoApi.languages.CompletionItemKind.Function,
      detail: helper.syntax,
      documentation: { value: helperMarkdown(helper) },
      insertText: helper.name,
      sortText: `1${helper.name}`,
      range,
    }));
}

export function templateCompletionProvider(
  monacoApi: typeof Monaco,
): Monaco.languages.CompletionItemProvider {
  return {
    triggerCharacters: ['{', '.', ' ', '#', '('],
    provideCompletionItems(model, position) {
      const before = model.getValueInRange({
        startLineNumber: 1,
        startColumn: 1,
        endLineNumber: position.lineNumber,
        endColumn: position.column,
      });
      const context = expressionContext(before);
      if (!context.inside) return { suggestions: [] };
      const lastDot = context.word.lastIndexOf('.');
      const typed = context.word.slice(lastDot + 1);
      const range = {
        startLineNumber: position.lineNumber,
        startColumn: position.column - typed.length,
        endLineNumber: position.lineNumber,
        endColumn: position.column,
      };
      if (context.word.startsWith('request.')) {
        return { suggestions: pathSuggestions(monacoApi, context.word, range) };
      }
      const request: Suggestion = {
        label: 'request',
        kind: monacoApi.languages.CompletionItemKind.Variable,
        detail: 'The request being answered',
        documentation: { value: REQUEST_FIELDS.map((field) => `- \`${field.name}\``).join('\n') },
        insertText: 'request',
        sortText: '0request',
        range,
      };
      const helpers = helperSuggestions(monacoApi, context.block, range);
      return { suggestions: context.block ? helpers : [request, ...helpers] };
    },
  };
}
