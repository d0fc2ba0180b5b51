/** Parsing template source into Handlebars' AST, with syntax errors located and explained. */
import type Handlebars from 'handlebars';
import { TemplateRenderError } from './errors';
import { prepareSource } from './template-source';

export interface ParsedTemplate {
  ast: hbs.AST.Program;
  /** The column in the source of a position in the AST (see `template-source.ts`). */
  originalColumn(line: number, column: number): number;
}

interface Location {
  first_line: number;
  first_column: number;
}

/** Handlebars' jison parser keeps the location of the token it failed on. */
interface ParserInternals {
  Parser: { lexer?: { yylloc?: Location } };
}

interface HandlebarsException {
  message: string;
  lineNumber?: number;
  column?: number;
}

const TOKENS: Record<string, string> = {
  EOF: 'the end of the template',
  CLOSE: '"}}"',
  CLOSE_UNESCAPED: '"}}}"',
  CLOSE_RAW_BLOCK: '"}}}}"',
  CLOSE_SEXPR: '")"',
  OPEN_SEXPR: '"("',
  OPEN: '"{{"',
  OPEN_BLOCK: '"{{#"',
  OPEN_ENDBLOCK: '"{{/"',
  INVERSE: '"{{else}}"',
  EQUALS: '"="',
  ID: 'a name',
  STRING: 'a string',
  NUMBER: 'a number',
  INVALID: 'a character that is not allowed here',
};

const describe = (token: string) => TOKENS[token] ?? token.toLowerCase().replace(/_/g, ' ');

/** "…\nExpecting 'ID', 'STRING', got 'EOF'" → "unexpected the end…, expected a name or a string". */
function problemOf(message: string): string {
  const last = message.split('\n').at(-1) ?? message;
  const match = /^Expecting (.*), got '(\w+)'$/.exec(last);
  if (match === null) return last;
  const expected = [...(match[1] ?? '').matchAll(/'(\w+)'/g)].map((m) => m[1] ?? '');
  const wanted = [...new Set(expected.filter((token) => token in TOKENS).map(describe))];
  const found = match[2] ?? '';
  const hint = wanted.length > 0 ? `, expected ${wanted.slice(0, 4).join(' or ')}` : '';
  return found === 'EOF'
    ? `the template ends before an expression or block is closed${hint}`
    : `unexpected ${describe(found)}${hint}`;
}

function syntaxError(problem: string, line: number, column: number): TemplateRenderError {
  return new TemplateRenderError(
    'syntax',
    `syntax error on line ${line}, column ${column}: ${problem}`,
    {
      line,
      column,
    },
  );
}

export function parseTemplate(env: typeof Handlebars, source: string): ParsedTemplate {
  const prepared = prepareSource(source);
  try {
    return { ast: env.parse(prepared.text), originalColumn: prepared.originalColumn };
  } catch (error) {
    const { message, lineNumber, column } = error as HandlebarsException;
    if (lineNumber !== undefined) {
      const col = prepared.originalColumn(lineNumber, (column ?? 0) + 1);
      throw syntaxError(String(message).replace(/ - \d+:\d+$/, ''), lineNumber, col);
    }
    const location = (env as unknown as ParserInternals).Parser.lexer?.yylloc;
    const line = location?.first_line ?? 1;
    const col = prepared.originalColumn(line, (location?.first_column ?? 0) + 1);
    throw syntaxError(problemOf(String(message)), line, col);
  }
}
