/**
 * Formatting a JSON template: every `{{…}}` is set aside (a placeholder string where it stands for
 * a value, a placeholder inside the string it is part of), the JSON is indented, and the
 * expressions are put back as they were.
 */

export type FormatResult = { ok: true; text: string } | { ok: false; reason: string };

const MUSTACHE = /\{\{\{?[\s\S]*?\}?\}\}/g;
const token = (index: number): string => `__magneto_${index}__`;

/** Whether offset `at` of `text` is inside a JSON string. */
function insideStrings(text: string): (at: number) => boolean {
  const inside: boolean[] = [];
  let open = false;
  for (let index = 0; index < text.length; index++) {
    inside[index] = open;
    const char = text[index];
    if (open && char === '\\') {
      inside[index + 1] = true;
      index++;
    } else if (char === '"') {
      open = !open;
    }
  }
  return (at) => inside[at] === true;
}

export function formatJsonTemplate(source: string, indent = 2): FormatResult {
  const expressions: string[] = [];
  const masked = source.replace(MUSTACHE, (expression) => token(expressions.push(expression) - 1));
  const inString = insideStrings(masked);
  const quoted = new Set<number>();
  const json = masked.replace(/__magneto_(\d+)__/g, (placeholder, index: string, at: number) => {
    if (inString(at)) return placeholder;
    quoted.add(Number(index));
    return `"${placeholder}"`;
  });
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return {
      ok: false,
      reason: expressions.some((expression) => /^\{\{~?[#/^]|^\{\{~?else\b/.test(expression))
        ? 'Block helpers here make the template JSON only once rendered: it is left as it is.'
        : 'The template is not JSON once its {{…}} expressions are set aside.',
    };
  }
  const text = JSON.stringify(value, null, indent).replace(
    /"?__magneto_(\d+)__"?/g,
    (placeholder, index: string) => {
      const expression = expressions[Number(index)] ?? placeholder;
      const wasQuoted = quoted.has(Number(index));
      if (wasQuoted) return expression;
      // Inside a string: keep the quotes that belong to the string.
      return placeholder.replace(/__magneto_\d+__/, expression);
    },
  );
  return { ok: true, text };
}
