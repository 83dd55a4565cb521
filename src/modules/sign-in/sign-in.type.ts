import { Field, Int, ObjectType, registerEnumType } from "type-graphql";

export enum VerificationFailureReason {
  CODE_INVALID_OR_EXPIRED = "CODE_INVALID_OR_EXPIRED",
  MAX_ATTEMPTS_EXCEEDED = "MAX_ATTEMPTS_EXCEEDED",
}
registerEnumType(VerificationFailureReason, { name: "VerificationFailureReason" });

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
}
