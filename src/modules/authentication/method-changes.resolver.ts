import { Ctx, Resolver, Root, Subscription } from "type-graphql";
import type { GraphQLContext } from "../../graphql/context.js";
import { UserIdArg } from "../../graphql/user-id-arg.js";
import { AuthenticationMethodChange } from "./method-change.type.js";
import type { MethodChangeEvent } from "./method-changes.js";

@Resolver()
export class MethodChangesResolver {
  @Subscription(() => AuthenticationMethodChange, {
    description: "Added, updated and deleted methods of a user (omitted: the signed-in user)",
    subscribe: ({ args, context }) => (context as GraphQLContext).feeds.followMethodChanges(context as GraphQLContext, args.userId as string | undefined),
  })
  authenticationMethodsChanged(@UserIdArg() _userId: string | null, @Root() event: MethodChangeEvent, @Ctx() ctx: GraphQLContext): AuthenticationMethodChange {
    // One subscription context lives as long as the subscription: forget cached reads per event.
    ctx.loaders.clear();
    return AuthenticationMethodChange.of(event);
  }
}
