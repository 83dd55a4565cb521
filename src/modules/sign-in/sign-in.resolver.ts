import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../graphql/context.js";
import type { SignInService } from "./sign-in.service.js";
import { SignInResult } from "./sign-in.type.js";

@Resolver()
export class SignInResolver {
  constructor(private readonly signIn: SignInService) {}

  @Mutation(() => SignInResult, { description: "No token needed. A wrong password gives isVerified: false, whether or not the user exists" })
  async signInWithPassword(
    @Arg("userPrincipalName", () => String) userPrincipalName: string,
    @Arg("password", () => String) password: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SignInResult> {
    return (await this.signIn.signInWithPassword(userPrincipalName, password, ctx.clientAddress)) as SignInResult;
  }
}
