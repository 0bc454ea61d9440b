// graphql-ws publishes `graphql-ws/use/ws` only through package.json "exports", which the
// project's `moduleResolution: node` does not read. Node resolves it at run time; this
// points the type checker at the same declarations.
declare module "graphql-ws/use/ws" {
  export * from "graphql-ws/dist/use/ws";
}
