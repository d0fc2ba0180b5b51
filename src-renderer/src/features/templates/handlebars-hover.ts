/** Hover docs in templates: a helper's syntax, description and examples; a request field's meaning. */
import type * as Monaco from 'monaco-editor';
import { expressionContext } from './expression-context';
import { helperMarkdown } from './helper-docs';
import { REQUEST_FIELDS } from './request-fields';
import { helperNamed } from './template-helpers.store';

export function templateHoverProvider(): Monaco.languages.HoverProvider {
  return {
    provideHover(model, position) {
      const word = model.getWordAtPosition(position);
      if (word === null) return null;
      const lineBefore = model.getLineContent(position.lineNumber).slice(0, word.startColumn - 1);
      const before = model.getValueInRange({
        startLineNumber: 1,
        startColumn: 1,
        endLineNumber: position.lineNumber,
        endColumn: word.startColumn,
      });
      if (!expressionContext(before).inside) return null;
      const range = {
        startLineNumber: position.lineNumber,
        startColumn: word.startColumn,
        endLineNumber: position.lineNumber,
        endColumn: word.endColumn,
      };
      if (lineBefore.endsWith('request.')) {
        const field = REQUEST_FIELDS.find((candidate) => candidate.name === word.word);
        if (field === undefined) return null;
        return {
          range,
          contents: [{ value: `**request.${field.name}**\n\n${field.description}` }],
        };
      }
      if (lineBefore.endsWith('.')) return null;
      const helper = helperNamed(word.word);
      return helper === undefined ? null : { range, contents: [{ value: helperMarkdown(helper) }] };
    },
  };
}
