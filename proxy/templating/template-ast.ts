/**
 * What a parsed template does, read from Handlebars' AST: helper calls, unknown helpers, `env`
 * variables named, partials (unsupported) and the data paths it reads.
 */
import { isKnownHelper } from './handlebars-environment';
import type { ParsedTemplate } from './parse-template';

type Node = hbs.AST.Node;
type Expression = hbs.AST.Expression;
type Call = hbs.AST.MustacheStatement | hbs.AST.BlockStatement | hbs.AST.SubExpression;

export interface Located {
  line: number;
  /** 1-based. */
  column: number;
}

export interface TemplateAnalysis {
  /** Calls of helpers that do not exist. */
  unknownHelpers: Array<Located & { name: string }>;
  /** `env "NAME"` calls with a literal name. */
  envNames: Array<Located & { name: string }>;
  /** Where each helper is first called. */
  helperCalls: Map<string, Located>;
  /** Partials and decorators, which templates cannot use. */
  unsupported: Array<Located & { what: string }>;
  variables: string[];
}

export function analyseTemplate({ ast, originalColumn }: ParsedTemplate): TemplateAnalysis {
  const at = (node: Node): Located => {
    const line = node.loc?.start.line ?? 1;
    return { line, column: originalColumn(line, (node.loc?.start.column ?? 0) + 1) };
  };
  const analysis: TemplateAnalysis = {
    unknownHelpers: [],
    envNames: [],
    helperCalls: new Map(),
    unsupported: [],
    variables: [],
  };
  const variables = new Set<string>();

  const variable = (path: hbs.AST.PathExpression) => {
    if (path.data || path.original === 'this' || path.original === '.') return;
    variables.add(path.original.replace(/^(\.\/|this\.)/, ''));
  };

  const expression = (node: Expression) => {
    if (node.type === 'PathExpression') variable(node as hbs.AST.PathExpression);
    else if (node.type === 'SubExpression') call(node as hbs.AST.SubExpression);
  };

  const call = (node: Call) => {
    const path = node.path as hbs.AST.PathExpression | hbs.AST.Literal;
    const hashPairs = node.hash?.pairs ?? [];
    if (path.type === 'PathExpression') {
      const { original, parts, data, depth } = path as hbs.AST.PathExpression;
      const simple = parts.length === 1 && !data && depth === 0 && !original.startsWith('this');
      const invoked =
        node.params.length > 0 || hashPairs.length > 0 || node.type === 'SubExpression';
      if (simple && isKnownHelper(original)) {
        if (!analysis.helperCalls.has(original)) analysis.helperCalls.set(original, at(node));
        const [first] = node.params;
        if (original === 'env' && first?.type === 'StringLiteral') {
          analysis.envNames.push({ name: (first as hbs.AST.StringLiteral).value, ...at(first) });
        }
      } else if (simple && invoked) {
        analysis.unknownHelpers.push({ name: original, ...at(node) });
      } else {
        variable(path as hbs.AST.PathExpression);
      }
    }
    node.params.forEach(expression);
    hashPairs.forEach((pair) => expression(pair.value));
  };

  const statements = (program: hbs.AST.Program | undefined) => {
    for (const statement of program?.body ?? []) {
      switch (statement.type) {
        case 'MustacheStatement':
          call(statement as hbs.AST.MustacheStatement);
          break;
        case 'BlockStatement': {
          const block = statement as hbs.AST.BlockStatement;
          call(block);
          statements(block.program);
          statements(block.inverse);
          break;
        }
        case 'PartialStatement':
        case 'PartialBlockStatement':
          analysis.unsupported.push({ what: 'partials ({{> name}})', ...at(statement) });
          break;
        case 'DecoratorBlock':
        case 'Decorator':
          analysis.unsupported.push({ what: 'decorators ({{* name}})', ...at(statement) });
          break;
      }
    }
  };

  statements(ast);
  analysis.variables = [...variables];
  return analysis;
}
