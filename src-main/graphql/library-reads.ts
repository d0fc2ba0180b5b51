/**
 * Which query operations read the library alone (its index and files: no clock, no proxy, no
 * templates), so that their answers hold until the library next changes. The root fields are
 * listed; below them, only the fields the library's own modules declare on their types qualify, so
 * a field another module adds to those types (which may read anything) never does. `cassettes`
 * with an age filter moves with the clock, and never qualifies either.
 */
import {
  getNamedType,
  getOperationAST,
  isObjectType,
  Kind,
  parse,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
} from './graphql-js';
import * as cassettes from './modules/cassettes.graphql';
import * as interactions from './modules/interactions.graphql';
import * as root from './modules/root.graphql';
import * as stats from './modules/stats.graphql';

const LIBRARY_QUERIES = ['cassette', 'cassettes', 'searchCassettes', 'globalStats'];
/** The filters of `cassettes` measured from now. */
const CLOCK_FILTERS = ['minAgeDays', 'maxAgeDays'];

/** `Type.field` of every field the library's modules declare on their object types. */
function libraryFields(): ReadonlySet<string> {
  const fields = new Set(LIBRARY_QUERIES.map((name) => `Query.${name}`));
  for (const module of [cassettes, interactions, root, stats]) {
    for (const definition of parse(module.typeDefs).definitions) {
      if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
      for (const field of definition.fields ?? []) {
        fields.add(`${definition.name.value}.${field.name.value}`);
      }
    }
  }
  return fields;
}

/** A query that reads the library alone when these variables carry no age filter. */
export interface LibraryRead {
  clockVariables: readonly string[];
}

interface Walk {
  schema: GraphQLSchema;
  fields: ReadonlySet<string>;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  /** Variables given as the `filter` of `cassettes`. */
  clockVariables: string[];
}

/** Whether the `filter` of a `cassettes` field has no age filter (or leaves it to a variable). */
function clockFree(field: FieldNode, walk: Walk): boolean {
  const filter = field.arguments?.find((argument) => argument.name.value === 'filter')?.value;
  if (filter === undefined || filter.kind === Kind.NULL) return true;
  if (filter.kind === Kind.VARIABLE) {
    walk.clockVariables.push(filter.name.value);
    return true;
  }
  return (
    filter.kind === Kind.OBJECT &&
    filter.fields.every(
      (entry) => !CLOCK_FILTERS.includes(entry.name.value) || entry.value.kind === Kind.NULL,
    )
  );
}

function readsLibrary(walk: Walk, typeName: string, selectionSet: SelectionSetNode): boolean {
  return selectionSet.selections.every((selection) => {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition?.name.value ?? typeName;
      return readsLibrary(walk, type, selection.selectionSet);
    }
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = walk.fragments.get(selection.name.value);
      return (
        fragment !== undefined &&
        readsLibrary(walk, fragment.typeCondition.name.value, fragment.selectionSet)
      );
    }
    const name = selection.name.value;
    if (name === '__typename') return true;
    if (!walk.fields.has(`${typeName}.${name}`)) return false;
    if (typeName === 'Query' && name === 'cassettes' && !clockFree(selection, walk)) return false;
    if (selection.selectionSet === undefined) return true;
    const type = walk.schema.getType(typeName);
    const field = isObjectType(type) ? type.getFields()[name] : undefined;
    return (
      field !== undefined &&
      readsLibrary(walk, getNamedType(field.type).name, selection.selectionSet)
    );
  });
}

function analyse(
  schema: GraphQLSchema,
  fields: ReadonlySet<string>,
  document: DocumentNode,
  operationName: string | null | undefined,
): LibraryRead | undefined {
  const operation = getOperationAST(document, operationName);
  if (operation?.operation !== 'query') return undefined;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  const walk: Walk = { schema, fields, fragments, clockVariables: [] };
  if (!readsLibrary(walk, 'Query', operation.selectionSet)) return undefined;
  const defaulted = operation.variableDefinitions?.some(
    (definition) =>
      definition.defaultValue !== undefined &&
      walk.clockVariables.includes(definition.variable.name.value),
  );
  return defaulted === true ? undefined : { clockVariables: walk.clockVariables };
}

function hasClockFilter(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value !== 'object') return true;
  return CLOCK_FILTERS.some((name) => (value as Record<string, unknown>)[name] != null);
}

/**
 * Tells whether an operation reads the library alone; the analysis of a document is done once
 * (documents come from the parse cache, the same object for the same text).
 */
export function libraryReadChecker(schema: GraphQLSchema) {
  const fields = libraryFields();
  const analysed = new WeakMap<DocumentNode, Map<string, LibraryRead | null>>();
  return (
    document: DocumentNode,
    operationName: string | null | undefined,
    variables: Readonly<Record<string, unknown>> | null | undefined,
  ): boolean => {
    let byName = analysed.get(document);
    if (byName === undefined) analysed.set(document, (byName = new Map()));
    let read = byName.get(operationName ?? '');
    if (read === undefined) {
      read = analyse(schema, fields, document, operationName) ?? null;
      byName.set(operationName ?? '', read);
    }
    return read !== null && !read.clockVariables.some((name) => hasClockFilter(variables?.[name]));
  };
}
