import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  Kind,
  valueFromASTUntyped,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  isObjectType,
  isInterfaceType,
} from 'graphql';
import { badArgument } from '../common/errors';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../common/pagination';

/**
 * The node count of an operation, GitHub-style: the most objects its answer can hold. Every field
 * that returns objects counts once per object its parent may hold; a connection (a field with a
 * `first` argument) holds `first` edges (its default when not given), a plain list is estimated at
 * `listEstimate` items; scalars are free. So `first: 100` nested three deep asks for over a million.
 * Computed before execution, from the document and the request's variables; a `first` or `last`
 * outside 0..100 is refused here, before any resolver runs.
 */
export function requestedNodes(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> | undefined,
  listEstimate: number,
): number {
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;

  const sizeOf = (field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number | null => {
    const pageArg = field.args.find((arg) => arg.name === 'first' || arg.name === 'last');
    if (!pageArg) return null;
    const given = args.first ?? args.last;
    // Page sizes are checked here too, so that a bad one is refused before anything runs.
    if (typeof given === 'number' && given > MAX_PAGE_SIZE) throw badArgument(pageArg.name, `must be <= ${MAX_PAGE_SIZE}, got ${given}`);
    if (typeof given === 'number' && given < 0) throw badArgument(pageArg.name, `must be >= 0, got ${given}`);
    if (typeof given === 'number' && Number.isFinite(given) && given >= 0) return Math.floor(given);
    return typeof pageArg.defaultValue === 'number' ? pageArg.defaultValue : DEFAULT_PAGE_SIZE;
  };

  // `page`: the `first` of the connection whose selection this is; its lists (edges, nodes) hold that many.
  const walk = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, multiplier: number, seen: Set<string>, page: number | null): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const fragment = fragments[name];
        if (!fragment || seen.has(name)) continue; // cycles are refused by validation; never loop here
        const type = schema.getType(fragment.typeCondition.name.value);
        if (type && isCompositeType(type)) total += walk(fragment.selectionSet, type, multiplier, new Set([...seen, name]), page);
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (type && isCompositeType(type)) total += walk(selection.selectionSet, type, multiplier, seen, page);
        continue;
      }
      const name = selection.name.value;
      if (name.startsWith('__') || !selection.selectionSet) continue;
      if (!isObjectType(parent) && !isInterfaceType(parent)) continue;
      const field = parent.getFields()[name];
      if (!field) continue;
      const args: Record<string, unknown> = {};
      for (const arg of selection.arguments ?? []) {
        args[arg.name.value] =
          arg.value.kind === Kind.VARIABLE ? variables?.[arg.value.name.value] : valueFromASTUntyped(arg.value, variables);
      }
      const child = getNamedType(field.type) as GraphQLCompositeType;
      const first = sizeOf(field, args);
      const isList = isListType(getNullableType(field.type));
      if (first !== null && isList) {
        // A list with a size argument (path(first)) holds that many.
        total += multiplier * first + walk(selection.selectionSet, child, multiplier * first, seen, null);
        continue;
      }
      if (first !== null) {
        // A connection object costs one; its edges and nodes are the `first` it asked for.
        total += multiplier + walk(selection.selectionSet, child, multiplier, seen, first);
        continue;
      }
      // nodes(ids) holds one per id; a connection's edges and nodes hold its `first`; other lists, the estimate.
      const ids = Array.isArray(args.ids) ? args.ids.length : null;
      const holds = isList ? (ids ?? page ?? listEstimate) : 1;
      total += multiplier * holds + walk(selection.selectionSet, child, multiplier * holds, seen, null);
    }
    return total;
  };
  return walk(operation.selectionSet, root, 1, new Set(), null);
}

/** Objects actually in an answer's data (the root excluded): what `extensions.cost.actual` reports. */
export function countObjects(data: Record<string, unknown> | null | undefined): number {
  return data ? Object.values(data).reduce<number>((sum, value) => sum + countTree(value), 0) : 0;
}

function countTree(value: unknown): number {
  if (Array.isArray(value)) return value.reduce<number>((sum, item) => sum + countTree(item), 0);
  if (value === null || typeof value !== 'object') return 0;
  let count = 1;
  for (const child of Object.values(value)) count += countTree(child);
  return count;
}
