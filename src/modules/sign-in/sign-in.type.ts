import { Field, Int, ObjectType } from "type-graphql";
import { VerificationFailureReason } from "../../graphql/enums.js";

/** Shared by signInWithPassword and completeSmsSignIn. */
@ObjectType("SignInResult")
export class SignInResult {
  @Field(() => Boolean)
  isVerified!: boolean;

  @Field(() => VerificationFailureReason, { nullable: true })
  failureReason!: VerificationFailureReason | null;

  @Field(() => String, { nullable: true, description: "A bearer token for the signed-in user" })
  accessToken!: string | null;

  @Field(() => Int, { nullable: true, description: "Seconds until accessToken expires" })
  expiresIn!: number | null;

  @Field(() => [String], { description: 'What the user must do next, e.g. "registerSms"' })
  requiredActions!: string[];

  @Field(() => [String], { description: "The scopes accessToken carries: those requested that the user's directory roles permit (empty when not signed in)" })
  grantedScopes!: string[];

  @Field(() => String, { nullable: true, description: "Trades for a new access token and a new refresh token (refreshAccessToken); each works once" })
  refreshToken!: string | null;
}
