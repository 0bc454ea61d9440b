import { Field, Int, ObjectType, type ClassType } from "type-graphql";
import type { Connection, Edge } from "./connection";
import { PageInfo } from "./page-info.type";

export interface ConnectionTypeOptions {
  description?: string;
  totalCountDescription?: string;
}

/** The GraphQL types `<name>Edge` and `<name>Connection` over `Node`, for `toConnection` pages. */
export function connectionType<N extends object>(
  Node: ClassType<N>,
  name: string,
  opts: ConnectionTypeOptions = {},
): ClassType<Connection<N>> {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class NodeEdge implements Edge<N> {
    @Field(() => String) cursor!: string;
    @Field(() => Node) node!: N;
  }

  @ObjectType(`${name}Connection`, { description: opts.description, simpleResolvers: true })
  class NodeConnection implements Connection<N> {
    @Field(() => Int, { description: opts.totalCountDescription }) totalCount!: number;
    @Field(() => [NodeEdge]) edges!: NodeEdge[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
  }

  return NodeConnection;
}
