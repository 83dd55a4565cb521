import { Arg, Ctx, ID, Resolver, Root, Subscription } from "type-graphql";
import type { GraphQLContext } from "../graphql/context.js";
import { UserIdArg } from "../graphql/user-id-arg.js";
import { AuthenticationMethodChange } from "./authentication/method-change.type.js";
import type { MethodChangeEvent } from "./authentication/method-changes.js";
import { LongRunningOperation } from "./operations/operation.type.js";
import type { OperationEvent } from "./operations/operations.service.js";

// One subscription context lives as long as the subscription: forget cached reads per event.
const fresh = (ctx: GraphQLContext) => {
  for (const loader of Object.values(ctx.loaders)) loader.clearAll();
};

@Resolver()
export class SubscriptionsResolver {
  @Subscription(() => LongRunningOperation, {
    description: "The operation's current state, then every change; completes after succeeded or failed",
    subscribe: ({ args, context }) => (context as GraphQLContext).feeds.followOperation(context as GraphQLContext, args.operationId as string),
  })
  operationStatusChanged(@Arg("operationId", () => ID) _operationId: string, @Root() event: OperationEvent): LongRunningOperation {
    return LongRunningOperation.of(event);
  }

  @Subscription(() => AuthenticationMethodChange, {
    description: "Added, updated and deleted methods of a user (omitted: the signed-in user)",
    subscribe: ({ args, context }) => (context as GraphQLContext).feeds.followMethodChanges(context as GraphQLContext, args.userId as string | undefined),
  })
  authenticationMethodsChanged(
    @UserIdArg() _userId: string | null,
    @Root() event: MethodChangeEvent,
    @Ctx() ctx: GraphQLContext,
  ): AuthenticationMethodChange {
    fresh(ctx);
    return AuthenticationMethodChange.of(event);
  }
}
