/**
 * A template's literal text, taken out of its AST so that templates differing only in their text
 * share one compiled function: each piece of text becomes an unescaped read of a data variable
 * (`{{{@[magneto text].N}}}`) and the text itself is given to each render as data. A cassette whose
 * responses are the same template around different recorded JSON then runs one function, which
 * the JavaScript engine optimises, instead of one seldom-run function per response.
 */
import { createHash } from 'node:crypto';
import Handlebars from 'handlebars';

/** The data variable holding the text (`@name` cannot spell it: it has a space). */
export const TEXT_DATA = 'magneto text';
/**
 * Text up to this length stays in the template, as part of its shape: glue between expressions
 * (`","id":"`) is cheaper written out than read from data, and varies less than recorded bodies.
 */
const KEPT_TEXT_LENGTH = 64;

export interface TextlessTemplate {
  /** The template's literal text, in the order of the pieces' indices. */
  texts: string[];
  /**
   * A digest of the AST without its text: equal for templates that differ only in their text and
   * in positions (which a compiled function uses only in the options it gives helpers). Undefined
   * for a template with partials: compiling checks their arguments, and an error must give the
   * position in this template, so it is compiled on its own.
   */
  shape: string | undefined;
}

/** `{{{@[magneto text].<index>}}}`, where the text was. */
function textRead(index: number, loc: hbs.AST.SourceLocation): hbs.AST.MustacheStatement {
  const path: hbs.AST.PathExpression = {
    type: 'PathExpression',
    data: true,
    depth: 0,
    parts: [TEXT_DATA, String(index)],
    original: `@${TEXT_DATA}.${index}`,
    loc,
  };
  const strip = { open: false, close: false };
  // The types want a hash: the parser leaves it undefined in a mustache without one, as here.
  const hash = undefined as unknown as hbs.AST.Hash;
  return { type: 'MustacheStatement', path, params: [], hash, escaped: false, strip, loc };
}

/** Handlebars' visitor, changing nodes: longer content becomes a read of the text's data variable. */
class TextOut extends Handlebars.Visitor {
  readonly texts: string[] = [];
  partials = false;

  constructor() {
    super();
    (this as unknown as { mutating: boolean }).mutating = true;
  }

  override ContentStatement(
    node: hbs.AST.ContentStatement,
  ): hbs.AST.ContentStatement | hbs.AST.MustacheStatement {
    if (node.value.length <= KEPT_TEXT_LENGTH) return node;
    const read = textRead(this.texts.length, node.loc);
    this.texts.push(node.value);
    return read;
  }

  override PartialStatement(node: hbs.AST.PartialStatement): void {
    this.partials = true;
    super.PartialStatement(node);
  }

  override PartialBlockStatement(node: hbs.AST.PartialBlockStatement): void {
    this.partials = true;
    super.PartialBlockStatement(node);
  }
}

function withoutPositions(key: string, value: unknown): unknown {
  return key === 'loc' ? undefined : value;
}

/** Takes the text out of `ast` (changed in place, ready to compile). */
export function takeTextOut(ast: hbs.AST.Program): TextlessTemplate {
  const visitor = new TextOut();
  visitor.accept(ast);
  if (visitor.partials) return { texts: visitor.texts, shape: undefined };
  const shape = createHash('sha256').update(JSON.stringify(ast, withoutPositions)).digest('base64');
  return { texts: visitor.texts, shape };
}
