import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../graphql/context.js";
import type { SignInService } from "./sign-in.service.js";
import { SignInResult } from "./sign-in.type.js";

@Resolver()
export class SignInResolver {
  private readonly signIn: SignInService;

  constructor(services: { signIn: SignInService }) {
    this.signIn = services.signIn;
  }

  @Mutation(() => SignInResult, { description: "No token needed. A wrong password gives isVerified: false, whether or not the user exists" })
  async signInWithPassword(
    @Arg("userPrincipalName", () => String) userPrincipalName: string,
    @Arg("password", () => String) password: string,
    @Arg("scopes", () => [String], { nullable: true, description: "Scopes to ask for; granted as the user's directory roles permit. Omitted: the defaults" })
    scopes: string[] | null | undefined,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SignInResult> {
    return this.signIn.signInWithPassword(userPrincipalName, password, ctx.clientAddress, scopes, ctx);
  }
}
