import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { buildSchema, type ResolverData } from "type-graphql";
import { ARGUMENT_SCHEMAS } from "./argument-schemas.js";
import { validateArguments } from "./argument-validation.js";
import type { GraphQLContext } from "./context.js";

export type ResolverInstance = object;

/**
 * Builds the executable schema from resolver instances (services already injected), so
 * resolvers stay thin and nothing is a module-level singleton. Every field's arguments are
 * validated at this edge (src/graphql/argument-validation.ts) before a resolver sees them.
 */
export async function buildGatewaySchema(resolvers: ResolverInstance[], options: { emitSchemaFile?: string } = {}): Promise<GraphQLSchema> {
  const byClass = new Map<Function, ResolverInstance>(resolvers.map((r) => [r.constructor, r]));
  const schema = await buildSchema({
    resolvers: resolvers.map((r) => r.constructor) as [Function, ...Function[]],
    container: {
      get: (cls: Function, _data: ResolverData<GraphQLContext>) => {
        const instance = byClass.get(cls);
        if (!instance) throw new Error(`No instance registered for ${cls.name}`);
        return instance;
      },
    },
    validate: false,
    // Every subscription brings its own `subscribe` source (src/events); type-graphql's topic
    // pub/sub is never used, but it insists on one being configured.
    pubSub: {
      publish: () => {
        throw new Error("topic pub/sub is not used: publish through the EventBus");
      },
      subscribe: () => {
        throw new Error("topic pub/sub is not used: subscriptions define `subscribe`");
      },
    },
    emitSchemaFile: options.emitSchemaFile ? { path: options.emitSchemaFile, sortedSchema: false } : false,
  });
  return validateArguments(schema, ARGUMENT_SCHEMAS);
}
