import { Field, ID, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../../graphql/scalars.js";
import { PhoneAuthenticationMethod } from "../authentication/authentication-method.type.js";
import { VerificationFailureReason } from "../../graphql/enums.js";
import type { ChallengeView, VerificationOutcome } from "./one-time-codes.service.js";

@ObjectType("VerificationChallenge")
export class VerificationChallenge {
  @Field(() => ID)
  challengeId!: string;

  @Field(() => DateTimeScalar)
  expiresDateTime!: Date;

  @Field(() => String, { description: 'e.g. "+1 ******0123"' })
  maskedPhoneNumber!: string;

  static of(view: ChallengeView): VerificationChallenge {
    return Object.assign(new VerificationChallenge(), {
      challengeId: view.challengeId,
      expiresDateTime: view.expiresAt,
      maskedPhoneNumber: view.maskedPhoneNumber,
    });
  }
}

@ObjectType("VerificationResult")
export class VerificationResult {
  @Field(() => Boolean)
  isVerified!: boolean;

  @Field(() => VerificationFailureReason, { nullable: true })
  failureReason!: VerificationFailureReason | null;

  @Field(() => String, { nullable: true, description: "verifySmsChallenge: a short-lived, single-use proof for validateChallengeToken" })
  token!: string | null;

  @Field(() => PhoneAuthenticationMethod, { nullable: true, description: "The registered (verifyPhone) or verified (verifySmsChallenge) phone" })
  method!: PhoneAuthenticationMethod | null;

  static of(outcome: VerificationOutcome): VerificationResult {
    return Object.assign(new VerificationResult(), {
      isVerified: outcome.isVerified,
      failureReason: outcome.failureReason,
      token: outcome.token,
      method: outcome.method ? PhoneAuthenticationMethod.of(outcome.method) : null,
    });
  }
}
