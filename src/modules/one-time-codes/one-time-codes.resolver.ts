import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../graphql/context.js";
import { UserIdArg } from "../../graphql/user-id-arg.js";
import { PhoneMethodInput } from "../phone-methods/phone-method.input.js";
import { SignInResult } from "../sign-in/sign-in.type.js";
import { VerificationChallenge, VerificationResult } from "./one-time-code.type.js";
import type { OneTimeCodesService } from "./one-time-codes.service.js";
import { SmsDelivery } from "./sms-delivery.type.js";

@Resolver()
export class OneTimeCodesResolver {
  private readonly codes: OneTimeCodesService;

  constructor(services: { codes: OneTimeCodesService }) {
    this.codes = services.codes;
  }

  @Mutation(() => VerificationChallenge, { description: '"Text me a code": texts a code to a phone that verifyPhone then registers' })
  async startPhoneVerification(
    @UserIdArg() userId: string | null,
    @Arg("input", () => PhoneMethodInput) input: PhoneMethodInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<VerificationChallenge> {
    return VerificationChallenge.of(await this.codes.startPhoneVerification(ctx, userId, input));
  }

  @Mutation(() => VerificationResult, { description: "Success registers the phone" })
  async verifyPhone(@Arg("challengeId", () => ID) challengeId: string, @Arg("code", () => String) code: string, @Ctx() ctx: GraphQLContext): Promise<VerificationResult> {
    return VerificationResult.of(await this.codes.verifyPhone(ctx, challengeId, code));
  }

  @Mutation(() => VerificationChallenge, { description: "Step-up: texts a code to a registered mobile phone (id = the phone method id)" })
  async startSmsChallenge(@UserIdArg() userId: string | null, @Arg("id", () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<VerificationChallenge> {
    return VerificationChallenge.of(await this.codes.startSmsChallenge(ctx, userId, id));
  }

  @Mutation(() => VerificationResult, { description: "Success returns a short-lived, single-use token" })
  async verifySmsChallenge(
    @Arg("challengeId", () => ID) challengeId: string,
    @Arg("code", () => String) code: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<VerificationResult> {
    return VerificationResult.of(await this.codes.verifySmsChallenge(ctx, challengeId, code));
  }

  @Mutation(() => Boolean, { description: "Server-side check of a verifySmsChallenge token; true once, then false" })
  async validateChallengeToken(@Arg("token", () => String) token: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return this.codes.validateChallengeToken(ctx, token);
  }

  @Mutation(() => VerificationChallenge, { description: "No token needed. Answers alike whether or not the number belongs to anyone" })
  async startSmsSignIn(@Arg("phoneNumber", () => String) phoneNumber: string, @Ctx() ctx: GraphQLContext): Promise<VerificationChallenge> {
    return VerificationChallenge.of(await this.codes.startSmsSignIn(ctx, phoneNumber));
  }

  @Query(() => [SmsDelivery], {
    description: "SMS sign-in codes texted in the background, newest first, and how their delivery went. Global Administrator or application permission Policy.Read.All",
  })
  async smsDeliveries(@Arg("first", () => Int, { nullable: true, defaultValue: 50 }) first: number | null, @Ctx() ctx: GraphQLContext): Promise<SmsDelivery[]> {
    return (await this.codes.listSmsDeliveries(ctx, first ?? 50)).map(SmsDelivery.of);
  }

  @Mutation(() => SignInResult, { description: "No token needed. accessToken is a bearer token for the user" })
  async completeSmsSignIn(
    @Arg("challengeId", () => ID) challengeId: string,
    @Arg("code", () => String) code: string,
    @Arg("scopes", () => [String], { nullable: true, description: "Scopes to ask for; granted as the user's directory roles permit. Omitted: the defaults" })
    scopes: string[] | null | undefined,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SignInResult> {
    return this.codes.completeSmsSignIn(ctx, challengeId, code, scopes);
  }
}
