// The typed graphql() tag of GraphQL Code Generator's client preset (`npm run codegen`).
export { graphql } from "./gql/index.js";
export type * from "./gql/graphql.js";
