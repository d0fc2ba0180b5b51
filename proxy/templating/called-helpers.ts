/**
 * The names a template may call as helpers, read from its AST with Handlebars' own visitor, so that
 * every construct is covered: blocks, `{{else}}` chains, subexpressions, hash values, partial and
 * decorator arguments, inline partials. The answer is a superset: every name Handlebars could look
 * up in its helpers while rendering the template is in it (whether or not it names a helper),
 * `blockHelperMissing` included when the template has blocks (blocks over data go through it).
 */
import Handlebars from 'handlebars';

type Call = hbs.AST.MustacheStatement | hbs.AST.BlockStatement | hbs.AST.SubExpression;

/**
 * The names Handlebars resolves a call's path by: the first part (known helpers such as `if`
 * whatever follows it, `{{@name}}`, `{{[name]}}`), the path as written, or a literal's text
 * (`{{"name"}}` calls the helper `name`).
 */
function addNamesOf({ path }: Call, names: Set<string>): void {
  if (path.type === 'PathExpression') {
    const { parts, original } = path as hbs.AST.PathExpression;
    if (parts[0] !== undefined) names.add(parts[0]);
    names.add(original);
  } else {
    // `undefined` and `null` literals have an `original` too, at run time.
    names.add(String((path as { original?: unknown }).original));
  }
}

/** Only node handlers as methods: Handlebars' visitor dispatches on node types by method name. */
class CalledHelpers extends Handlebars.Visitor {
  readonly names = new Set<string>();

  override MustacheStatement(node: hbs.AST.MustacheStatement): void {
    addNamesOf(node, this.names);
    super.MustacheStatement(node);
  }

  override BlockStatement(node: hbs.AST.BlockStatement): void {
    addNamesOf(node, this.names);
    this.names.add('blockHelperMissing');
    super.BlockStatement(node);
  }

  override SubExpression(node: hbs.AST.SubExpression): void {
    addNamesOf(node, this.names);
    super.SubExpression(node);
  }
}

/** Every name the template's calls may resolve to a helper by. */
export function calledHelperNames(ast: hbs.AST.Program): Set<string> {
  const visitor = new CalledHelpers();
  visitor.accept(ast);
  return visitor.names;
}
