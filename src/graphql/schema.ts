import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { buildSchema, type ResolverData } from "type-graphql";
import { validateArguments, type ArgumentSchemas } from "./argument-validation.js";
import type { GraphQLContext } from "./context.js";

/** A resolver class: made once, given the services it names in its constructor. */
export type ResolverClass<S> = new (services: S) => object;

/**
 * Builds the executable schema from the features' resolvers, each made once with its services,
 * so resolvers stay thin and nothing is a module-level singleton. Without services the schema
 * can be printed, not run. Every field's arguments are validated at this edge
 * (src/graphql/argument-validation.ts) before a resolver sees them.
 */
export async function buildGatewaySchema<S>(resolvers: readonly ResolverClass<S>[], argumentSchemas: ArgumentSchemas, services?: S): Promise<GraphQLSchema> {
  const instances = new Map<Function, object>(services === undefined ? [] : resolvers.map((Resolver) => [Resolver, new Resolver(services)]));
  const schema = await buildSchema({
    resolvers: [...resolvers] as Function[] as [Function, ...Function[]],
    container: {
      get: (cls: Function, _data: ResolverData<GraphQLContext>) => {
        const instance = instances.get(cls);
        if (!instance) throw new Error(`No instance of ${cls.name}: the schema was built without services`);
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
  });
  return validateArguments(schema, argumentSchemas);
}
