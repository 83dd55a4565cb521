import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../graphql/context.js";
import { UserIdArg } from "../../graphql/user-id-arg.js";
import { LongRunningOperation } from "../operations/operation.type.js";
import type { PasswordResetService } from "./password-reset.service.js";
import { PasswordResetResult } from "./password-reset.type.js";

@Resolver()
export class PasswordMethodsResolver {
  private readonly resets: PasswordResetService;

  constructor(services: { resets: PasswordResetService }) {
    this.resets = services.resets;
  }

  @Mutation(() => PasswordResetResult, { description: "Starts a reset; follow it with operationStatusChanged" })
  async resetPassword(
    @UserIdArg() userId: string | null,
    @Arg("id", () => ID, { description: "The password method id" }) id: string,
    @Arg("newPassword", () => String, { nullable: true, description: "Omitted: a strong password is generated and returned once" }) newPassword: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PasswordResetResult> {
    const started = await this.resets.resetPassword(ctx, userId, id, newPassword);
    return { operation: LongRunningOperation.of(started.operation), newPassword: started.newPassword };
  }
}
