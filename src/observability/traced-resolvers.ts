import type { Tracer } from "@opentelemetry/api";
import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";
import { inChildSpan } from "./tracing.js";

/**
 * Gives every root field (queries, mutations, setting up a subscription) a span of its own,
 * under the operation's; nested fields are left alone (a span per list item costs more than it
 * tells). Only called when tracing is on: the schema is otherwise untouched.
 */
export function traceRootResolvers(schema: GraphQLSchema, tracer: Tracer): void {
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    if (!root) continue;
    for (const field of Object.values(root.getFields())) {
      const name = `resolve ${root.name}.${field.name}`;
      const attributes = { "graphql.field.name": field.name, "graphql.field.parent": root.name };
      const wrap = (resolve: GraphQLFieldResolver<unknown, unknown>): GraphQLFieldResolver<unknown, unknown> =>
        (source, args, contextValue, info) => inChildSpan(tracer, name, attributes, () => resolve(source, args, contextValue, info));
      if (root === schema.getSubscriptionType()) {
        if (field.subscribe) field.subscribe = wrap(field.subscribe);
      } else {
        field.resolve = wrap(field.resolve ?? defaultFieldResolver);
      }
    }
  }
}
