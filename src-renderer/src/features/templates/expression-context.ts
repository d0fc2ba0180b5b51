/** Where the cursor is in a template, for completion: inside `{{…}}` or not, and what is typed. */

export type ExpressionContext =
  | { inside: false }
  | {
      inside: true;
      /** The path or name being typed, up to the cursor (`request.headers.x-u`, `dateA`). */
      word: string;
      /** Whether it is the expression's first word (a helper or a value), else an argument. */
      first: boolean;
      /** Opened with `{{#`: a block helper goes here. */
      block: boolean;
    };

export function expressionContext(textBeforeCursor: string): ExpressionContext {
  const open = textBeforeCursor.lastIndexOf('{{');
  if (open === -1 || textBeforeCursor.lastIndexOf('}}') > open) return { inside: false };
  const expression = textBeforeCursor.slice(open + 2);
  if (expression.startsWith('!')) return { inside: false };
  const opener = /^\{?~?([#/^>&]?)\s*/.exec(expression);
  const body = expression.slice(opener?.[0].length ?? 0);
  const word = /[\w$@.[\]-]*$/.exec(body)?.[0] ?? '';
  const before = body.slice(0, body.length - word.length);
  return {
    inside: true,
    word,
    first: before.trim() === '' || /\($/.test(before.trim()),
    block: opener?.[1] === '#',
  };
}
