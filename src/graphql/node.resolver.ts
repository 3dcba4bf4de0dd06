import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { badArgument } from '../common/errors';
import type { Context } from './context';
import { fromGlobalId, Node, NODE_TYPES, toGlobalId, typeNameOf, type NodeRecord } from './relay';

const MAX_NODES = 100;

/** Relay's node(id) and nodes(ids), and the global id of every Node. */
@Resolver(() => Node)
export class NodeResolver {
  @FieldResolver(() => ID)
  id(@Root() record: NodeRecord): string {
    return toGlobalId(record);
  }

  @Query(() => Node, { nullable: true, description: 'Any object by its global id; null when it does not exist (any more).' })
  node(@Arg('id', () => ID, { description: 'A global id this API gave out.' }) id: string, @Ctx() ctx: Context): Promise<NodeRecord | null> {
    return loadNode(id, ctx, 'id');
  }

  @Query(() => [Node], { nullable: 'items', description: 'Objects by global id, in the order asked; null for each that does not exist.' })
  nodes(@Arg('ids', () => [ID], { description: `Up to ${MAX_NODES} global ids.` }) ids: string[], @Ctx() ctx: Context): Promise<(NodeRecord | null)[]> {
    if (ids.length > MAX_NODES) throw badArgument('ids', `must hold at most ${MAX_NODES} ids, got ${ids.length}`);
    return Promise.all(ids.map((id, i) => loadNode(id, ctx, `ids[${i}]`)));
  }
}

async function loadNode(id: string, { loaders }: Context, path: string): Promise<NodeRecord | null> {
  const { typeName, slug } = fromGlobalId(id, path);
  let record: NodeRecord | null;
  if ((Object.values(NODE_TYPES.actor) as string[]).includes(typeName)) record = await loaders.actorBySlug.load(slug);
  else if ((Object.values(NODE_TYPES.event) as string[]).includes(typeName)) record = await loaders.eventBySlug.load(slug);
  else if (typeName === 'Place') record = await loaders.placeBySlug.load(slug);
  else record = await loaders.articleBySlug.load(slug);
  // An id names a type too: a slug now held by another kind is not the object the id named.
  return record && typeNameOf(record) === typeName ? record : null;
}
