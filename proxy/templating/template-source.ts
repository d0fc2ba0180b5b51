/**
 * Source fix-ups before Handlebars parses a template, for templates written for Magneto-Serge:
 * - JSON bodies often end an object right after an expression (`{"n":{{count}}}`), which
 *   Handlebars.js reads as a `}}}` closing: a `{{` expression closed by `}}}` is read as `}}` and a
 *   literal `}` (an empty comment is put between them);
 * - templates kept inside JSON strings escape their quotes (`{{ env \"NAME\" }}`): inside an
 *   expression, a string delimited by `\"` is read as a plain `"…"` string.
 * Positions in the parsed text map back to the source with `originalColumn` (lines never move).
 */

/** Inserted after such a `}}`: an empty comment, which renders nothing. */
const SPLIT = '{{!}}';

export interface PreparedSource {
  text: string;
  /** The column in the original source of a 1-based position in `text`. */
  originalColumn(line: number, column: number): number;
}

/** A change at an offset of the prepared text: how many characters longer it made it. */
interface Edit {
  offset: number;
  delta: number;
}

/** Index just past the string literal that starts at `start` (Handlebars escapes with `\`). */
function stringEnd(source: string, start: number): number {
  const quote = source[start];
  for (let k = start + 1; k < source.length; k++) {
    if (source[k] === '\\' && source[k + 1] === quote) k++;
    else if (source[k] === quote) return k + 1;
  }
  return source.length;
}

class Builder {
  text = '';
  readonly edits: Edit[] = [];

  add(part: string): void {
    this.text += part;
  }

  edit(part: string, originalLength: number): void {
    this.edits.push({ offset: this.text.length, delta: part.length - originalLength });
    this.text += part;
  }
}

/** Copies the expression from `start` (after its opening braces) to its `}}`; returns the index after. */
function expression(source: string, start: number, out: Builder, triple: boolean): number {
  let k = start;
  while (k < source.length) {
    const char = source[k];
    if (char === '"' || char === "'") {
      const end = stringEnd(source, k);
      out.add(source.slice(k, end));
      k = end;
    } else if (char === '\\' && source[k + 1] === '"') {
      const close = source.indexOf('\\"', k + 2);
      if (close === -1) break;
      out.edit('"', 2);
      out.add(source.slice(k + 2, close));
      out.edit('"', 2);
      k = close + 2;
    } else if (char === '}' && source[k + 1] === '}') {
      const closing = triple && source[k + 2] === '}' ? '}}}' : '}}';
      out.add(closing);
      if (!triple && source[k + 2] === '}') out.edit(SPLIT, 0);
      return k + closing.length;
    } else {
      out.add(char ?? '');
      k++;
    }
  }
  out.add(source.slice(k));
  return source.length;
}

/** Comments and raw blocks are copied as they are. */
function verbatimEnd(source: string, open: number): number | undefined {
  const closing = source.startsWith('{{!--', open)
    ? '--}}'
    : source.startsWith('{{!', open)
      ? '}}'
      : source.startsWith('{{{{', open)
        ? '}}}}'
        : undefined;
  if (closing === undefined) return undefined;
  const end = source.indexOf(closing, open + 2);
  return end === -1 ? source.length : end + closing.length;
}

function columnMapper(text: string, edits: readonly Edit[]): PreparedSource['originalColumn'] {
  if (edits.length === 0) return (_line, column) => column;
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return (line, column) => {
    const offset = (lineStarts[line - 1] ?? 0) + column - 1;
    const lineStart = lineStarts[line - 1] ?? 0;
    const shift = edits
      .filter((edit) => edit.offset >= lineStart && edit.offset < offset)
      .reduce((sum, edit) => sum + edit.delta, 0);
    return column - shift;
  };
}

export function prepareSource(source: string): PreparedSource {
  if (!source.includes('}}}') && !source.includes('\\"')) {
    return { text: source, originalColumn: (_line, column) => column };
  }
  const out = new Builder();
  let from = 0;
  for (let open = source.indexOf('{{', from); open !== -1; open = source.indexOf('{{', from)) {
    out.add(source.slice(from, open));
    const verbatim = source[open - 1] === '\\' ? open + 2 : verbatimEnd(source, open);
    if (verbatim !== undefined) {
      out.add(source.slice(open, verbatim));
      from = verbatim;
      continue;
    }
    const triple = source.startsWith('{{{', open);
    const opening = triple ? '{{{' : '{{';
    out.add(opening);
    from = expression(source, open + opening.length, out, triple);
  }
  out.add(source.slice(from));
  return { text: out.text, originalColumn: columnMapper(out.text, out.edits) };
}
