/**
 * Limits on what one GraphQL document may ask (graphql-armor's rules and graphql-js's token cap), so
 * a single request cannot exhaust the studio. Each refusal has its own `extensions.code`.
 */
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type Source,
  type ValidationContext,
  type ValidationRule,
} from '../graphql/graphql-js';
import { BoundedLru } from '../../proxy/support/bounded-lru';

export interface OperationLimits {
  /** Deepest field nesting (introspection excepted). */
  maxDepth: number;
  /** Aliases in one operation. */
  maxAliases: number;
  /** graphql-armor's cost: objects 2, scalars 1, times 1.5 per level. */
  maxCost: number;
  /** Tokens in one document. */
  maxTokens: number;
}

export const DEFAULT_OPERATION_LIMITS: OperationLimits = {
  maxDepth: 12,
  maxAliases: 15,
  maxCost: 5000,
  maxTokens: 2000,
};

/** Reports a rule's refusal as a validation error with `code` (graphql-armor throws by default). */
function reportAs(code: string): {
  propagateOnRejection: false;
  onReject: Array<(context: ValidationContext | null, error: GraphQLError) => void>;
} {
  return {
    propagateOnRejection: false,
    onReject: [
      (context, error) =>
        context?.reportError(
          new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code } }),
        ),
    ],
  };
}

export function limitRules(limits: OperationLimits): ValidationRule[] {
  return [
    maxDepthRule({ n: limits.maxDepth, ...reportAs('QUERY_TOO_DEEP') }),
    maxAliasesRule({ n: limits.maxAliases, ...reportAs('TOO_MANY_ALIASES') }),
    costLimitRule({ maxCost: limits.maxCost, ...reportAs('QUERY_TOO_COSTLY') }),
  ] as ValidationRule[];
}

/** Documents parsed and validated lately, by text: clients repeat the same operations. */
const CACHED_DOCUMENTS = 500;
const CACHEABLE_LENGTH = 20_000;

/** `parse` refusing documents of more than `maxTokens` tokens; recent texts are parsed once. */
export function limitedParse(limits: OperationLimits): typeof parse {
  const parsed = new BoundedLru<string, DocumentNode>(CACHED_DOCUMENTS);
  return (source: string | Source, options) => {
    const text =
      typeof source === 'string' && source.length <= CACHEABLE_LENGTH ? source : undefined;
    const cached = text === undefined ? undefined : parsed.get(text);
    if (cached !== undefined) return cached;
    try {
      const document = parse(source, { ...options, maxTokens: limits.maxTokens });
      if (text !== undefined) parsed.set(text, document);
      return document;
    } catch (error) {
      if (error instanceof GraphQLError && /tokens/.test(error.message)) {
        throw new GraphQLError(error.message, { extensions: { code: 'TOO_MANY_TOKENS' } });
      }
      throw error;
    }
  };
}

/** `validate` with graphql-js's rules and the limits; a parsed document is validated once. */
export function limitedValidate(limits: OperationLimits): typeof validate {
  const rules = [...specifiedRules, ...limitRules(limits)];
  const results = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, readonly GraphQLError[]>>();
  return (schema: GraphQLSchema, document: DocumentNode) => {
    let bySchema = results.get(schema);
    if (bySchema === undefined) results.set(schema, (bySchema = new WeakMap()));
    let errors = bySchema.get(document);
    if (errors === undefined) bySchema.set(document, (errors = validate(schema, document, rules)));
    return errors;
  };
}
