import { Arg, ID, Resolver, Root, Subscription } from "type-graphql";
import type { GraphQLContext } from "../../graphql/context.js";
import { LongRunningOperation } from "./operation.type.js";
import type { OperationEvent } from "./operations.service.js";

@Resolver()
export class OperationsResolver {
  @Subscription(() => LongRunningOperation, {
    description: "The operation's current state, then every change; completes after succeeded or failed",
    subscribe: ({ args, context }) => (context as GraphQLContext).feeds.followOperation(context as GraphQLContext, args.operationId as string),
  })
  operationStatusChanged(@Arg("operationId", () => ID) _operationId: string, @Root() event: OperationEvent): LongRunningOperation {
    return LongRunningOperation.of(event);
  }
}
