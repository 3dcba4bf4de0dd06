import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Whether the query asks, below the field being resolved, for the field at `path` (response
 * names are not used: field names, through fragments and inline fragments). A field under
 * @skip/@include counts as asked: looking ahead only fetches more, it never answers less.
 */
export function selects(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  const search = (sets: readonly (SelectionSetNode | undefined)[], depth: number): boolean => {
    const matches: (SelectionSetNode | undefined)[] = [];
    const visit = (set: SelectionSetNode | undefined, seen: Set<string>) => {
      for (const selection of set?.selections ?? []) {
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value === path[depth]) matches.push((selection as FieldNode).selectionSet);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          visit(selection.selectionSet, seen);
        } else if (!seen.has(selection.name.value)) {
          seen.add(selection.name.value);
          visit(info.fragments[selection.name.value]?.selectionSet, seen);
        }
      }
    };
    for (const set of sets) visit(set, new Set());
    if (matches.length === 0) return false;
    return depth === path.length - 1 || search(matches, depth + 1);
  };
  return search(info.fieldNodes.map((node) => node.selectionSet), 0);
}
