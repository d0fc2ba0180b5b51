/**
 * Turns what a user typed into an FTS5 query that cannot be a syntax error: every word becomes a
 * quoted prefix term (`"word"*`), and the terms must all match. FTS5 operators (`OR`, `NEAR(`,
 * `*`, `"`, `-`, `^`, `:`) are searched for as plain words or ignored, never interpreted.
 */

/** Characters FTS5's unicode61 tokenizer keeps in tokens: letters, marks, digits, private use. */
const TOKEN = /[\p{L}\p{M}\p{N}\p{Co}]+/gu;
const MAX_TERMS = 32;

/** The MATCH expression for `text`, or undefined when it holds no searchable word. */
export function ftsMatchExpression(text: string): string | undefined {
  const terms = [...new Set(text.match(TOKEN) ?? [])].slice(0, MAX_TERMS);
  if (terms.length === 0) return undefined;
  return terms.map((term) => `"${term}"*`).join(' ');
}
