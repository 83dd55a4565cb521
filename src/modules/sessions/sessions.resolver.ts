import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../graphql/context.js";
import { SignInResult } from "../sign-in/sign-in.type.js";
import type { PasswordChangeService } from "./password-change.service.js";
import type { SessionsService } from "./sessions.service.js";

@Resolver()
export class SessionsResolver {
  private readonly sessions: SessionsService;
  private readonly passwordChange: PasswordChangeService;

  constructor(services: { sessions: SessionsService; passwordChange: PasswordChangeService }) {
    this.sessions = services.sessions;
    this.passwordChange = services.passwordChange;
  }

  @Mutation(() => SignInResult, {
    description: "No token needed. Trades a refresh token for a new access token (same scopes) and a new refresh token; a refresh token used twice ends its session",
  })
  async refreshAccessToken(@Arg("refreshToken", () => String) refreshToken: string, @Ctx() ctx: GraphQLContext): Promise<SignInResult> {
    const tokens = await this.sessions.refreshAccessToken(ctx, refreshToken);
    return { isVerified: true, failureReason: null, requiredActions: [], ...tokens };
  }

  @Mutation(() => Boolean, { description: "Changes the signed-in user's password; every other session of theirs ends, this one goes on" })
  async changeMyPassword(
    @Arg("currentPassword", () => String) currentPassword: string,
    @Arg("newPassword", () => String) newPassword: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    return this.passwordChange.changeMyPassword(ctx, currentPassword, newPassword);
  }

  @Mutation(() => Boolean, { description: "Ends the current session: this token, the session it belongs to and its refresh tokens are revoked" })
  async signOut(@Ctx() ctx: GraphQLContext): Promise<boolean> {
    return this.sessions.signOut(ctx);
  }
}
