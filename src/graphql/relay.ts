import { Field, ID, Int, InterfaceType, ObjectType, type ClassType } from 'type-graphql';
import type { Page } from '../common/pagination';
import { badArgument } from '../common/errors';

/** The GraphQL type name of every record a resolver can hand out as a Node. */
export const NODE_TYPES = {
  actor: { PERSON: 'Person', COUNTRY: 'Country', ORGANIZATION: 'Organization' },
  event: { MEETING: 'Meeting', GATHERING: 'Gathering', PLEDGE: 'Pledge', STATEMENT: 'Statement', PROPOSAL: 'Proposal', ACTION: 'Action' },
} as const;

export type NodeTypeName =
  | (typeof NODE_TYPES.actor)[keyof typeof NODE_TYPES.actor]
  | (typeof NODE_TYPES.event)[keyof typeof NODE_TYPES.event]
  | 'Place'
  | 'Article';

export interface NodeRecord {
  entity: 'actor' | 'event' | 'place' | 'article';
  kind?: string;
  slug: string;
}

export function typeNameOf(record: NodeRecord): NodeTypeName {
  switch (record.entity) {
    case 'actor':
      return NODE_TYPES.actor[record.kind as keyof typeof NODE_TYPES.actor];
    case 'event':
      return NODE_TYPES.event[record.kind as keyof typeof NODE_TYPES.event];
    case 'place':
      return 'Place';
    case 'article':
      return 'Article';
  }
}

/** Relay global ids: opaque to clients, stable across stores because they carry the slug. */
export function toGlobalId(record: NodeRecord): string {
  return Buffer.from(`${typeNameOf(record)}:${record.slug}`).toString('base64url');
}

export function fromGlobalId(id: string, path = 'id'): { typeName: NodeTypeName; slug: string } {
  const decoded = Buffer.from(id, 'base64url').toString('utf8');
  const colon = decoded.indexOf(':');
  const typeName = decoded.slice(0, colon) as NodeTypeName;
  const known: string[] = [...Object.values(NODE_TYPES.actor), ...Object.values(NODE_TYPES.event), 'Place', 'Article'];
  if (colon < 1 || !known.includes(typeName) || decoded.length === colon + 1) {
    throw badArgument(path, `"${id}" is not an id this API gave out`);
  }
  return { typeName, slug: decoded.slice(colon + 1) };
}

@InterfaceType({
  description: 'An object with a global id, fetchable with node(id) and nodes(ids).',
  resolveType: (value: NodeRecord) => typeNameOf(value),
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global id; stable for the life of the object.' })
  id: string;
}

@ObjectType({ description: 'Where a page of a connection stands.' })
export class PageInfo {
  @Field({ description: 'True when more items follow this page.' })
  hasNextPage: boolean;

  @Field({ description: 'True when this page was asked for with `after` (items precede it).' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of the page.' })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item; pass it as `after` for the next page.' })
  endCursor: string | null;
}

/** A page served as a Relay connection; totalCount runs only when a client selects it. */
export class ConnectionValue<T> {
  constructor(
    private readonly page: Page<T>,
    private readonly count: () => Promise<number> | number,
  ) {}

  get edges(): { cursor: string; node: T }[] {
    return this.page.items.map(({ cursor, item }) => ({ cursor, node: item }));
  }

  get pageInfo(): PageInfo {
    const items = this.page.items;
    return {
      hasNextPage: this.page.hasNextPage,
      hasPreviousPage: this.page.hasPreviousPage,
      startCursor: items[0]?.cursor ?? null,
      endCursor: items[items.length - 1]?.cursor ?? null,
    };
  }

  get totalCount(): Promise<number> | number {
    return this.count();
  }
}

/** Builds the `<Name>Edge` and `<Name>Connection` object types of a node type. */
export function connectionOf<T extends object>(name: string, nodeType: ClassType<T> | (abstract new () => T), described: string) {
  @ObjectType(`${name}Edge`, { description: `One ${described} and its cursor.` })
  class Edge {
    @Field({ description: 'Pass as `after` to get the items that follow this one.' })
    cursor: string;

    @Field(() => nodeType as ClassType<T>, { description: `The ${described}.` })
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${described} items.` })
  class Connection {
    @Field(() => [Edge], { description: 'The items of this page, in order.' })
    edges: Edge[];

    @Field(() => PageInfo, { description: 'Where this page stands.' })
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'How many items the whole connection holds (all pages).' })
    totalCount: number;
  }
  return Connection;
}
